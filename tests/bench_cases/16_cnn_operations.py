"""Lesson 16: the vectorised convolution layer against the lesson's own
loops and against SciPy.

Data (every case): the source material's workload. A seeded batch x of 64
one-channel images of 28 x 28 (numpy default_rng(0), standard normal),
8 filters w of 3 x 3 and 8 biases b (standard normal too), stride 1,
pad 1, so out is (64, 8, 28, 28); for the backward pass a dout of that
shape, standard normal. The loops are the lesson's conv2d_forward_loops
and conv2d_backward_loops (one Python iteration per output entry, about
400,000 of them), loaded from its `model` cells in the setup; ours are
conv2d_forward and conv2d_backward (im2col and matrix products).

1. forward: ours against the loops; budget 0.01 (at least 100x faster).
2. forward + backward: ours against the loops doing both; budget 0.01.
3. forward against scipy.signal.correlate doing the same work: for each
   image n and filter f, correlate the zero-padded image x_pad[n],
   (1, 30, 30), with w[f], (1, 3, 3), in mode 'valid' (one position along
   the channel axis, so the result sums over the channels), take its
   (28, 28) map, add b[f] and store it in a preallocated (64, 8, 28, 28)
   array: 512 calls. SciPy picks its method ('auto': direct sums for a
   kernel this small). Budget 3.
4. The lesson's SmallCNN, the readable model (conv 8 filters 3x3 pad 1,
   ReLU, 2x2 max-pool, dense, softmax; mini-batch descent with momentum
   0.9, lr 0.05, batches of 32, 20 epochs), fit on the 1,347 training
   digits (rows of 64 pixels / 16, split as in the lesson) and predict on
   the 450 test digits, against scikit-learn's MLPClassifier with one
   hidden layer of 128 ReLU units and the same optimiser settings (sgd,
   momentum 0.9 without Nesterov, lr 0.05, batches of 32, 20 epochs, no
   early stopping, alpha 0). Not the same network (scikit-learn has no
   convolution); timed to be honest about ours. No budget.
"""
NOTEBOOK = "16-cnn-operations.ipynb"

WORKLOAD = """
import numpy as np
from scipy import signal
from notebook_code import load_model

loops = load_model("16-cnn-operations.ipynb")   # the lesson's loop versions
rng = np.random.default_rng(0)
x = rng.normal(size=(64, 1, 28, 28))            # (N, C, H, W)
w = rng.normal(size=(8, 1, 3, 3))               # (F, C, HH, WW)
b = rng.normal(size=8)                          # (F,)
dout = rng.normal(size=(64, 8, 28, 28))         # (N, F, H_out, W_out)
"""

SCIPY_FORWARD = """
x_pad = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
out = np.empty((64, 8, 28, 28))
for n in range(64):
    for f in range(8):
        out[n, f] = signal.correlate(x_pad[n], w[f], mode="valid")[0] + b[f]
"""

DIGITS = """
import warnings
import numpy as np
from sklearn.datasets import load_digits
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import train_test_split
warnings.simplefilter("ignore", ConvergenceWarning)
digits = load_digits()
X_train, X_test, y_train, y_test = train_test_split(
    digits.data / 16.0, digits.target, test_size=0.25, random_state=0)
"""

CASES = [
    dict(workload="conv forward, 64 x 1 x 28 x 28, 8 filters 3x3, pad 1 "
                  "(reference: the lesson's loops)",
         setup=WORKLOAD,
         ours="out, cache = conv2d_forward(x, w, b, 1, 1)",
         reference="out, cache = loops['conv2d_forward_loops'](x, w, b, 1, 1)",
         reference_name="lesson's loops",
         budget=0.01),
    dict(workload="conv forward + backward, 64 x 1 x 28 x 28, 8 filters "
                  "3x3, pad 1 (reference: the lesson's loops)",
         setup=WORKLOAD,
         ours="out, cache = conv2d_forward(x, w, b, 1, 1)\n"
              "dx, dw, db = conv2d_backward(dout, cache)",
         reference="out, cache = loops['conv2d_forward_loops'](x, w, b, 1, 1)"
                   "\ndx, dw, db = loops['conv2d_backward_loops'](dout, "
                   "cache)",
         reference_name="lesson's loops",
         budget=0.01),
    dict(workload="conv forward, 64 x 1 x 28 x 28, 8 filters 3x3, pad 1 "
                  "(reference: scipy.signal.correlate per image and filter,"
                  " + bias)",
         setup=WORKLOAD,
         ours="out, cache = conv2d_forward(x, w, b, 1, 1)",
         reference=SCIPY_FORWARD,
         reference_name="scipy.signal.correlate",
         budget=3.0),
    dict(workload="SmallCNN fit (20 epochs, 1,347 digits, batches of 32) "
                  "+ predict 450 (reference: MLPClassifier, 128 hidden, "
                  "same optimiser)",
         setup=DIGITS,
         ours="model = SmallCNN(image_shape=(1, 8, 8), num_epochs=20,\n"
              "                 random_state=0).fit(X_train, y_train)\n"
              "y_hat = model.predict(X_test)",
         sklearn="from sklearn.neural_network import MLPClassifier\n"
                 "model = MLPClassifier(hidden_layer_sizes=(128,), "
                 "solver='sgd', learning_rate_init=0.05, momentum=0.9,\n"
                 "    nesterovs_momentum=False, batch_size=32, max_iter=20, "
                 "alpha=0.0, random_state=0).fit(X_train, y_train)\n"
                 "y_hat = model.predict(X_test)",
         budget=None),
]

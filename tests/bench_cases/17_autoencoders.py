"""Lesson 17: the autoencoder trained in mini-batches, against the source
material's way of training it, one sample at a time.

The workload is the source's own: 1,000 samples of 10 numbers drawn from
N(0, 1), the layers 10 - 8 - 4 - 2 - 4 - 8 - 10, 100 epochs, plain
gradient descent with learning rate 0.01. Both sides train the same
network: tanh after the hidden layers, a linear code and a linear
output (the lesson's fix of the source's sigmoid output, which cannot
reach negative targets), the same data and the same number of epochs.

The reference is the source's loop, written in our words with its
structure kept: samples as columns of shape (10, 1), a forward pass that
stores every pre-activation, gradient lists filled afresh for every
sample, the derivative recomputed from the pre-activation, and a new
list of weights after every sample. It makes 100,000 updates; ours, in
batches of 128 (the model's default), makes 800, each on a (128, 10)
matrix. The source reports 5.95 s for its loop and 0.2 s for a batched
version at batch 32.

Ours is the lesson's readable model: one code path, the checked layers
of helpers.layers (every call validates its inputs), so each step pays
for those checks. It is timed to be honest about it, with no budget
(about 20x faster than the loop in batches of 128; an earlier version
with a second, unchecked copy of the backward pass had a budget of 1/30).

A second case keeps the source's batch of 32 (over 20 epochs, to keep
the reference's run short). One of our steps on 32 samples costs several
times one step of the loop on one sample (a matrix product on a batch
costs more than on a column, the layers check their inputs, and the
step shuffles and slices), so the gain is about 10x here, not 32x; this
is why the model's default batch is 128. No budget either.
"""
NOTEBOOK = "17-autoencoders.ipynb"

SOURCE_DATA = """
import numpy as np
rng = np.random.default_rng(0)
X = rng.standard_normal((1000, 10))        # the source's data: N(0, 1)
"""

ONE_BY_ONE = """
import numpy as np


def tanh_derivative(z):
    return 1.0 - np.tanh(z) ** 2


def train_one_by_one(X, sizes, lr, num_epochs, seed=0):
    # tanh after hidden layers; the code layer and the output are linear
    rng = np.random.default_rng(seed)
    n_layers = len(sizes) - 1
    linear = {n_layers // 2 - 1, n_layers - 1}
    weights = [rng.normal(0, np.sqrt(1 / d), size=(d, m))
               for d, m in zip(sizes[:-1], sizes[1:])]
    biases = [np.zeros((m, 1)) for m in sizes[1:]]
    for epoch in range(num_epochs):
        for i in rng.permutation(len(X)):
            x = X[i].reshape(-1, 1)                    # one sample: (D, 1)
            a, activations, zs = x, [x], []
            for l, (w, b) in enumerate(zip(weights, biases)):
                z = np.dot(w.T, a) + b
                a = z if l in linear else np.tanh(z)
                zs.append(z)
                activations.append(a)
            nabla_w = [np.zeros(w.shape) for w in weights]
            nabla_b = [np.zeros(b.shape) for b in biases]
            delta = 2.0 * (a - x) / len(x)             # output is linear
            for l in range(n_layers - 1, -1, -1):
                nabla_b[l] = delta
                nabla_w[l] = np.dot(activations[l], delta.T)
                if l:
                    delta = np.dot(weights[l], delta)
                    if l - 1 not in linear:
                        delta = delta * tanh_derivative(zs[l - 1])
            weights = [w - lr * nw for w, nw in zip(weights, nabla_w)]
            biases = [b - lr * nb for b, nb in zip(biases, nabla_b)]
    return weights, biases

"""

CASES = [
    dict(workload="source's workload: 1000 x 10 N(0, 1), 10-8-4-2-4-8-10 "
                  "(tanh hidden, linear code and output), 100 epochs, "
                  "gradient descent lr 0.01; ours in batches of 128",
         setup=SOURCE_DATA,
         ours="model = Autoencoder(hidden_sizes=(8, 4), n_components=2, "
              "activation='tanh', output='linear', optimizer='sgd', "
              "lr=0.01, batch_size=128, num_epochs=100, "
              "random_state=0).fit(X)",
         reference=ONE_BY_ONE + "train_one_by_one(X, [10, 8, 4, 2, 4, 8, "
                                "10], 0.01, 100)",
         reference_name="one sample at a time (source's loop)",
         budget=None),
    dict(workload="the same network and data, 20 epochs; ours in batches "
                  "of 32 (the source's batched figure)",
         setup=SOURCE_DATA,
         ours="model = Autoencoder(hidden_sizes=(8, 4), n_components=2, "
              "activation='tanh', output='linear', optimizer='sgd', "
              "lr=0.01, batch_size=32, num_epochs=20, "
              "random_state=0).fit(X)",
         reference=ONE_BY_ONE + "train_one_by_one(X, [10, 8, 4, 2, 4, 8, "
                                "10], 0.01, 20)",
         reference_name="one sample at a time (source's loop)",
         budget=None),
]

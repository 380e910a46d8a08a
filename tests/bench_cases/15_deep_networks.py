"""Lesson 15: our MLP against scikit-learn's MLPClassifier, trained the
same way.

Data: the digits scaled to [0, 1], 1347 images to fit (test_size=0.25,
random_state=0). Both train [64, 128, 64, 10] with ReLU hidden layers and
a softmax output on the mean cross-entropy, by plain mini-batch gradient
descent: learning rate 0.2, batches of 32, reshuffled every epoch, 30
epochs, no momentum (scikit-learn: solver="sgd", momentum=0.0), no weight
penalty (alpha=0.0), no early stop (tol=0.0, n_iter_no_change=30). The
same number of gradient steps on matrices of the same sizes, so the ratio
measures the implementations: our layer functions (each checks its
arguments) against scikit-learn's. fit is the work timed; predicting the
450 test images is included on both sides and costs little. `MLP` is the
lesson's readable model (a scikit-learn estimator, trained one `_epoch`
at a time), so it is reported without a budget.
"""
NOTEBOOK = "15-deep-networks.ipynb"

DIGITS = """
import warnings
from sklearn.datasets import load_digits
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import train_test_split
X, y = load_digits(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(
    X / 16.0, y, test_size=0.25, random_state=0)
warnings.simplefilter("ignore", ConvergenceWarning)
"""

CASES = [
    dict(workload="MLP fit, digits 1347 x 64 scaled to [0, 1], "
                  "[64, 128, 64, 10] ReLU, plain SGD lr 0.2, batch 32, "
                  "30 epochs (scikit-learn: MLPClassifier, solver='sgd', "
                  "momentum=0, alpha=0)",
         setup=DIGITS,
         ours="y_hat = MLP(hidden_layer_sizes=(128, 64), lr=0.2, "
              "batch_size=32, num_epochs=30, random_state=0)"
              ".fit(X_train, y_train).predict(X_test)",
         sklearn="from sklearn.neural_network import MLPClassifier\n"
                 "y_hat = MLPClassifier(hidden_layer_sizes=(128, 64), "
                 "activation='relu', solver='sgd', momentum=0.0, "
                 "learning_rate='constant', learning_rate_init=0.2, "
                 "batch_size=32, max_iter=30, tol=0.0, "
                 "n_iter_no_change=30, alpha=0.0, random_state=0)"
                 ".fit(X_train, y_train).predict(X_test)",
         budget=None),
]

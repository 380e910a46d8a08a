"""Lesson 10: our SMO (SVM class) against scikit-learn's SVC (libsvm).

Data: two Gaussian clouds in 10-D with identity covariance and centres 2
apart (labels 0/1, seed 0): 1000 points to fit, 1000 others to predict.
Same settings on both sides: C = 1, tol = 1e-3; the linear kernel (the
source material's workload: SVC 11.8 ms, the source's SMO 167 s) and the
RBF kernel with gamma = 1 / 10.
"""
NOTEBOOK = "10-support-vector-machines.ipynb"

SETUP = """
import numpy as np
from sklearn.svm import SVC


def two_clouds(rng, n=1000, d=10):
    y = rng.integers(0, 2, n)
    centre = np.where(y[:, None] == 1, 1.0, -1.0) / np.sqrt(d)
    return rng.normal(size=(n, d)) + centre, y


rng = np.random.default_rng(0)
X_train, y_train = two_clouds(rng)
X_test, y_test = two_clouds(rng)
"""

CASES = [
    dict(workload="SVM linear, C=1, tol=1e-3: fit 1000 x 10 two Gaussian "
                  "clouds (seed 0) + predict 1000",
         setup=SETUP,
         ours="SVM(C=1.0, kernel='linear', tol=1e-3)"
              ".fit(X_train, y_train).predict(X_test)",
         sklearn="SVC(C=1.0, kernel='linear', tol=1e-3)"
                 ".fit(X_train, y_train).predict(X_test)",
         budget=10),
    dict(workload="SVM RBF gamma=0.1, C=1, tol=1e-3: fit 1000 x 10 two "
                  "Gaussian clouds (seed 0) + predict 1000",
         setup=SETUP,
         ours="SVM(C=1.0, kernel='rbf', gamma=0.1, tol=1e-3)"
              ".fit(X_train, y_train).predict(X_test)",
         sklearn="SVC(C=1.0, kernel='rbf', gamma=0.1, tol=1e-3)"
                 ".fit(X_train, y_train).predict(X_test)",
         budget=10),
]

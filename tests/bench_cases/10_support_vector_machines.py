"""Lesson 10: our SMO against scikit-learn's SVC (libsvm).

Data: two Gaussian clouds in 10-D with identity covariance and centres 2
apart (labels 0/1, seed 0): 1000 points to fit, 1000 others to predict.
Same settings on both sides: C = 1, tol = 1e-3; the linear kernel (the
source material's workload: SVC 11.8 ms, the source's SMO 167 s) and the
RBF kernel with gamma = 1 / 10.

`SVM` is the readable SMO the lesson teaches (cells tagged `model`): timed
with no budget. `FastSVM` is the same model with `smo_fast`, from the
optional "Going further: making it fast" section (cells tagged `fast`):
the course holds it to 10x SVC's time.
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

DATA = "fit 1000 x 10 two Gaussian clouds (seed 0) + predict 1000"
LINEAR = "C=1.0, kernel='linear', tol=1e-3"
RBF = "C=1.0, kernel='rbf', gamma=0.1, tol=1e-3"
FIT_PREDICT = ".fit(X_train, y_train).predict(X_test)"

CASES = [
    dict(workload=f"SVM linear, C=1, tol=1e-3, readable smo: {DATA}",
         setup=SETUP,
         ours=f"SVM({LINEAR}){FIT_PREDICT}",
         sklearn=f"SVC({LINEAR}){FIT_PREDICT}",
         budget=None),
    dict(workload=f"SVM linear, C=1, tol=1e-3, smo_fast: {DATA}",
         setup=SETUP,
         ours=f"FastSVM({LINEAR}){FIT_PREDICT}",
         sklearn=f"SVC({LINEAR}){FIT_PREDICT}",
         cells=("model", "fast"),
         budget=10),
    dict(workload=f"SVM RBF gamma=0.1, C=1, tol=1e-3, readable smo: {DATA}",
         setup=SETUP,
         ours=f"SVM({RBF}){FIT_PREDICT}",
         sklearn=f"SVC({RBF}){FIT_PREDICT}",
         budget=None),
    dict(workload=f"SVM RBF gamma=0.1, C=1, tol=1e-3, smo_fast: {DATA}",
         setup=SETUP,
         ours=f"FastSVM({RBF}){FIT_PREDICT}",
         sklearn=f"SVC({RBF}){FIT_PREDICT}",
         cells=("model", "fast"),
         budget=10),
]

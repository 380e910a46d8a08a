"""Lesson 08: the random forests against scikit-learn's, fit + predict.

Data: the digits, split 1347 to fit and 450 to predict
(train_test_split(..., random_state=0)), 64 pixel features, 10 classes.
Both sides: 100 trees, bootstrap samples, max_features="sqrt", Gini,
trees grown until pure, random_state=0; scikit-learn on one core
(n_jobs=1), as ours. Two cases: the lesson's readable forest (a loop of
bootstrap samples and helpers.trees trees), reported with no budget, and
the optional "Going further: making it fast" forest (cells tagged `fast`),
which grows all the trees together, level by level, held to 5x.
"""
NOTEBOOK = "08-random-forests.ipynb"

DIGITS = """
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
X, y = load_digits(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
"""

WORKLOAD = ("digits 1347/450, 64 features, 10 classes, 100 trees, "
            "bootstrap, max_features='sqrt', gini, fully grown "
            "(scikit-learn: n_jobs=1)")
SKLEARN = ("from sklearn.ensemble import RandomForestClassifier\n"
           "y_hat = RandomForestClassifier(n_estimators=100, "
           "max_features='sqrt', bootstrap=True, n_jobs=1, "
           "random_state=0).fit(X_train, y_train).predict(X_test)")

CASES = [
    dict(workload="readable forest (one tree at a time): " + WORKLOAD,
         setup=DIGITS,
         ours="y_hat = RandomForestClassifier(n_estimators=100, "
              "max_features='sqrt', bootstrap=True, random_state=0)"
              ".fit(X_train, y_train).predict(X_test)",
         sklearn=SKLEARN,
         budget=None),
    dict(workload="all trees at once (fast): " + WORKLOAD,
         setup=DIGITS,
         ours="y_hat = RandomForestAllAtOnce(n_estimators=100, "
              "max_features='sqrt', bootstrap=True, random_state=0)"
              ".fit(X_train, y_train).predict(X_test)",
         sklearn=SKLEARN,
         cells=("model", "fast"),
         budget=5),
]

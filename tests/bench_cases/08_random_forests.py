"""Lesson 08: the random forest against scikit-learn's, fit + predict.

Data: the digits, split 1347 to fit and 450 to predict
(train_test_split(..., random_state=0)), 64 pixel features, 10 classes.
Both sides: 100 trees, bootstrap samples, max_features="sqrt", Gini,
trees grown until pure, random_state=0; scikit-learn on one core
(n_jobs=1), as ours. The lesson's forest grows all its trees together,
level by level, on the split search of helpers/trees.py.
"""
NOTEBOOK = "08-random-forests.ipynb"

DIGITS = """
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
X, y = load_digits(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
"""

CASES = [
    dict(workload="digits 1347/450, 64 features, 10 classes, 100 trees, "
                  "bootstrap, max_features='sqrt', gini, fully grown "
                  "(scikit-learn: n_jobs=1)",
         setup=DIGITS,
         ours="y_hat = RandomForestClassifier(n_estimators=100, "
              "max_features='sqrt', bootstrap=True, random_state=0)"
              ".fit(X_train, y_train).predict(X_test)",
         sklearn="from sklearn.ensemble import RandomForestClassifier\n"
                 "y_hat = RandomForestClassifier(n_estimators=100, "
                 "max_features='sqrt', bootstrap=True, n_jobs=1, "
                 "random_state=0).fit(X_train, y_train).predict(X_test)",
         budget=5),
]

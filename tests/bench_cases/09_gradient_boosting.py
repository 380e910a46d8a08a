"""Lesson 09: gradient boosting against scikit-learn's, fit + predict.

Data: Friedman's benchmark #1, `make_friedman1(n_samples=2000, noise=1.0,
random_state=0)` (generated locally by scikit-learn, no download): 10
features uniform on [0, 1], 1,500 samples fitted and 500 predicted. The
same settings on both sides: squared loss, 100 trees of depth 3, learning
rate 0.1, no subsampling. (scikit-learn 1.9 always grows squared-error
trees; its `criterion` parameter is deprecated and has no effect.)

One case: the lesson's readable model (its cells tagged `model`, the
boosting loop over helpers.trees' regression trees) already meets the 5x
budget boosting has, so the lesson has no "making it fast" section and
no second, faster variant to time.
"""
NOTEBOOK = "09-gradient-boosting.ipynb"

SETUP = """
from sklearn.datasets import make_friedman1
from sklearn.ensemble import GradientBoostingRegressor as SklearnBoosting
from sklearn.model_selection import train_test_split
X, y = make_friedman1(n_samples=2000, noise=1.0, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
"""

CASES = [
    dict(workload="friedman1 1500/500, 10 features, squared loss, 100 "
                  "trees of depth 3, learning rate 0.1",
         setup=SETUP,
         ours="y_hat = GradientBoostingRegressor(n_estimators=100, "
              "learning_rate=0.1, max_depth=3).fit(X_train, y_train)"
              ".predict(X_test)",
         sklearn="y_hat = SklearnBoosting(loss='squared_error', "
                 "n_estimators=100, learning_rate=0.1, max_depth=3, "
                 "subsample=1.0, random_state=0).fit(X_train, y_train)"
                 ".predict(X_test)",
         budget=5),
]

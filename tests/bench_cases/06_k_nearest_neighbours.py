"""Lesson 06: k-nearest neighbours against scikit-learn's brute force.

Data: the digits, split 1437 to fit and 360 to predict (test_size=0.2,
random_state=0), 64 whole-number pixel features, 10 classes. k = 5 with
distance weights on both sides; scikit-learn with algorithm="brute", the
search our model does. fit only stores the data, so predict is the work.
"""
NOTEBOOK = "06-k-nearest-neighbours.ipynb"

DIGITS = """
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
X, y = load_digits(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, random_state=0)
"""

CASES = [
    dict(workload="digits 1437/360, 64 features, k=5, distance weights, "
                  "classifier (scikit-learn: brute)",
         setup=DIGITS,
         ours="y_hat = KNNClassifier(k=5, weights='distance')"
              ".fit(X_train, y_train).predict(X_test)",
         sklearn="from sklearn.neighbors import KNeighborsClassifier\n"
                 "y_hat = KNeighborsClassifier(n_neighbors=5, "
                 "weights='distance', algorithm='brute')"
                 ".fit(X_train, y_train).predict(X_test)",
         budget=2.0),
    dict(workload="digits 1437/360, k=5, distance weights, regressor on "
                  "the label as a number (scikit-learn: brute)",
         setup=DIGITS,
         ours="y_hat = KNNRegressor(k=5, weights='distance')"
              ".fit(X_train, y_train).predict(X_test)",
         sklearn="from sklearn.neighbors import KNeighborsRegressor\n"
                 "y_hat = KNeighborsRegressor(n_neighbors=5, "
                 "weights='distance', algorithm='brute')"
                 ".fit(X_train, y_train).predict(X_test)",
         budget=2.0),
]

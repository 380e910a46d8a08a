"""Lesson 06: k-nearest neighbours against scikit-learn's brute force.

Data: the digits, split 1437 to fit and 360 to predict (test_size=0.2,
random_state=0), 64 whole-number pixel features, 10 classes. k = 5 with
distance weights on both sides; scikit-learn with algorithm="brute", the
search our model does. fit only stores the data, so predict is the work.

The lesson's readable models (cells tagged `model`: the whole table of
distances, a stable sort of every row) are timed with no budget. The
search of its optional last section (cells tagged `fast`: select by
value, in blocks of queries; the same neighbours) keeps the course's
budget of twice scikit-learn's time.
"""
NOTEBOOK = "06-k-nearest-neighbours.ipynb"

DIGITS = """
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
X, y = load_digits(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, random_state=0)
"""

CLASSIFIER = dict(
    workload="digits 1437/360, 64 features, k=5, distance weights, "
             "classifier (scikit-learn: brute)",
    setup=DIGITS,
    sklearn="from sklearn.neighbors import KNeighborsClassifier\n"
            "y_hat = KNeighborsClassifier(n_neighbors=5, "
            "weights='distance', algorithm='brute')"
            ".fit(X_train, y_train).predict(X_test)")

REGRESSOR = dict(
    workload="digits 1437/360, k=5, distance weights, regressor on "
             "the label as a number (scikit-learn: brute)",
    setup=DIGITS,
    sklearn="from sklearn.neighbors import KNeighborsRegressor\n"
            "y_hat = KNeighborsRegressor(n_neighbors=5, "
            "weights='distance', algorithm='brute')"
            ".fit(X_train, y_train).predict(X_test)")

CASES = [
    dict(CLASSIFIER,
         ours="y_hat = KNNClassifier(k=5, weights='distance')"
              ".fit(X_train, y_train).predict(X_test)",
         budget=None),
    dict(REGRESSOR,
         ours="y_hat = KNNRegressor(k=5, weights='distance')"
              ".fit(X_train, y_train).predict(X_test)",
         budget=None),
    dict(CLASSIFIER,
         workload=CLASSIFIER["workload"] + ", fast search",
         ours="y_hat = FastKNNClassifier(k=5, weights='distance')"
              ".fit(X_train, y_train).predict(X_test)",
         cells=("model", "fast"),
         budget=2.0),
    dict(REGRESSOR,
         workload=REGRESSOR["workload"] + ", fast search",
         ours="y_hat = FastKNNRegressor(k=5, weights='distance')"
              ".fit(X_train, y_train).predict(X_test)",
         cells=("model", "fast"),
         budget=2.0),
]

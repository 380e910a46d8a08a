"""Lesson 07: the decision tree against scikit-learn's, fit + predict.

The first case times the lesson's own tree (the notebook's cells tagged
`model`: the readable recursive tree, which sorts every feature in every
node), honestly and with no budget. The others time `helpers.trees`, the
same tree made fast (the lesson's "Going further: making it fast"), which
lessons 08 and 09 reuse: it keeps its budget.
"""
NOTEBOOK = "07-decision-trees.ipynb"

DIGITS = """
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
X, y = load_digits(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
"""

FRIEDMAN = """
from sklearn.datasets import make_friedman1
from sklearn.model_selection import train_test_split
X, y = make_friedman1(n_samples=2000, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
"""

SK_CLASSIFIER = """
from sklearn.tree import DecisionTreeClassifier as SklearnTree
SklearnTree(criterion="entropy", max_depth=10, random_state=0).fit(
    X_train, y_train).predict(X_test)
"""

CASES = [
    dict(workload="digits 1347/450, 64 features, 10 classes, entropy, "
                  "max_depth 10 (the lesson's readable tree)",
         setup=DIGITS,
         ours="DecisionTreeClassifier(criterion='entropy', max_depth=10)"
              ".fit(X_train, y_train).predict(X_test)",
         sklearn=SK_CLASSIFIER,
         budget=None),
    dict(workload="digits 1347/450, entropy, max_depth 10 "
                  "(helpers.trees, level by level)",
         setup=DIGITS,
         ours="from helpers import trees\n"
              "trees.DecisionTreeClassifier(criterion='entropy', "
              "max_depth=10).fit(X_train, y_train).predict(X_test)",
         sklearn=SK_CLASSIFIER,
         budget=3),
    dict(workload="friedman1 1500/500, 10 continuous features, squared "
                  "error, max_depth 3 as in boosting (helpers.trees)",
         setup=FRIEDMAN,
         ours="from helpers import trees\n"
              "trees.DecisionTreeRegressor(max_depth=3)"
              ".fit(X_train, y_train).predict(X_test)",
         sklearn="from sklearn.tree import DecisionTreeRegressor\n"
                 "DecisionTreeRegressor(max_depth=3, random_state=0).fit("
                 "X_train, y_train).predict(X_test)",
         budget=3),
]

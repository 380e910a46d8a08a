"""Plausible wrong answers to the exercises of 08-random-forests.ipynb,
one per solution region, for `python tests/student.py --try`."""

WRONG = [
    # Exercise 1: the share IN the bag, 1 - (1 - 1/n)^n, not the share
    # missed
    """
expected_oob = 1 - (1 - 1 / n_digits) ** n_digits
""",
    # Exercise 2: the soft vote (average the probabilities, then argmax)
    # instead of counting each tree's vote
    """
return np.argmax(proba_per_tree.mean(axis=0), axis=1)
""",
    # Exercise 3: += with fancy indexing instead of np.add.at: a feature
    # used by many nodes of a tree keeps only one node's share
    """
importances = np.zeros(n_features)
for estimator in forest.estimators_:
    tree = estimator.tree_
    weighted = tree.n_node_samples * tree.impurity
    inner = np.flatnonzero(tree.children_left != trees.LEAF)
    removed = (weighted[inner] - weighted[tree.children_left[inner]]
               - weighted[tree.children_right[inner]])
    per_tree = np.zeros(n_features)
    per_tree[tree.feature[inner]] += removed     # repeats add only once
    importances += per_tree / per_tree.sum()
return importances / len(forest.estimators_)
""",
]

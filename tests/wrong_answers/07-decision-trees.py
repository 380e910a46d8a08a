"""Plausible wrong answers to the exercises of 07-decision-trees.ipynb,
one per solution region, for `python tests/student.py --try`."""

WRONG = [
    # Exercise 1: the children's entropies not weighted by their sizes
    """
gain_ex1 = entropy(parent) - entropy(left_counts) - entropy(right_counts)
""",
    # Exercise 2: the comparison the wrong way round: x goes right when
    # x[feature] <= threshold
    """
tree = model.tree_
node = 0
while tree.children_left[node] != LEAF:
    if x[tree.feature[node]] <= tree.threshold[node]:
        node = tree.children_right[node]           # swapped sides
    else:
        node = tree.children_left[node]
return model.classes_[np.argmax(tree.value[node])]
""",
    # Exercise 3: the impurities alone, not weighted by the node sizes
    # (I_t - I_L - I_R instead of N_t I_t - N_L I_L - N_R I_R)
    """
importances = np.zeros(model.n_features_in_)
for node, _ in walk(model.root_):
    if not node.is_leaf():
        importances[node.feature] += (entropy(node.counts)
                                      - entropy(node.left.counts)
                                      - entropy(node.right.counts))
return importances / importances.sum()
""",
]

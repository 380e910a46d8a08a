"""Plausible wrong answers to the exercises of 06-k-nearest-neighbours.ipynb,
one per solution region, for `python tests/student.py --try`."""

WRONG = [
    # Exercise 1: the sum over the wrong axis (the training points, not
    # the features): shape (M, D) instead of (M, N)
    """
diff = X[:, None, :] - X_train[None, :, :]
return np.sum(np.abs(diff), axis=1)          # wrong axis
""",
    # Exercise 2: the weights forgotten, every neighbour counts once:
    # right for uniform weights, wrong for distance weights
    """
dist, ind = model.kneighbors(X)
votes = np.zeros((len(ind), len(model.classes_)))
np.add.at(votes, (np.arange(len(ind))[:, None], model.y_codes_[ind]), 1)
return votes / np.sum(votes, axis=1, keepdims=True)
""",
    # Exercise 3: off by one: best_k is the position of the best k in
    # k_values, not the k itself
    """
knn = KNNClassifier().fit(X_fit, y_fit)
val_accuracy = []
for k_try in k_values:
    knn.k = k_try
    val_accuracy.append(np.mean(knn.predict(X_val) == y_val))
val_accuracy = np.array(val_accuracy)
best_k = int(np.argmax(val_accuracy))        # an index, not a k
""",
]

"""Plausible wrong answers to the exercises of 06-k-nearest-neighbours.ipynb,
one per solution region, for `python tests/student.py --try`."""

WRONG = [
    # Exercise 1: the sum over the wrong axis (the training points, not
    # the features): shape (M, D) instead of (M, N)
    """
diff = X[:, None, :] - X_train[None, :, :]
return np.sum(np.abs(diff), axis=1)          # wrong axis
""",
    # Exercise 2: "most neighbours agree" (a share above one half) taken
    # for "all agree": the unanimous group gets the 3-2 votes too
    """
unanimous = proba.max(axis=1) > 0.5
accuracy_unanimous = np.mean(correct[unanimous])
accuracy_split = np.mean(correct[~unanimous])
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

"""Plausible wrong answers to the exercises of 10-support-vector-machines,
one per solution region in notebook order, for `tests/student.py --try`."""

WRONG = [
    # 1: 1 / ||w||, the distance from the boundary to one margin, not the
    # width between the two margins
    """\
w = model.dual_coef_ @ model.support_vectors_
return 1.0 / np.linalg.norm(w)
""",
    # 2: the mean hinge loss instead of its sum
    """\
w = model.dual_coef_ @ model.support_vectors_
hinge = np.maximum(0.0, 1.0 - y_pm * model.decision_function(X))
return 0.5 * w @ w + C * hinge.mean()
""",
    # 3: C_value never passed on, so every model has the default C = 1
    """\
for C_value in C_values:
    model = SVM(kernel="rbf", gamma=1.0).fit(X_moons, y_moons)
    n_support.append(len(model.support_))
    train_accuracy.append(np.mean(model.predict(X_moons) == y_moons))
""",
]

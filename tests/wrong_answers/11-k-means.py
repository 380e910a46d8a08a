"""Plausible wrong answers to the exercises of 11-k-means, one per
solution region in notebook order, for `tests/student.py --try`."""

WRONG = [
    # 1: argmin over the wrong axis: the nearest point of each centroid
    """\
diff = X[:, None, :] - C[None, :, :]
return np.argmin(np.sum(diff ** 2, axis=2), axis=0)
""",
    # 2: the distance to the farthest chosen centroid (max, not min)
    """\
d2 = np.max(np.sum((X[:, None, :] - C_chosen[None, :, :]) ** 2,
                   axis=2), axis=1)
return d2 / np.sum(d2)
""",
    # 3: the comparison the wrong way round: keeps the worst start
    """\
best = None
for s in range(n_starts):
    run = KMeans(k, random_state=s).fit(X)
    if best is None or run.inertia_ > best.inertia_:
        best = run
return best
""",
]

"""Plausible wrong answers to the exercises of
12-principal-component-analysis, one per solution region in notebook
order, for `tests/student.py --try`."""

WRONG = [
    # 1: divides by N instead of N - 1 (the ratios are still right)
    """\
variance = np.asarray(S, dtype=float) ** 2 / n_samples
return variance, variance / np.sum(variance)
""",
    # 2: the index of the first sum above the fraction, not the count
    # (off by one: k counts from 1)
    """\
cumulative = np.cumsum(ratios)
return int(np.argmax(cumulative > fraction))
""",
    # 3: rebuilt without adding the mean back
    """\
Z = model.transform(X)[:, :k]
X_hat = Z @ model.components_[:k]
return np.sum((X - X_hat) ** 2) / (len(X) - 1)
""",
]

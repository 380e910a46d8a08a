"""Wrong answers to the exercises of lesson 17 (autoencoders), one per
solution region, for `python tests/student.py --try`."""

WRONG = [
    # Exercise 1: one bias per input unit instead of per output unit (it
    # agrees on symmetric stacks, so only [64, 16, 3] catches it)
    """
return sum(d * m + d for d, m in zip(sizes[:-1], sizes[1:]))
""",
    # Exercise 2: a ReLU after the last (linear) layer too
    """
h = X
for w, b in encoder:
    h, _ = layers.dense_forward(h, w, b)
    h, _ = layers.relu_forward(h)
return h
""",
    # Exercise 3: not sorted, so the smallest angle comes first
    """
Q1, _ = np.linalg.qr(A)
Q2, _ = np.linalg.qr(B)
cosines = np.linalg.svd(Q1.T @ Q2, compute_uv=False)
return np.arccos(np.clip(cosines, -1.0, 1.0))
""",
]

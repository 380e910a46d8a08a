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
    # Exercise 3: the decoder made orthonormal, but the encoder left as
    # it was, so the reconstructions change
    """
Q, R = np.linalg.qr(W_d.T)
return [(W_e, b_e), (Q.T, b_d)]
""",
]

"""Wrong answers for the exercises of lesson 02 (two layers solve XOR), one
per solution region in notebook order: `python tests/student.py --try
notebooks/02-two-layer-xor.ipynb` runs them and shows each verdict."""

WRONG = [
    # Exercise 1: W1 read transposed, row j taken as hidden unit j's weights
    """\
z1_hand = np.array([x[0] * W1_hand[0, 0] + x[1] * W1_hand[0, 1] + b1_hand[0],
                    x[0] * W1_hand[1, 0] + x[1] * W1_hand[1, 1] + b1_hand[1]])
h_hand = activations.sigmoid(z1_hand)
z2_hand = h_hand[0] * W2_hand[0, 0] + h_hand[1] * W2_hand[1, 0] + b2_hand[0]
y_hat_hand = activations.sigmoid(z2_hand)
""",
    # Exercise 2: y left flat, so (N, 1) - (N,) broadcasts to (N, N)
    """\
loss = -np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
dy_hat = (y_hat - y) / (y_hat * (1 - y_hat)) / len(y)
""",
    # Exercise 3, count_params: the output bias b2 forgotten
    """\
return n_features * n_hidden + n_hidden + n_hidden * 1
""",
    # Exercise 3, n_source: the right count
    """\
n_source = 3 * 4 + 4 * 1
""",
]

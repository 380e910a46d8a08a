"""Wrong answers to the exercises of lesson 15 (deep networks), one per
solution region, for `python tests/student.py --try`."""

WRONG = [
    # Exercise 1: relu(Z) in place of its derivative relu'(Z)
    """
return (delta_next @ W_next.T) * np.maximum(Z, 0)
""",
    # Exercise 2: the variance's 2 in the bound, where the 6 belongs
    """
a = np.sqrt(2.0 / (n_in + n_out))
return rng.uniform(-a, a, size=(n_in, n_out))
""",
    # Exercise 3: the biases forgotten
    """
return sum(n_in * n_out
           for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:]))
""",
]

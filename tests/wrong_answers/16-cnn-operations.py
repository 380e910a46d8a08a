"""Wrong answers to the exercises of lesson 16 (CNN operations), one per
solution region, for `python tests/student.py --try`."""

WRONG = [
    # Exercise 1: the padding counted on one side only
    """
return (H + pad - HH) // stride + 1
""",
    # Exercise 2: no flip, so this is the cross-correlation
    """
return correlate2d_loops(image, kernel)
""",
    # Exercise 3: row and column swapped
    """
k = int(np.argmax(window))
q, p = divmod(k, window.shape[1])
return np.max(window), (p, q)
""",
]

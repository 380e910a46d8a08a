"""Plausible wrong answers to the exercises of 05-linear-regression.ipynb,
one per solution region, for `python tests/student.py --try`."""

WRONG = [
    # Exercise 1: the column of ones first, so lstsq returns (b, w) and
    # the two are unpacked the wrong way round
    """
X_toy_aug = np.column_stack([np.ones(len(x)), x])    # ones first
w_toy, b_toy = np.linalg.lstsq(X_toy_aug, y, rcond=None)[0]
""",
    # Exercise 2: forgot "1 -", so this is the share NOT explained
    """
y_hat_test = model_ls.predict(X_test)
ss_res = np.sum((y_test - y_hat_test) ** 2)
ss_tot = np.sum((y_test - y_test.mean()) ** 2)
r2_test = ss_res / ss_tot                    # missing "1 -"
""",
    # Exercise 3: the wrong end of eigvalsh, which sorts in ascending
    # order: [0] is the smallest eigenvalue, not the largest
    """
hessian = 2 * Z_train.T @ Z_train / len(Z_train)
lr_limit = 2 / np.linalg.eigvalsh(hessian)[0]    # smallest, not largest
""",
]

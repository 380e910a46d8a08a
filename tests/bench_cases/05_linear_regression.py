"""05-linear-regression.ipynb: our LinearRegression against scikit-learn's.

Data: a seeded synthetic regression, y = X @ true_w + 3 + noise with
20 standard-normal features: 5,000 rows to fit, 1,000 to predict. Our
model is the lesson's readable one (it has no faster variant), so its
cases have no budget: the closed form (the model's default) and gradient
descent, each against scikit-learn's closed form.
"""
NOTEBOOK = "05-linear-regression.ipynb"

SETUP = """
import numpy as np
from sklearn.linear_model import LinearRegression as SkLinearRegression

rng = np.random.default_rng(0)
true_w = rng.normal(0.0, 2.0, size=20)
X_train = rng.normal(size=(5000, 20))
y_train = X_train @ true_w + 3.0 + rng.normal(0.0, 0.5, size=5000)
X_test = rng.normal(size=(1000, 20))
"""

SKLEARN = ("y_hat = SkLinearRegression().fit(X_train, y_train)"
           ".predict(X_test)")

CASES = [
    dict(
        workload="fit + predict, closed form (lstsq), synthetic "
                 "X @ true_w + 3 + noise, 5,000 x 20 fit, 1,000 predicted",
        setup=SETUP,
        ours="y_hat = LinearRegression().fit(X_train, y_train)"
             ".predict(X_test)",
        sklearn=SKLEARN,
        budget=None,
    ),
    dict(
        workload="fit + predict, gradient descent (lr=0.1, tol=1e-10) "
                 "against scikit-learn's closed form, the same data",
        setup=SETUP,
        ours="y_hat = LinearRegression(method='gd', lr=0.1)"
             ".fit(X_train, y_train).predict(X_test)",
        sklearn=SKLEARN,
        budget=None,
    ),
]

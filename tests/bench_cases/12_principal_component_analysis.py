"""Lesson 12: PCA, fit + transform, against scikit-learn's PCA with its
default settings.

For data with at least ten times as many samples as features (both cases
here), scikit-learn 1.9's default svd_solver="auto" picks
"covariance_eigh": X^T X and a 64 x 64 eigendecomposition, the fast route
that squares the condition number (the lesson's section 8). Ours takes
the SVD of the centred data through a QR factorisation (only R is formed,
then the SVD of R), which keeps full accuracy; on tall data a Householder
QR costs about twice the flops of X^T X, so a ratio above 1 is expected.
"""
NOTEBOOK = "12-principal-component-analysis.ipynb"

DIGITS = """
from sklearn.datasets import load_digits
X = load_digits().data
"""

TALL = """
import numpy as np
rng = np.random.default_rng(0)
X = rng.normal(size=(5000, 64)) @ rng.normal(size=(64, 64))
"""

CASES = [
    dict(workload="digits 1797 x 64, all components, fit + transform "
                  "(scikit-learn default: covariance_eigh)",
         setup=DIGITS,
         ours="Z = PCA().fit(X).transform(X)",
         sklearn="from sklearn.decomposition import PCA\n"
                 "Z = PCA().fit(X).transform(X)",
         budget=2.0),
    dict(workload="digits 1797 x 64, 10 components, fit + transform "
                  "(scikit-learn default: covariance_eigh)",
         setup=DIGITS,
         ours="Z = PCA(n_components=10).fit(X).transform(X)",
         sklearn="from sklearn.decomposition import PCA\n"
                 "Z = PCA(n_components=10).fit(X).transform(X)",
         budget=2.0),
    dict(workload="synthetic 5000 x 64 (correlated Gaussian), all "
                  "components, fit + transform (scikit-learn default: "
                  "covariance_eigh)",
         setup=TALL,
         ours="Z = PCA().fit(X).transform(X)",
         sklearn="from sklearn.decomposition import PCA\n"
                 "Z = PCA().fit(X).transform(X)",
         budget=2.0),
]

# The same algorithm family on both sides, for reference: scikit-learn's
# "full" solver takes the SVD of the centred data (with U), as we do.
CASES.append(
    dict(workload="synthetic 5000 x 64, all components, fit + transform, "
                  "scikit-learn svd_solver='full' (SVD of the centred "
                  "data, like ours)",
         setup=TALL,
         ours="Z = PCA().fit(X).transform(X)",
         sklearn="from sklearn.decomposition import PCA\n"
                 "Z = PCA(svd_solver='full').fit(X).transform(X)",
         budget=2.0))

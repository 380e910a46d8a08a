"""Lesson 12: PCA, fit + transform, against scikit-learn's PCA with its
default settings.

`PCA` is the readable model the lesson teaches (cells tagged `model`):
`np.linalg.svd(X_c, full_matrices=False)`, timed with no budget. `FastPCA`
is the same model from the optional "Going further: making it fast"
section (cells tagged `fast`): a Householder QR first (LAPACK's `dgeqrf`
through SciPy, only R is formed), then the SVD of the small R. The course
holds it to 2x scikit-learn's time.

For data with at least ten times as many samples as features (all cases
here), scikit-learn 1.9's default svd_solver="auto" picks
"covariance_eigh": X^T X and a 64 x 64 eigendecomposition, the fast route
that squares the condition number (the lesson's section 8). A Householder
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

SKLEARN = "from sklearn.decomposition import PCA as SklearnPCA\n"
FAST = ("model", "fast")

CASES = [
    dict(workload="digits 1797 x 64, all components, fit + transform, "
                  "readable PCA (scikit-learn default: covariance_eigh)",
         setup=DIGITS,
         ours="Z = PCA().fit(X).transform(X)",
         sklearn=SKLEARN + "Z = SklearnPCA().fit(X).transform(X)",
         budget=None),
    dict(workload="synthetic 5000 x 64 (correlated Gaussian), all "
                  "components, fit + transform, readable PCA "
                  "(scikit-learn default: covariance_eigh)",
         setup=TALL,
         ours="Z = PCA().fit(X).transform(X)",
         sklearn=SKLEARN + "Z = SklearnPCA().fit(X).transform(X)",
         budget=None),
    dict(workload="digits 1797 x 64, all components, fit + transform, "
                  "FastPCA (scikit-learn default: covariance_eigh)",
         setup=DIGITS,
         ours="Z = FastPCA().fit(X).transform(X)",
         sklearn=SKLEARN + "Z = SklearnPCA().fit(X).transform(X)",
         cells=FAST,
         budget=2.0),
    dict(workload="digits 1797 x 64, 10 components, fit + transform, "
                  "FastPCA (scikit-learn default: covariance_eigh)",
         setup=DIGITS,
         ours="Z = FastPCA(n_components=10).fit(X).transform(X)",
         sklearn=SKLEARN
         + "Z = SklearnPCA(n_components=10).fit(X).transform(X)",
         cells=FAST,
         budget=2.0),
    dict(workload="synthetic 5000 x 64 (correlated Gaussian), all "
                  "components, fit + transform, FastPCA (scikit-learn "
                  "default: covariance_eigh)",
         setup=TALL,
         ours="Z = FastPCA().fit(X).transform(X)",
         sklearn=SKLEARN + "Z = SklearnPCA().fit(X).transform(X)",
         cells=FAST,
         budget=2.0),
    # The same algorithm family on both sides, for reference:
    # scikit-learn's "full" solver takes the SVD of the centred data.
    dict(workload="synthetic 5000 x 64, all components, fit + transform, "
                  "FastPCA against scikit-learn svd_solver='full' (SVD of "
                  "the centred data)",
         setup=TALL,
         ours="Z = FastPCA().fit(X).transform(X)",
         sklearn=SKLEARN
         + "Z = SklearnPCA(svd_solver='full').fit(X).transform(X)",
         cells=FAST,
         budget=2.0),
]

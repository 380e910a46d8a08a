"""Lesson 11: our KMeans against scikit-learn's KMeans(algorithm="lloyd").

Both start from the same initial centroids (n_init=1 for scikit-learn) and
use the same stopping rule (tol relative to the mean variance of the
features, the definition both share), so both run the same number of
Lloyd steps and end in the same clusters; fit is the work timed.

1. The course's benchmark workload (the speed table of the seeds'
   README): 10,000 x 2 standard normal points (seed 0), k = 8, 50 steps
   (tol=0, max_iter=50; from this start neither run converges before step
   50). Source code 100 ms, a numpy version 17 ms, scikit-learn 6.6 ms on
   the machine of that table.
2. The digits, 1797 x 64 whole-number pixels, k = 10, default tol=1e-4
   and max_iter=300, from 10 rows drawn with seed 1.

`KMeans` is the readable Lloyd's algorithm the lesson teaches (cells
tagged `model`: the assignment is squared distances and `np.argmin`):
timed with no budget. `FastKMeans` is the same model with the assignment
of the optional "Going further: making it fast" section (cells tagged
`fast`): the course holds it to 2x scikit-learn's time.
"""
NOTEBOOK = "11-k-means.ipynb"

NOISE = """
import numpy as np
from sklearn.cluster import KMeans as SklearnKMeans
rng = np.random.default_rng(0)
X = rng.normal(size=(10_000, 2))
C0 = X[rng.choice(len(X), size=8, replace=False)]
"""

DIGITS = """
import numpy as np
from sklearn.cluster import KMeans as SklearnKMeans
from sklearn.datasets import load_digits
X = load_digits().data
C0 = X[np.random.default_rng(1).choice(len(X), size=10, replace=False)]
"""

NOISE_WORK = ("k-means fit, 10,000 x 2 normal noise (seed 0), k=8, 50 Lloyd "
              "steps (tol=0, max_iter=50), same start (scikit-learn: lloyd, "
              "n_init=1)")
DIGITS_WORK = ("k-means fit, digits 1797 x 64, k=10, tol=1e-4, same start "
               "(scikit-learn: lloyd, n_init=1)")
NOISE_SK = ("model = SklearnKMeans(8, init=C0, n_init=1, max_iter=50, "
            "tol=0.0, algorithm='lloyd').fit(X)")
DIGITS_SK = ("model = SklearnKMeans(10, init=C0, n_init=1, "
             "algorithm='lloyd').fit(X)")

CASES = [
    dict(workload=f"{NOISE_WORK}, readable KMeans",
         setup=NOISE,
         ours="model = KMeans(8, init=C0, max_iter=50, tol=0.0).fit(X)",
         sklearn=NOISE_SK,
         budget=None),
    dict(workload=f"{NOISE_WORK}, FastKMeans",
         setup=NOISE,
         ours="model = FastKMeans(8, init=C0, max_iter=50, tol=0.0).fit(X)",
         sklearn=NOISE_SK,
         cells=("model", "fast"),
         budget=2.0),
    dict(workload=f"{DIGITS_WORK}, readable KMeans",
         setup=DIGITS,
         ours="model = KMeans(10, init=C0).fit(X)",
         sklearn=DIGITS_SK,
         budget=None),
    dict(workload=f"{DIGITS_WORK}, FastKMeans",
         setup=DIGITS,
         ours="model = FastKMeans(10, init=C0).fit(X)",
         sklearn=DIGITS_SK,
         cells=("model", "fast"),
         budget=2.0),
]

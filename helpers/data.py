"""The course's datasets: the bundled files in ``data/`` and seeded toy data.

Every loader returns ``X`` of shape (n_samples, n_features) and ``y`` of
shape (n_samples,), the shapes scikit-learn uses. Nothing is downloaded.
"""
import csv
from pathlib import Path

import numpy as np

from helpers import validation

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def spam_emails():
    """The nine emails: counts of "lottery" and "win", and spam or not.

    Introduced in 01-perceptron.ipynb.

    Returns
    -------
    X : ndarray of shape (9, 2), float: columns "lottery", "win"
    y : ndarray of shape (9,), int: 1 for spam, 0 for not spam
    """
    path = DATA_DIR / "spam_emails.csv"
    table = np.loadtxt(path, delimiter=",", skiprows=1)
    return table[:, :2], table[:, 2].astype(int)


def sms_spam():
    """600 short text messages, 150 spam and 450 not spam, in a fixed order.

    Introduced in 14-text-classification.ipynb. A sample of the SMS Spam
    Collection (Almeida and Gomez Hidalgo, 2011; CC BY 4.0); see
    data/README.md for how it was drawn.

    Returns
    -------
    texts : list of 600 str, the messages as sent (UTF-8, unchanged)
    y : ndarray of shape (600,), int: 1 for spam, 0 for not spam
    """
    path = DATA_DIR / "sms_spam.csv"
    with open(path, newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    texts = [row["text"] for row in rows]
    y = np.array([{"spam": 1, "ham": 0}[row["label"]] for row in rows])
    return texts, y


def two_gaussians(rng, n_per_class=500, means=(0.0, 5.0), sds=(1.0, 0.5)):
    """1-D data from two Gaussians, class 0 first, then class 1.

    Introduced in 03-logistic-regression-1d.ipynb.

    Parameters
    ----------
    rng : numpy.random.Generator, the lesson's seeded generator
    n_per_class : int, points drawn from each Gaussian (500 in the lesson)
    means, sds : the two classes' means and standard deviations

    Returns
    -------
    x : ndarray of shape (2 * n_per_class,), float
    y : ndarray of shape (2 * n_per_class,), int, 0 then 1
    """
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            "two_gaussians: rng must be a numpy Generator "
            f"(np.random.default_rng(seed)), "
            f"got {'None' if rng is None else type(rng).__name__}")
    n = validation.as_positive(n_per_class, "n_per_class",
                               "two_gaussians", integer=True)
    means = validation.as_vector(means, "means", 2, "two_gaussians")
    sds = validation.as_vector(sds, "sds", 2, "two_gaussians")
    if np.any(sds <= 0):
        raise ValueError(
            f"two_gaussians: sds must be positive, got {tuple(sds.tolist())}")
    x = np.concatenate([rng.normal(means[0], sds[0], n),
                        rng.normal(means[1], sds[1], n)])
    y = np.repeat([0, 1], n)
    return x, y

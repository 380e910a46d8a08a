import numpy as np
import pytest

from helpers import data


def test_spam_emails_is_the_nine_row_table():
    X, y = data.spam_emails()
    assert X.shape == (9, 2) and y.shape == (9,)
    assert X[:, 0].tolist() == [1, 2, 0, 0, 0, 1, 2, 2, 1]   # "lottery"
    assert X[:, 1].tolist() == [1, 1, 0, 2, 1, 0, 2, 0, 2]   # "win"
    assert y.tolist() == [1, 1, 0, 1, 0, 0, 1, 1, 1]
    # the source's rule: weights (1, 1) and threshold 1.5 fit every email
    assert ((X @ np.array([1.0, 1.0]) > 1.5).astype(int) == y).all()


def test_two_gaussians_shapes_moments_and_seed():
    x, y = data.two_gaussians(np.random.default_rng(0))
    assert x.shape == (1000,) and y.tolist() == [0] * 500 + [1] * 500
    assert abs(x[:500].mean() - 0) < 0.15 and abs(x[:500].std() - 1) < 0.1
    assert abs(x[500:].mean() - 5) < 0.1 and abs(x[500:].std() - 0.5) < 0.05
    x2, _ = data.two_gaussians(np.random.default_rng(0))
    assert np.array_equal(x, x2)


def test_two_gaussians_bad_input():
    with pytest.raises(TypeError, match="rng must be a numpy Generator"):
        data.two_gaussians(0)
    with pytest.raises(ValueError, match="n_per_class must be a positive "
                                         "whole number, got 0"):
        data.two_gaussians(np.random.default_rng(0), n_per_class=0)
    with pytest.raises(ValueError, match="sds must be positive"):
        data.two_gaussians(np.random.default_rng(0), sds=(1, -1))
    with pytest.raises(ValueError, match=r"means must have shape \(2,\)"):
        data.two_gaussians(np.random.default_rng(0), means=(0, 1, 2))

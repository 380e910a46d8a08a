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


def test_sms_spam_is_the_bundled_sample():
    texts, y = data.sms_spam()
    assert len(texts) == 600 and y.shape == (600,)
    assert np.bincount(y).tolist() == [450, 150]
    assert all(isinstance(t, str) and 0 < len(t) <= 160 for t in texts)
    assert len(set(texts)) == 600                      # no duplicates
    # the file is read as UTF-8: the pound sign of prize spam survives
    assert any("\u00a3" in t for t, label in zip(texts, y) if label == 1)
    # a spam message from the collection, and its label
    i = next(i for i, t in enumerate(texts) if "awarded a SiPix" in t)
    assert y[i] == 1

"""Shared fixtures: each lesson executed once on a fresh kernel, with the
slider probe run after it, reused by the slider and determinism tests."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from execute import NOTEBOOKS, execute          # noqa: E402
from slider_probe import PROBE                  # noqa: E402

_runs = {}


def executed_with_probe(path):
    """The notebook at `path` executed once, the slider probe appended."""
    if path not in _runs:
        _runs[path] = execute(path, extra=[PROBE])
    return _runs[path]


def pytest_generate_tests(metafunc):
    if "notebook" in metafunc.fixturenames:
        metafunc.parametrize("notebook", NOTEBOOKS,
                             ids=[p.stem for p in NOTEBOOKS])


@pytest.fixture(scope="session")
def digits():
    """The digits, split 3:1 with random_state=0: (X_train, X_test,
    y_train, y_test), as lessons 07 and 08 split them."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split
    return train_test_split(*load_digits(return_X_y=True), random_state=0)


@pytest.fixture(scope="session")
def digits01(digits):
    """The same split with the grey levels scaled to [0, 1] (divided by
    16), as lessons 15 and 17 scale them."""
    X_train, X_test, y_train, y_test = digits
    return X_train / 16.0, X_test / 16.0, y_train, y_test


@pytest.fixture(scope="session")
def wine():
    """The wines, split 3:1 with random_state=0, as lessons 07 and 08."""
    from sklearn.datasets import load_wine
    from sklearn.model_selection import train_test_split
    return train_test_split(*load_wine(return_X_y=True), random_state=0)


@pytest.fixture
def probed():
    return executed_with_probe

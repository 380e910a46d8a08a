"""Shared fixtures: each lesson executed once on a fresh kernel, under the
second numeric configuration (tests/numerics.py) where this machine has
one, with the slider probe run after it; reused by the slider, Play and
stored-text tests of tests/test_lesson_runs.py."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numerics                                 # noqa: E402
from execute import NOTEBOOKS, execute          # noqa: E402
from slider_probe import PROBE                  # noqa: E402

_runs = {}


def executed_with_probe(path):
    """The notebook at `path` executed once, the slider probe appended, in
    a kernel under the second numeric configuration (the native one where
    the machine has no second): nbval already runs each lesson natively,
    so this run is the other CPU, and its sliders and Play are probed
    there too."""
    if path not in _runs:
        env, _ = numerics.second_configuration()
        _runs[path] = execute(path, extra=[PROBE], env=env)
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

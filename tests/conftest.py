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


@pytest.fixture
def probed():
    return executed_with_probe

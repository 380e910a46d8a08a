"""requirements.txt (pip) and environment.yml (conda) pin the same things."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pip_pins():
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"requirements.txt: {line!r} is not pinned with =="
            pins[name.strip().lower()] = version.strip()
    return pins


def conda_pins():
    pins = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        match = re.fullmatch(r"\s*-\s*([A-Za-z0-9_.-]+)\s*(==?)\s*([^\s#]+)\s*",
                             line)
        if match:
            pins[match.group(1).lower()] = match.group(3)
    return pins


def test_requirements_are_all_pinned_exactly():
    pins = pip_pins()
    for needed in ("numpy", "matplotlib", "jupyterlab", "ipywidgets",
                   "nbval", "pytest", "scikit-learn", "playwright"):
        assert needed in pins, f"requirements.txt does not pin {needed}"


def test_conda_environment_matches_requirements():
    assert conda_pins() == pip_pins()


def test_conda_environment_names_python_311_or_newer():
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"-\s*python\s*>=\s*3\.11", text)

"""Each lesson executed on fresh kernels, outside nbval.

1. Its slider explorers, headless: every slider to its minimum, default and
   maximum; the picture must change at every move and no update may fail.
   Each explorer with Play: three frames advance the counter and change
   the picture, Pause stops them, Step takes one step, Reset gives the
   first picture back, a failing frame pauses with its message.
2. The stored text holds on any machine: a run under a second numeric
   configuration (tests/numerics.py: other BLAS kernels, other SIMD
   paths) prints exactly the stored text. Only the measured durations and
   speed-ups that tests/sanitize.cfg masks may differ; every other
   character of every text output must match. (nbval compares the native
   run; this test adds the other CPU that an instructor's laptop or the
   next CI machine may be.)

All of them use one cached execution per lesson (tests/conftest.py): the
lesson under the second configuration with the slider probe after it. So
the tests of a lesson must run in one process: `make test` distributes the
suite by module (pytest-xdist, --dist loadscope).
"""
import configparser
import re
from pathlib import Path

import nbformat
import pytest

import numerics
from slider_probe import read_tagged_line

SANITIZE = Path(__file__).with_name("sanitize.cfg")


def sanitizers():
    config = configparser.ConfigParser()
    config.read(SANITIZE, encoding="utf-8")
    return [(re.compile(config[s]["regex"]), config[s]["replace"])
            for s in config.sections()]


def text_outputs(nb, n_cells):
    """(cell index, text) for every text output of the first cells."""
    rules = sanitizers()
    texts = []
    for index, cell in enumerate(nb.cells[:n_cells]):
        previous_stream = None
        for output in cell.get("outputs", []):
            text = output.get("text") or output.get("data", {}).get(
                "text/plain") or output.get("ename") or ""
            for regex, replace in rules:
                text = regex.sub(replace, text)
            stream = output.get("name")         # stdout or stderr, or None
            if stream and stream == previous_stream:
                texts[-1] = (index, texts[-1][1] + text)   # one print, split
            else:
                texts.append((index, text))
            previous_stream = stream
    return texts


def differences(stored, fresh):
    """Each text output of `fresh` that differs from `stored`, described.

    `fresh` may hold more cells at its end (the slider probe): only the
    stored notebook's cells are compared.
    """
    n_cells = len(stored.cells)
    a, b = text_outputs(stored, n_cells), text_outputs(fresh, n_cells)
    found = [f"cell {cell}: stored\n{one}\n--- printed now\n{two}"
             for (cell, one), (_, two) in zip(a, b) if one != two]
    if len(a) != len(b):
        found.append(f"{len(a)} text outputs stored, {len(b)} printed now")
    return found


def test_another_cpu_prints_the_stored_text(notebook, probed):
    env, why = numerics.second_configuration()
    if env is None:
        pytest.skip(why)
    stored = nbformat.read(notebook, as_version=4)
    found = differences(stored, probed(notebook))
    assert not found, numerics.describe(env) + "\n" + "\n".join(found)


def test_lesson_has_an_explorer_and_every_move_redraws(notebook, probed):
    rows = read_tagged_line(probed(notebook), "PROBE")
    assert rows, f"{notebook.name} makes no helpers.widgets.Explorer"
    for row in rows:
        where = f"{row['explorer']}.{row['slider']} at its {row['at']}"
        assert row["error"] is None, f"{where}: {row['error']}"
        assert row["moved"], f"{where}: the slider did not move (is its " \
                             f"default equal to its {row['at']}?)"
        assert row["changed"], f"{where}: the figure did not change"


def test_every_play_advances_pauses_steps_and_resets(notebook, probed):
    # each explorer with play controls, played headlessly in the lesson's
    # kernel (tests/slider_probe.py); a lesson without Play has no rows
    rows = read_tagged_line(probed(notebook), "PLAY")
    for row in rows:
        assert row["passed"], \
            f"{row['explorer']}: {row['check']}: {row['detail']}"

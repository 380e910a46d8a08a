"""Each lesson executed on fresh kernels, outside nbval.

1. Its slider explorers, headless: every slider to its minimum, default and
   maximum; the picture must change at every move and no update may fail.
2. Determinism: two executions print the same text. Only the measured
   durations and speed-ups that tests/sanitize.cfg masks may differ; every
   other character of every text output must match.

Both use one cached execution per lesson (tests/conftest.py), so the two
tests of a lesson must run in one process: `make test` distributes the
suite by module (pytest-xdist, --dist loadscope).
"""
import configparser
import re
from pathlib import Path

from execute import execute
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


def test_two_executions_print_the_same_text(notebook, probed):
    first = probed(notebook)
    n_cells = len(first.cells) - 1            # leave out the probe cell
    second = execute(notebook)
    assert len(second.cells) == n_cells
    a, b = text_outputs(first, n_cells), text_outputs(second, n_cells)
    assert len(a) == len(b), "the two runs made different numbers of outputs"
    for (cell, one), (_, two) in zip(a, b):
        assert one == two, f"cell {cell} printed differently:\n{one}\n---\n{two}"


def test_lesson_has_an_explorer_and_every_move_redraws(notebook, probed):
    rows = read_tagged_line(probed(notebook), "PROBE")
    assert rows, f"{notebook.name} makes no helpers.widgets.Explorer"
    for row in rows:
        where = f"{row['explorer']}.{row['slider']} at its {row['at']}"
        assert row["error"] is None, f"{where}: {row['error']}"
        assert row["moved"], f"{where}: the slider did not move (is its " \
                             f"default equal to its {row['at']}?)"
        assert row["changed"], f"{where}: the figure did not change"

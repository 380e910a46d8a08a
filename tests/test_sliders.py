"""Each lesson's slider explorer, headless: every slider to its minimum,
default and maximum; the picture must change at every move and no update
may fail."""
from slider_probe import read_tagged_line


def test_lesson_has_an_explorer_and_every_move_redraws(notebook, probed):
    rows = read_tagged_line(probed(notebook), "PROBE")
    assert rows, f"{notebook.name} makes no helpers.widgets.Explorer"
    for row in rows:
        where = f"{row['explorer']}.{row['slider']} at its {row['at']}"
        assert row["error"] is None, f"{where}: {row['error']}"
        assert row["moved"], f"{where}: the slider did not move (is its " \
                             f"default equal to its {row['at']}?)"
        assert row["changed"], f"{where}: the figure did not change"

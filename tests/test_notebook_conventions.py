"""What every lesson promises, read from its file (nothing is executed).

The anatomy and the nbval rules of CONVENTIONS.md: a fresh-kernel run
stored in order, no skipped cell, every cell whose output nbval ignores
still asserting something, a slider explorer, exercises with worked
solutions followed by a graded check with nbgrader's metadata, and no path
of the author's machine.
"""
import json
import re

import nbformat

import student

LOCAL_PATH = re.compile(r"(?<![\w.])/(?:root|home|tmp|work|Users)/[\w.-]+")


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]


def test_stored_run_is_a_fresh_kernel_top_to_bottom(notebook):
    nb = nbformat.read(notebook, as_version=4)
    assert nb.metadata.kernelspec.name == "python3"
    counts = [c.execution_count for c in code_cells(nb)]
    assert counts == list(range(1, len(counts) + 1)), (
        "re-run it with tests/execute.py: execution counts are "
        f"{counts[:8]}...")


def test_no_cell_is_skipped_and_ignored_outputs_still_assert(notebook):
    nb = nbformat.read(notebook, as_version=4)
    for index, cell in enumerate(code_cells(nb)):
        tags = cell.metadata.get("tags", [])
        assert "nbval-skip" not in tags and "NBVAL_SKIP" not in cell.source
        if "nbval-ignore-output" in tags:
            assert re.search(r"^\s*assert\b", cell.source, re.M), (
                f"code cell {index} hides its output from nbval and "
                "asserts nothing")


def test_only_cells_tagged_raises_exception_store_an_error(notebook):
    nb = nbformat.read(notebook, as_version=4)
    for cell in code_cells(nb):
        errors = [o for o in cell.outputs if o.output_type == "error"]
        if errors:
            assert "raises-exception" in cell.metadata.get("tags", []), (
                f"an unexpected {errors[0].ename} is stored in:\n"
                f"{cell.source[:200]}")


def test_lesson_has_a_slider_explorer(notebook):
    nb = nbformat.read(notebook, as_version=4)
    source = "\n".join(c.source for c in code_cells(nb))
    assert "widgets.Explorer(" in source


def test_every_exercise_has_a_hint_a_solution_and_a_graded_check(notebook):
    nb = nbformat.read(notebook, as_version=4)
    pairs = student.nbgrader_cells(nb)   # each exercise cell, its check
    assert len(pairs) >= 2, "a lesson ends with at least 2 exercises"
    for exercise, check in pairs:
        lines = nb.cells[exercise].source.split("\n")
        for first, _, indent in student.regions(
                nb.cells[exercise].source, student.BEGIN_SOLUTION,
                student.END_SOLUTION):
            above = []                   # the comment block over the stub
            while first and lines[first - 1].strip().startswith("#"):
                first -= 1
                above.insert(0, lines[first])
            assert any(line.startswith(indent + "# Hint:")
                       for line in above), (
                f"cell {exercise}: put a '# Hint:' comment right above "
                "### BEGIN SOLUTION, for the student edition's stub")
        source = nb.cells[check].source
        assert "passed = checks.check_answer(" in source
        hidden = student.regions(source, student.BEGIN_HIDDEN,
                                 student.END_HIDDEN)
        assert len(hidden) == 1 and "assert passed" in source.split(
            "\n")[hidden[0][0] + 1], (
            f"cell {check}: nbgrader grades with a hidden 'assert passed'")
        verdicts = [o.get("text", "") for o in nb.cells[check].outputs
                    if o.output_type == "stream"]
        assert verdicts and verdicts[0].startswith("Correct:"), (
            f"the worked solution of cell {exercise} does not pass its check")


def test_cells_carry_the_metadata_nbgrader_needs(notebook):
    nb = nbformat.read(notebook, as_version=4)
    wanted = student.nbgrader_metadata(nb)
    for i, cell in enumerate(nb.cells):
        assert cell.metadata.get("nbgrader") == wanted.get(i), (
            f"cell {i}: run python tests/student.py --mark {notebook.name}")


def test_no_machine_local_path_and_a_modest_size(notebook):
    text = notebook.read_text(encoding="utf-8")
    nb = json.loads(text)
    for cell in nb["cells"]:
        hit = LOCAL_PATH.search("".join(cell["source"]))
        assert not hit, (f"a cell reads {hit.group(0)}: use a path "
                         "relative to the notebook's folder")
        for output in cell.get("outputs", []):
            shown = json.dumps(output.get("text", "")) + json.dumps(
                output.get("data", {}).get("text/plain", "")) + json.dumps(
                output.get("traceback", ""))
            hit = LOCAL_PATH.search(shown)
            assert not hit, f"an output holds the local path {hit.group(0)}"
    assert len(text.encode()) < 3_000_000, "shrink the figures (dpi, size)"


LINK = re.compile(r"\]\(([^)\s#]+)(?:#[^)\s]*)?\)")


def test_links_resolve_and_each_lesson_points_to_the_next(notebook):
    nb = nbformat.read(notebook, as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for target in LINK.findall(text):
        if "://" in target:
            continue
        assert (notebook.parent / target).exists(), (
            f"{notebook.name} links to {target}, which does not exist")
    lessons = sorted(notebook.parent.glob("[0-9][0-9]-*.ipynb"))
    after = lessons.index(notebook) + 1
    if after < len(lessons):
        assert f"]({lessons[after].name})" in nb.cells[-1].source, (
            f"{notebook.name} should end with a link to the next lesson, "
            f"{lessons[after].name}")


# In Markdown a line that starts "1. ", "1) ", "- ", "* " or "+ " ends the
# paragraph above it and starts a list, so prose wrapped at such a word
# ("... a label (0 or\n1) in y") renders as a stray list item.
LIST_START = re.compile(r"^(1[.)]|[-*+])\s")


def test_no_wrapped_prose_line_starts_a_list(notebook):
    nb = nbformat.read(notebook, as_version=4)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        in_display_math, dollars = False, 0
        previous = ""
        for line in cell.source.split("\n"):
            in_inline_math = dollars % 2 == 1      # a $...$ spans lines
            is_prose = previous.strip() and not previous.startswith(
                (" ", "\t", "|", "#", ">")) and not LIST_START.match(previous)
            assert not (is_prose and LIST_START.match(line)
                        and not in_display_math and not in_inline_math), (
                f"markdown cell {index}: the line {line[:40]!r} starts a "
                f"list in the middle of a paragraph; rewrap it")
            in_display_math ^= line.count("$$") % 2 == 1
            dollars = 0 if not line.strip() else dollars + (
                line.count("$") - 2 * line.count("$$"))
            previous = line


EXERCISE = re.compile(r"^(?:###\s*|\*\*)Exercise (\d+)(?::\s*|\s*\()(.+?)"
                      r"(?:\)?\.\*\*|\*\*|\)\.?\*\*|$)")


def test_the_readme_guide_lists_the_lessons_time_and_exercises(notebook):
    """README's "lessons at a glance": the lesson's title, the time of the
    lesson table, and the exercises as the lesson names them."""
    readme = (notebook.parent.parent / "README.md").read_text(
        encoding="utf-8")
    nb = nbformat.read(notebook, as_version=4)
    number, title = nb.cells[0].source.split("\n")[0][2:].split(" · ")
    row = re.search(rf"^\| {number} \| \[.*?\]\(notebooks/{notebook.name}"
                    rf"\) \|.*\| (\d+) min \|$", readme, re.M)
    assert row, f"lesson {number} is missing from README's lesson table"
    heading = f"#### {number} · {title} ({row.group(1)} min)"
    assert heading in readme, f"README has no '{heading}'"
    titles = [m.group(2).rstrip(".") for c in nb.cells
              if c.cell_type == "markdown"
              for m in map(EXERCISE.match, c.source.split("\n")) if m]
    listed = "; ".join(f"{k}. {t}" for k, t in enumerate(titles, 1))
    entry = readme[readme.index(heading):].split("\n\n")[0]
    end = "" if listed.endswith("?") else "."
    assert f"- **Exercises:** {listed}{end}" in entry, (
        f"README's exercises of lesson {number} should read: {listed}")

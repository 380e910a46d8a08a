"""The student edition (`make student`, tests/student.py), run as a class
would run it, from the folder it is handed out in.

Each lesson is run twice, each a class of its own so that pytest-xdist
can give the two to different workers:
1. as handed out: the stubs raise NotImplementedError in the exercise
   cells, nothing else fails, and every check says "Not yet";
2. with a learner's wrong answers (tests/wrong_answers/): every check
   says what was expected, what came and a hint, and nothing raises.
The third case, the worked solutions typed into the stubs, needs no run
of its own: the notebook it makes is the lesson itself, line for line,
less the solution markers and the hidden `assert passed` lines, and nbval
runs the lesson and compares its "Correct: " verdicts.
"""
import nbformat
import pytest

import student

HANDED_OUT = "import helpers.data\nprint(helpers.data.DATA_DIR)"


@pytest.fixture(scope="session")
def edition(tmp_path_factory):
    """The student edition, built once per test process."""
    out = tmp_path_factory.mktemp("student")
    student.build(out)
    return out


def source_of(notebook):
    return nbformat.read(notebook, as_version=4)


def run(edition, notebook, answers, extra=()):
    nb = student.student_notebook(source_of(notebook), answers)
    for code in extra:
        nb.cells.append(nbformat.v4.new_code_cell(code))
    return student.run_student(nb, edition)


def errors(nb):
    """(cell, name, message) of each error, except in the cells a lesson
    tags raises-exception to show a clear error (the edition's stub cells
    carry that tag too, and are counted)."""
    return [(i, o.ename, o.evalue) for i, c in enumerate(nb.cells)
            if "raises-exception" not in c.metadata.get("tags", [])
            or student.STUB[1] in c.source
            for o in c.get("outputs", []) if o.output_type == "error"]


def verdicts(nb):
    return {i: "".join(o.get("text", "") for o in nb.cells[i].outputs)
            for i in student.check_cells(nb)}


def test_the_edition_cuts_solutions_hidden_tests_and_outputs_only(
        edition, notebook):
    source = source_of(notebook)
    copy = nbformat.read(edition / notebook.name, as_version=4)
    assert len(copy.cells) == len(source.cells)
    stubs = 0
    for before, after in zip(source.cells, copy.cells):
        assert after.cell_type == before.cell_type
        if before.cell_type != "code":
            assert after.source == before.source
            continue
        assert after.outputs == [] and after.execution_count is None
        for marker in ("### BEGIN", "### END"):
            assert marker not in after.source
        kept = [line for line in before.source.split("\n")
                if line.strip() and line.strip() not in (
                    student.BEGIN_HIDDEN, student.END_HIDDEN)]
        regions = student.solutions(before.source)
        hidden = student.regions(before.source, student.BEGIN_HIDDEN,
                                 student.END_HIDDEN)
        if not regions and not hidden:
            assert after.source == before.source
        stubs += after.source.count(student.STUB[1])
        if hidden:
            assert "assert passed" not in after.source
        for line in after.source.split("\n"):
            assert (line.strip() in (s.strip() for s in student.STUB)
                    or line in kept or not line.strip()), (
                f"the student edition added {line!r}")
    assert stubs == sum(len(student.solutions(c.source))
                        for c in source.cells if c.cell_type == "code")
    for name in ("helpers/checks.py", "data/README.md", "requirements.txt"):
        assert (edition / name).is_file()


def test_a_rebuild_keeps_a_student_notebook_someone_edited(tmp_path):
    student.build(tmp_path)
    first = tmp_path / student.NOTEBOOKS[0].name
    nb = nbformat.read(first, as_version=4)
    nb.cells[-1].source += "\n\nmy notes"
    nbformat.write(nb, first)
    (tmp_path / student.NOTEBOOKS[1].name).unlink()
    student.build(tmp_path)
    assert student.sources(first)[-1].endswith("my notes")
    assert (tmp_path / student.NOTEBOOKS[1].name).exists()


class TestAsHandedOut:
    def test_only_the_stubs_raise_and_every_check_says_not_yet(
            self, edition, notebook):
        nb = run(edition, notebook, None, extra=[HANDED_OUT])
        for i, name, value in errors(nb):
            assert name == "NotImplementedError", (
                f"cell {i} raised {name}: {value}")
            assert student.STUB[1] in nb.cells[i].source
        top_level_stubs = [i for i, c in enumerate(nb.cells)
                           if c.cell_type == "code" and any(
                               line == student.STUB[1]
                               for line in c.source.split("\n"))]
        assert set(top_level_stubs) <= {i for i, _, _ in errors(nb)}
        for cell in nb.cells:           # so Run All in JupyterLab goes on
            if student.STUB[1] in cell.source:
                assert "raises-exception" in cell.metadata["tags"]
        for i, text in verdicts(nb).items():
            assert text.startswith("Not yet: ") and "\nHint: " in text, (
                f"check cell {i} printed {text!r}")
        found = nb.cells[-1].outputs[0].text.strip()
        assert found == str(edition / "data"), (
            "the lessons must use the helpers and data beside them")


class TestWrongAnswers:
    def test_every_check_says_what_was_expected_and_what_came(
            self, edition, notebook):
        wrong = student.wrong_answers(notebook)
        nb = run(edition, notebook, wrong)
        assert errors(nb) == []
        for i, text in verdicts(nb).items():
            first, _, hint = text.partition("\nHint: ")
            assert first.startswith("Not yet: ") and hint.strip(), (
                f"check cell {i} printed {text!r}")
            assert "expected" in first and "got" in first, (
                f"check cell {i} should say what was expected and what "
                f"came: {first!r}")


def test_worked_solutions_typed_in_give_back_the_lesson(notebook):
    """Typed into the student notebook, the worked solutions give the
    lesson's own code, and the lesson (which nbval re-runs, comparing
    every output) prints "Correct: " under every check: so a learner who
    types them in sees every check pass."""
    source = source_of(notebook)
    right = [text for c in source.cells if c.cell_type == "code"
             for text in student.solutions(c.source)]
    typed = student.student_notebook(source, right)
    markers = (student.BEGIN_SOLUTION, student.END_SOLUTION)
    for i, (lesson, mine) in enumerate(zip(source.cells, typed.cells)):
        if lesson.cell_type != "code":
            continue
        for first, last, _ in student.regions(
                lesson.source, student.BEGIN_HIDDEN, student.END_HIDDEN):
            hidden = lesson.source.split("\n")[first + 1:last]
            assert len(hidden) == 1 and hidden[0].strip().startswith(
                "assert passed"), (f"cell {i}: a hidden test must be one "
                                   f"`assert passed` line, not {hidden}")
        unmarked = "\n".join(line for line in lesson.source.split("\n")
                             if line.strip() not in markers)
        assert mine.source == student.remove_hidden_tests(unmarked), (
            f"cell {i}: the solutions typed in do not give the lesson's code")
    said = verdicts(source)
    assert len(said) == len(student.nbgrader_cells(source))
    for i, text in said.items():
        assert text.startswith("Correct: "), (
            f"check cell {i} of the lesson printed {text!r}")

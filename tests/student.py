"""The student edition: every lesson with its worked solutions taken out.

    python tests/student.py --out student          (what `make student` runs)
    python tests/student.py --try notebooks/01-perceptron.ipynb
    python tests/student.py --mark notebooks/*.ipynb

The first writes student/: each lesson with every region between
`### BEGIN SOLUTION` and `### END SOLUTION` replaced by a stub that raises
NotImplementedError (the hint is the `# Hint:` comment kept just above
it), every region between `### BEGIN HIDDEN TESTS` and
`### END HIDDEN TESTS` removed and every output cleared; nothing else
changes but one tag: a cell with a stub is tagged raises-exception, so
that Run All in JupyterLab does not stop there.
These are nbgrader's conventions, so its generate_assignment makes the
same cuts. Beside the lessons go copies of helpers/, data/ and
requirements.txt, so the folder can be handed out as it is.

The second is for authors of exercises: it runs the lesson three times
(with the stubs, with the wrong answers in tests/wrong_answers/, with the
worked solutions typed into the student notebook) and prints every check
cell's verdict. The third writes the cell metadata nbgrader reads: each
exercise cell is a solution cell, and the check cell after it an
autograded test worth one point (its hidden `assert passed` decides).
"""
import argparse
import runpy
import shutil
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from execute import NOTEBOOKS, ROOT                       # noqa: E402

BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
STUB = ["# YOUR CODE HERE",
        'raise NotImplementedError("your answer goes here: see the hint '
        'above")']
WRONG_ANSWERS = ROOT / "tests" / "wrong_answers"


def regions(source, begin, end):
    """(first, last, indent) line numbers of each marked region: the
    marker lines themselves, first and last included."""
    lines = source.split("\n")
    found, first = [], None
    for number, line in enumerate(lines):
        if line.strip() == begin:
            if first is not None:
                raise ValueError(f"{begin} twice without {end} between")
            first = number
        elif line.strip() == end:
            if first is None:
                raise ValueError(f"{end} without {begin} before it")
            indent = lines[first][:len(lines[first]) - len(
                lines[first].lstrip())]
            found.append((first, number, indent))
            first = None
    if first is not None:
        raise ValueError(f"{begin} without {end} after it")
    return found


def solutions(source):
    """The text of each solution region, without its markers or indent."""
    lines = source.split("\n")
    return ["\n".join(line[len(indent):]
                      for line in lines[first + 1:last])
            for first, last, indent in regions(source, BEGIN_SOLUTION,
                                               END_SOLUTION)]


def replace_solutions(source, answers):
    """`source` with each solution region (markers included) replaced by
    the next of `answers`: a text written without indent, or None for the
    stub. `answers` is an iterator, shared by the cells of a notebook."""
    lines = source.split("\n")
    out, position = [], 0
    for first, last, indent in regions(source, BEGIN_SOLUTION,
                                       END_SOLUTION):
        out.extend(lines[position:first])
        answer = next(answers)
        body = STUB if answer is None else answer.strip("\n").split("\n")
        out.extend(indent + text if text else "" for text in body)
        position = last + 1
    out.extend(lines[position:])
    return "\n".join(out)


def remove_hidden_tests(source):
    """`source` without its hidden-test regions (markers included)."""
    lines = source.split("\n")
    for first, last, _ in reversed(regions(source, BEGIN_HIDDEN,
                                           END_HIDDEN)):
        del lines[first:last + 1]
    return "\n".join(lines).rstrip("\n")


def student_notebook(nb, answers=None):
    """A student copy of the notebook `nb`, with stubs (answers None) or
    with the given answers, one per solution region, in order."""
    nb = nbformat.from_dict(nb)                 # a deep copy
    count = sum(len(solutions(c.source)) for c in nb.cells
                if c.cell_type == "code")
    if answers is None:
        answers = [None] * count
    if len(answers) != count:
        raise ValueError(f"the notebook has {count} solution regions, "
                         f"got {len(answers)} answers")
    feed = iter(answers)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.source = remove_hidden_tests(replace_solutions(cell.source,
                                                            feed))
        if STUB[1] in cell.source:
            # the stub raises when the cell (or a call in it) runs: tagged
            # so that Run All in JupyterLab goes on to the check cell
            tags = cell.metadata.setdefault("tags", [])
            if "raises-exception" not in tags:
                tags.append("raises-exception")
        cell.outputs = []
        cell.execution_count = None
        cell.metadata.pop("execution", None)
    return nb


def wrong_answers(path):
    """The wrong answers written for the lesson at `path`, one per
    solution region: tests/wrong_answers/<lesson>.py defines WRONG."""
    return runpy.run_path(str(WRONG_ANSWERS / f"{Path(path).stem}.py"))[
        "WRONG"]


def copy_support(out):
    """helpers/, data/ and requirements.txt beside the student lessons,
    so that `from helpers import ...` and the data files are found."""
    for name in ("helpers", "data"):
        shutil.rmtree(out / name, ignore_errors=True)
        shutil.copytree(ROOT / name, out / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "requirements.txt", out / "requirements.txt")


def sources(path):
    """The cell sources of the notebook at `path`."""
    return [c.source for c in nbformat.read(path, as_version=4).cells]


def build(out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for path in NOTEBOOKS:
        nb = student_notebook(nbformat.read(path, as_version=4))
        target = out / path.name
        if target.exists() and sources(target) != [c.source
                                                   for c in nb.cells]:
            # someone worked in it: never overwrite what a learner typed
            print(f"kept, as it was edited: {target} (delete it to "
                  "rebuild it)")
            continue
        nbformat.write(nb, target)
        print(f"student edition: {target}")
    copy_support(out)


def check_cells(nb):
    """Indices of the check cells: code cells that call check_answer."""
    return [i for i, c in enumerate(nb.cells) if c.cell_type == "code"
            and "checks.check_answer(" in c.source]


def nbgrader_cells(nb):
    """(exercise cell, check cell) index pairs: each code cell with a
    solution region, and the next code cell, which must call
    check_answer."""
    pairs = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and solutions(cell.source):
            after = [j for j in range(i + 1, len(nb.cells))
                     if nb.cells[j].cell_type == "code"]
            if not after or after[0] not in check_cells(nb):
                raise ValueError(f"cell {i} has a solution but the next "
                                 "code cell does not call check_answer")
            pairs.append((i, after[0]))
    return pairs


def nbgrader_metadata(nb):
    """{cell index: the "nbgrader" metadata it should carry}."""
    wanted = {}
    for k, (exercise, check) in enumerate(nbgrader_cells(nb), start=1):
        wanted[exercise] = {"grade": False, "grade_id": f"exercise-{k}",
                            "locked": False, "schema_version": 3,
                            "solution": True, "task": False}
        wanted[check] = {"grade": True, "grade_id": f"exercise-{k}-check",
                         "locked": True, "points": 1, "schema_version": 3,
                         "solution": False, "task": False}
    return wanted


def mark(path):
    """Write the nbgrader metadata into the notebook at `path`."""
    nb = nbformat.read(path, as_version=4)
    wanted = nbgrader_metadata(nb)
    for i, cell in enumerate(nb.cells):
        if i in wanted:
            cell.metadata["nbgrader"] = wanted[i]
        else:
            cell.metadata.pop("nbgrader", None)
    nbformat.write(nb, path)
    print(f"nbgrader metadata: {path}: {len(wanted) // 2} exercises")


def run_student(nb, folder):
    """Execute a student notebook, errors allowed, as if saved in
    `folder`; return it."""
    from nbclient import NotebookClient
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            allow_errors=True, coalesce_streams=True,
                            resources={"metadata": {"path": str(folder)}})
    client.execute()
    return nb


def report(nb, title):
    print(f"== {title}")
    for i, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                print(f"  cell {i}: {output.ename}: {output.evalue}")
        if i in check_cells(nb):
            text = "".join(o.get("text", "") for o in cell.outputs)
            print(f"  check {i}: " + text.strip().replace("\n", "\n    "))


def try_lesson(path):
    path = Path(path).resolve()
    source = nbformat.read(path, as_version=4)
    right = [text for c in source.cells if c.cell_type == "code"
             for text in solutions(c.source)]
    for title, answers in (("stubs", None),
                           ("wrong answers", wrong_answers(path)),
                           ("worked solutions", right)):
        nb = run_student(student_notebook(source, answers), path.parent)
        report(nb, title)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", help="folder for the student edition")
    parser.add_argument("--try", dest="lessons", nargs="+", default=[],
                        help="lessons whose exercises to try three ways")
    parser.add_argument("--mark", nargs="+", default=[],
                        help="lessons to give nbgrader's cell metadata")
    args = parser.parse_args()
    for lesson in args.mark:
        mark(lesson)
    if args.out:
        build(args.out)
    for lesson in args.lessons:
        try_lesson(lesson)


if __name__ == "__main__":
    main()

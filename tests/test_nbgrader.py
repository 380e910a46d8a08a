"""An instructor who uses nbgrader can release a lesson as an assignment
and grade it: nbgrader's own generate_assignment, autograde and export run
on lesson 01, in the environment `make test` builds for them
(.venv-nbgrader, from tests/requirements-nbgrader.txt).

1. nbgrader's release of the lesson is our student edition, cell for cell
   (nbgrader is told to use our stub; it adds only its own metadata).
2. Autograded, a submission with the worked solutions scores every point,
   the untouched release scores none, and one with the wrong answers of
   tests/wrong_answers/ scores none: the hidden `assert passed` that the
   release leaves out comes back for grading.
"""
import csv
import json
import os
import subprocess
from pathlib import Path

import nbformat
import pytest

import student
from execute import NOTEBOOKS, ROOT

NBGRADER = ROOT / ".venv-nbgrader" / "bin" / "nbgrader"
LESSON = NOTEBOOKS[0]
NAME = LESSON.stem


def nbgrader(course, *args):
    """Run nbgrader in the course folder; fail with its output."""
    env = dict(os.environ, PATH=f"{NBGRADER.parent}{os.pathsep}"
               f"{os.environ['PATH']}")
    done = subprocess.run([str(NBGRADER), *args], cwd=course, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    if not NBGRADER.exists():
        pytest.fail("nbgrader is not installed: `make test` installs it in "
                    ".venv-nbgrader (see tests/requirements-nbgrader.txt)")
    course = tmp_path_factory.mktemp("course")
    (course / "source" / NAME).mkdir(parents=True)
    source = nbformat.read(LESSON, as_version=4)
    nbformat.write(source, course / "source" / NAME / LESSON.name)
    stub = "\n".join(student.STUB)
    (course / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        "c.CourseDirectory.course_id = 'ml-from-scratch'\n"
        f"c.ClearSolutions.code_stub = {{'python': {json.dumps(stub)}}}\n",
        encoding="utf-8")
    nbgrader(course, "generate_assignment", NAME, "--force")
    return course


def test_the_release_is_our_student_edition(course):
    release = nbformat.read(course / "release" / NAME / LESSON.name,
                            as_version=4)
    source = nbformat.read(LESSON, as_version=4)
    ours = student.student_notebook(source)
    assert [c.source for c in release.cells] == [c.source
                                                 for c in ours.cells]
    locked = [i for i, c in enumerate(release.cells)
              if c.metadata.get("nbgrader", {}).get("locked")]
    assert locked == [check for _, check in student.nbgrader_cells(source)]


def test_autograde_scores_right_stub_and_wrong_submissions(course):
    source = nbformat.read(LESSON, as_version=4)
    right = [text for c in source.cells if c.cell_type == "code"
             for text in student.solutions(c.source)]
    submissions = {"right": right, "stubs": None,
                   "wrong": student.wrong_answers(LESSON)}
    for learner, answers in submissions.items():
        folder = course / "submitted" / learner / NAME
        folder.mkdir(parents=True)
        nb = student.student_notebook(source, answers)
        nbformat.write(nb, folder / LESSON.name)
    nbgrader(course, "autograde", NAME, "--create")
    nbgrader(course, "export")
    with open(course / "grades.csv", newline="", encoding="utf-8") as f:
        scores = {row["student_id"]: (float(row["score"]),
                                      float(row["max_score"]))
                  for row in csv.DictReader(f)}
    exercises = len(student.nbgrader_cells(source))
    assert scores == {"right": (exercises, exercises),
                      "stubs": (0.0, exercises),
                      "wrong": (0.0, exercises)}

"""A class on a real JupyterHub (tests/hub.py): five learners at once log in,
open an nbgitpuller link to a copy of this repository, run a lesson top
to bottom and move a slider; a learner's edit survives a course update
that nbgitpuller merges in; and no learner's token opens another's server.

The hub runs from `.venv-hub`, which `make test` builds; without it the
tests are skipped with that hint.
"""
import asyncio
import subprocess
from concurrent.futures import ThreadPoolExecutor

import nbformat
import pytest
from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

import hub as classroom
from execute import ROOT

pytestmark = pytest.mark.skipif(
    not classroom.hub_is_installed(),
    reason="no .venv-hub with configurable-http-proxy: `make test` builds "
           "it (JupyterHub and nbgitpuller from PyPI, the proxy from npm, "
           "which needs Node.js and npm)")

LESSON = "notebooks/01-perceptron.ipynb"
TARGET = "ml-course"
N_LEARNERS = 5


def git(*args, cwd):
    return subprocess.run(
        ["git", "-c", "user.name=Course", "-c", "user.email=course@example.org",
         *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """The course's upstream repository: a clone of this one, on main."""
    upstream = tmp_path_factory.mktemp("upstream") / "course"
    git("clone", "--quiet", "--no-hardlinks", str(ROOT), str(upstream),
        cwd=ROOT)
    git("checkout", "--quiet", "-B", "main", cwd=upstream)
    return upstream


@pytest.fixture(scope="module")
def class_on_hub(tmp_path_factory, course):
    """The hub, and five learners who each pulled the course, ran the
    lesson and moved a slider, all at the same time."""
    with classroom.Hub(tmp_path_factory.mktemp("hub")) as hub:
        learners = [classroom.Learner(hub, f"learner{i}")
                    for i in range(N_LEARNERS)]

        def arrive(learner):
            learner.log_in().start_server()
            return learner.pull(f"file://{course}", TARGET)

        with ThreadPoolExecutor(N_LEARNERS) as pool:
            pulls = list(pool.map(arrive, learners))
        works = asyncio.run(all_at_once(learners))
        yield hub, learners, pulls, works
    assert hub.processes() == [], "the hub left processes running"


async def all_at_once(learners):
    return await asyncio.wait_for(asyncio.gather(
        *(run_lesson_and_move_a_slider(learner) for learner in learners)),
        timeout=600)


def notebook_of(learner, path=LESSON):
    status, model = learner.server(f"/api/contents/{TARGET}/{path}")
    assert status == 200, f"{learner.name} cannot open {path}: {status}"
    return nbformat.from_dict(model["content"])


async def run_lesson_and_move_a_slider(learner):
    notebook = notebook_of(learner)
    async with classroom.Kernel(learner, f"{TARGET}/notebooks") as kernel:
        failure = await kernel.run_notebook(notebook)
        comm_id, state = kernel.sliders()[0]
        value = state["value"] + state.get("step", 1)
        _, picture = await kernel.move_slider(comm_id, value)
    return failure, state["description"], picture


def test_five_learners_pull_the_course_run_a_lesson_and_move_a_slider(
        class_on_hub):
    hub, learners, pulls, works = class_on_hub
    for learner, events, (failure, slider, picture) in zip(
            learners, pulls, works):
        assert events[-1]["phase"] == "finished", (learner.name, events)
        assert (hub.homes / learner.name / TARGET / LESSON).exists()
        assert failure is None, f"{learner.name}'s Run All: {failure}"
        assert picture.startswith(b"\x89PNG"), (learner.name, slider)


def test_a_learners_token_does_not_open_another_learners_server(
        class_on_hub):
    hub, (ada, bob, *_), _, _ = class_on_hub
    for path, method in (("/api/contents", "GET"),
                         (f"/api/contents/{TARGET}/{LESSON}", "GET"),
                         ("/api/kernels", "GET"),
                         ("/api/kernels", "POST")):
        status, _ = ada.server(path, method, {} if method == "POST" else None,
                               as_user=bob.name, raw=True)
        assert status == 403, (path, method, status)
        own, _ = ada.server(path, "GET", raw=True)
        assert own == 200, (path, own)
    _, kernels = bob.server("/api/kernels")

    async def into_bobs_kernel(kernel_id):
        await websocket_connect(HTTPRequest(
            f"ws://127.0.0.1:{hub.port}/user/{bob.name}/api/kernels/"
            f"{kernel_id}/channels",
            headers={"Authorization": f"token {ada.token}"}))

    status, kernel = bob.server("/api/kernels", "POST", {"name": "python3"})
    assert status == 201
    with pytest.raises(HTTPClientError) as refused:
        asyncio.run(into_bobs_kernel(kernel["id"]))
    assert refused.value.code == 403
    bob.server(f"/api/kernels/{kernel['id']}", "DELETE")
    assert kernels == []


def replace_in_cell(nb, old, new):
    """Replace `old` with `new` in the one cell that holds it."""
    cells = [c for c in nb.cells if old in c.source]
    assert len(cells) == 1, f"{old!r} is in {len(cells)} cells"
    cells[0].source = cells[0].source.replace(old, new)
    return cells[0]


def save(learner, nb, path=LESSON):
    status, _ = learner.server(f"/api/contents/{TARGET}/{path}", "PUT", {
        "type": "notebook", "format": "json", "content": nb})
    assert status == 200, status


def test_a_learners_work_survives_a_course_update(class_on_hub, course):
    _, (_, _, cleo, dan, _), _, _ = class_on_hub
    typed = "# Cleo's answer: weights that put (1, 1) below the line\n"
    nb = notebook_of(cleo)
    exercise = next(c for c in nb.cells if "### BEGIN SOLUTION" in c.source)
    exercise.source = typed + exercise.source
    save(cleo, nb)

    # Dan edits the same line of the summary that the course then fixes
    summary = next(c for c in notebook_of(dan).cells
                   if c.source.startswith("## Summary"))
    first_line = summary.source.splitlines()[0]
    nb = notebook_of(dan)
    replace_in_cell(nb, first_line, first_line + " (my notes: reread)")
    save(dan, nb)

    # Cleo also keeps notes in a file the course is about to add
    status, _ = cleo.server(f"/api/contents/{TARGET}/notebooks/UPDATED.md",
                            "PUT", {"type": "file", "format": "text",
                                    "content": "Cleo's notes\n"})
    assert status in (200, 201), status

    # the course's new commit: a fixed typo in the same lesson (its
    # summary heading and its title), and a new file
    upstream_nb = nbformat.read(course / LESSON, as_version=4)
    replace_in_cell(upstream_nb, first_line, first_line + " and next steps")
    title = upstream_nb.cells[0].source.splitlines()[0]
    replace_in_cell(upstream_nb, title, title + ": a linear classifier")
    nbformat.write(upstream_nb, course / LESSON)
    (course / "notebooks" / "UPDATED.md").write_text("New this week.\n")
    git("add", "-A", cwd=course)
    git("commit", "--quiet", "-m", "Lesson 01: a fixed typo; a note",
        cwd=course)

    for learner in (cleo, dan):
        events = learner.pull(f"file://{course}", TARGET)
        assert events[-1]["phase"] == "finished", events
        status, _ = learner.server(
            f"/api/contents/{TARGET}/notebooks/UPDATED.md", raw=True)
        assert status == 200, f"{learner.name} did not get the new file"
        nb = notebook_of(learner)
        assert nb.cells[0].source.startswith(title + ": a linear classifier")

    assert any(c.source.startswith(typed) for c in notebook_of(cleo).cells)
    # her own file of the new file's name was moved aside, not overwritten
    _, folder = cleo.server(f"/api/contents/{TARGET}/notebooks")
    texts = {}
    for item in folder["content"]:
        if item["name"].startswith("UPDATED"):
            _, model = cleo.server(f"/api/contents/{item['path']}")
            texts[item["name"]] = model["content"]
    assert texts.pop("UPDATED.md") == "New this week.\n"
    assert list(texts.values()) == ["Cleo's notes\n"], texts
    # where both changed the same line, the learner's line is kept
    summary = next(c for c in notebook_of(dan).cells
                   if c.source.startswith("## Summary"))
    assert summary.source.splitlines()[0] == first_line + " (my notes: reread)"

    # to take the course's version instead, delete one's copy and pull
    status, _ = dan.server(f"/api/contents/{TARGET}/{LESSON}", "DELETE",
                           raw=True)
    assert status == 204, status
    assert dan.pull(f"file://{course}", TARGET)[-1]["phase"] == "finished"
    summary = next(c for c in notebook_of(dan).cells
                   if c.source.startswith("## Summary"))
    assert summary.source.splitlines()[0] == first_line + " and next steps"

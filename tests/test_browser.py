"""The lessons as a learner meets them: real JupyterLab, real Chromium.

The test starts JupyterLab on 127.0.0.1 over a copy of the course (so
nothing it does can touch the repository's files), opens each lesson in
headless Chromium driven by Playwright, runs all cells from the Run menu,
moves the first slider with the keyboard, and asserts that the picture
under it changed. It also runs the student edition of lesson 01, whose
Run All must go past the stubs to the last check. A screenshot of each
lesson is saved in the test's temporary folder. In lesson 03 it also presses
Play and Pause, and times the pictures. The server is stopped at the end.

It needs a system Chromium; where none is found it is skipped, with the
command that installs one.
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

import student
from execute import ROOT

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
INSTALL_HINT = ("no Chromium found: install it with "
                "`sudo apt-get install chromium` (Debian/Ubuntu) "
                "or set CHROMIUM=/path/to/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
TOKEN = "course-browser-test"


def find_chromium():
    explicit = os.environ.get("CHROMIUM")
    if explicit and Path(explicit).exists():
        return explicit
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab serving a copy of the course on 127.0.0.1; stopped
    after."""
    if find_chromium() is None:
        pytest.skip(INSTALL_HINT)
    root = tmp_path_factory.mktemp("lab")
    # the lessons, their helpers (through the notebooks/helpers link) and
    # data, laid out as in a checkout
    for name in ("notebooks", "helpers", "data"):
        shutil.copytree(ROOT / name, root / name, symlinks=True,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints",
                                                      "__pycache__"))
    student.build(root / "student")          # the edition a class gets
    port = free_port()
    # no "get Jupyter news?" toast over the screenshots
    notification = (root / "settings" / "@jupyterlab" / "apputils-extension"
                    / "notification.jupyterlab-settings")
    notification.parent.mkdir(parents=True)
    notification.write_text('{"fetchNews": "false"}')
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(root / "runtime"),
           "JUPYTER_CONFIG_DIR": str(root / "config"),
           "JUPYTERLAB_SETTINGS_DIR": str(root / "settings"),
           "OPENBLAS_NUM_THREADS": "1"}
    log = open(root / "lab.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser",
         "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={TOKEN}",
         f"--ServerApp.root_dir={root}",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
        + (["--allow-root"] if os.geteuid() == 0 else []),
        stdout=log, stderr=subprocess.STDOUT, env=env, cwd=root)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status?token={TOKEN}",
                                       timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("JupyterLab did not start: " +
                                       (root / "lab.log").read_text()[-2000:])
                time.sleep(0.5)
        yield url, root
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    assert server.poll() is not None, "the JupyterLab server is still running"


@pytest.fixture(scope="module")
def browser(lab):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=find_chromium(), headless=True,
            args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def stored_stderr_outputs(path):
    nb = nbformat.read(path, as_version=4)
    return sum(1 for cell in nb.cells for out in cell.get("outputs", [])
               if out.get("output_type") == "error"
               or out.get("name") == "stderr")


KERNEL_DIALOG = ".jp-Dialog .jp-mod-accept"
# the status bar's "Python 3 (ipykernel) | Idle"
KERNEL_IDLE = ".jp-StatusBar-TextItem:text-matches('\\(.+\\) \\| Idle$')"


def accept_kernel_dialog(page):
    """Accept JupyterLab's "Select Kernel" dialog if it is up now; True if
    it was. (It does not wait: the callers poll.)"""
    button = page.locator(KERNEL_DIALOG)
    if button.count() == 0:
        return False
    button.first.click()
    return True


def kernel_connected(url, path):
    """True once the server has a session for the notebook at `path`
    (relative to the lab's root) whose kernel is idle with a WebSocket
    open: the page has its kernel."""
    with urllib.request.urlopen(f"{url}/api/sessions?token={TOKEN}") as r:
        sessions = json.load(r)
    return any(s["path"] == path and s["kernel"]
               and s["kernel"].get("connections", 0) >= 1
               and s["kernel"]["execution_state"] == "idle"
               for s in sessions)


def wait_for_kernel(page, url, path, timeout_s=60):
    """Wait until the notebook at `path` (relative to the lab's root) has
    its kernel, connected and idle, accepting the "Select Kernel" dialog
    should it come up. The page alone cannot tell: in its first seconds
    its status bar can say "Idle" before the session exists, and a Run
    All then is lost."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        accept_kernel_dialog(page)
        if (kernel_connected(url, path)
                and page.locator(KERNEL_IDLE).count() > 0):
            return
        time.sleep(0.2)
    raise AssertionError(f"after {timeout_s} s {path} has no idle kernel")


def run_all_cells(page):
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()


def code_cell_count(path):
    nb = nbformat.read(path, as_version=4)
    return sum(1 for cell in nb.cells if cell.cell_type == "code")


def wait_until_all_ran(page, n_cells, timeout_s=180):
    """Wait until the last code cell shows [n_cells]: every cell has run,
    in order, on the fresh kernel, and none is still busy."""
    prompt = page.locator(".jp-CodeCell .jp-InputArea-prompt").last
    started = page.locator(".jp-CodeCell .jp-InputArea-prompt"
                           ":text-matches('\\[(\\*|\\d+)\\]')")
    start = time.monotonic()
    deadline, asked_again = start + timeout_s, False
    while time.monotonic() < deadline:
        accept_kernel_dialog(page)
        busy = page.locator(".jp-InputArea-prompt:has-text('[*]')").count()
        if busy == 0 and prompt.inner_text().strip() == f"[{n_cells}]:":
            return
        if (not asked_again and time.monotonic() - start > 60
                and started.count() == 0):
            # a minute and not one cell queued or run: on a loaded machine
            # the first request can be lost while the kernel starts; ask
            # once more (a lesson that kills its kernel still fails)
            run_all_cells(page)
            asked_again = True
        time.sleep(0.5)
    raise AssertionError(
        f"after {timeout_s} s the last cell shows {prompt.inner_text()!r}, "
        f"not [{n_cells}]:")


def open_and_run_all(page, url, workspace, where, path):
    """Open the notebook at `where` (relative to the lab's root; `path` is
    the same file on disk) in a reset workspace of the lab at `url`, run
    all its cells from the Run menu and wait until every code cell has
    run."""
    page.goto(f"{url}/lab/workspaces/{workspace}/tree/{where}"
              f"?reset&token={TOKEN}")
    page.locator(".jp-Notebook").first.wait_for(timeout=60_000)
    wait_for_kernel(page, url, where)
    run_all_cells(page)
    wait_until_all_ran(page, code_cell_count(path))


def shut_down_kernels(url):
    """Stop every kernel the lesson started, so the next starts alone."""
    with urllib.request.urlopen(f"{url}/api/sessions?token={TOKEN}") as r:
        sessions = json.load(r)
    for session in sessions:
        request = urllib.request.Request(
            f"{url}/api/sessions/{session['id']}?token={TOKEN}",
            method="DELETE")
        urllib.request.urlopen(request).close()


def test_lesson_runs_in_jupyterlab_and_its_slider_redraws(
        lab, browser, notebook, tmp_path):
    url, _ = lab
    # a context and a workspace of its own: no tabs left from other lessons
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        open_and_run_all(page, url, notebook.stem,
                         f"notebooks/{notebook.name}", notebook)

        # the first of the lesson's sliders, not the speed of Play
        slider = page.locator(".widget-hbox:not(.explorer-play-controls) > "
                              ".widget-slider .noUi-handle").first
        slider.wait_for(timeout=30_000)
        slider.scroll_into_view_if_needed()
        picture = page.locator(".widget-image").first
        before = picture.get_attribute("src")
        assert before, "the explorer shows no picture"
        slider.focus()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "([el, old]) => el.getAttribute('src') !== old",
            arg=[picture.element_handle(), before], timeout=30_000)
        time.sleep(0.5)
        page.screenshot(path=str(tmp_path / f"{notebook.stem}.png"))
        picture.screenshot(path=str(tmp_path / f"{notebook.stem}-slider.png"))
        assert picture.get_attribute("src") != before
        # errors and warnings: exactly those the stored lesson shows
        shown = page.locator(".jp-OutputArea-output[data-mime-type="
                             "'application/vnd.jupyter.stderr']").count()
        assert shown == stored_stderr_outputs(notebook)
    except Exception:
        page.screenshot(path=str(tmp_path / f"{notebook.stem}-failed.png"))
        raise
    finally:
        context.close()
        shut_down_kernels(url)
    assert not errors, f"the page raised: {errors}"


def test_student_edition_runs_past_its_stubs_in_jupyterlab(lab, browser,
                                                          tmp_path):
    """Run All on a student notebook reaches the last cell: the stubs
    raise, and each check under them answers "Not yet"."""
    url, root = lab
    lesson = root / "student" / student.NOTEBOOKS[0].name
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        open_and_run_all(page, url, "student", f"student/{lesson.name}",
                         lesson)
        stubs = sum(1 for c in nbformat.read(lesson, as_version=4).cells
                    if student.STUB[1] in c.source.split("\n"))
        raised = page.locator(".jp-OutputArea-output:has-text("
                              "'NotImplementedError: your answer goes')")
        assert raised.count() == stubs
        verdicts = page.locator(".jp-OutputArea-output:has-text('Not yet: ')")
        assert verdicts.count() == len(student.nbgrader_cells(
            nbformat.read(student.NOTEBOOKS[0], as_version=4)))
        verdicts.last.scroll_into_view_if_needed()
        page.screenshot(path=str(tmp_path / "student-edition.png"))
    except Exception:
        page.screenshot(path=str(tmp_path / "student-edition-failed.png"))
        raise
    finally:
        context.close()
        shut_down_kernels(url)


WATCH_PICTURE = """(img) => {
    // every change of the picture's src, with when it happened
    window.__pictures = [];
    new MutationObserver(() => window.__pictures.push(performance.now()))
        .observe(img, {attributes: true, attributeFilter: ["src"]});
    for (const button of document.querySelectorAll(".widget-toggle-button"))
        button.addEventListener("click", () =>
            (window.__clicks = window.__clicks || []).push(performance.now()),
            {capture: true});
}"""


def test_lesson_03_plays_and_pauses_in_jupyterlab(lab, browser, tmp_path):
    """Play advances the picture frame after frame (at least 5 changes in
    2 s); Pause stops it within 0.5 s: the kernel paces the frames, so no
    tick is left queued behind the click."""
    url, _ = lab
    notebook = ROOT / "notebooks" / "03-logistic-regression-1d.ipynb"
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        open_and_run_all(page, url, "play", f"notebooks/{notebook.name}",
                         notebook)
        output = page.locator(".jp-OutputArea-output").filter(
            has=page.locator(".widget-toggle-button")).first
        play = output.locator(".widget-toggle-button").first
        play.wait_for(timeout=30_000)
        play.scroll_into_view_if_needed()
        picture = output.locator(".widget-image").first
        assert picture.get_attribute("src"), "the explorer shows no picture"
        assert "Play" in play.text_content()
        picture.evaluate(WATCH_PICTURE)

        play.click()
        page.wait_for_function("() => (window.__clicks || []).length == 1",
                               timeout=5_000)
        time.sleep(2.5)
        playing = page.evaluate("[window.__clicks, window.__pictures]")
        clicked, changes = playing[0][0], playing[1]
        within_2s = [t for t in changes if t - clicked <= 2000]
        assert len(within_2s) >= 5, (
            f"the picture changed {len(within_2s)} times in the 2 s after "
            f"Play, at {[round(t - clicked) for t in changes]} ms")
        assert "Pause" in play.text_content()

        play.click()                                  # now it says Pause
        page.wait_for_function("() => window.__clicks.length == 2",
                               timeout=5_000)
        time.sleep(1.5)
        clicks, changes = page.evaluate("[window.__clicks, window.__pictures]")
        paused = clicks[1]
        late = [round(t - paused) for t in changes if t - paused > 500]
        assert not late, f"the picture still changed {late} ms after Pause"
        page.wait_for_function(
            "(el) => el.textContent.includes('Play')",
            arg=play.element_handle(), timeout=5_000)
        run = [t for t in changes if clicked <= t <= paused]
        fps = (len(run) - 1) / ((run[-1] - run[0]) / 1000)
        print(f"Play in the browser: {len(run)} pictures, {fps:.1f} "
              f"frames/s; last change "
              f"{round(max(changes) - paused)} ms after Pause")
        picture.screenshot(path=str(tmp_path / "03-played.png"))
    except Exception:
        page.screenshot(path=str(tmp_path / "03-play-failed.png"))
        raise
    finally:
        context.close()
        shut_down_kernels(url)
    assert not errors, f"the page raised: {errors}"

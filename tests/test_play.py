"""Play / Pause / Step / Reset of `helpers.widgets.Explorer`, in a real kernel.

One kernel (nbclient) runs small cells one after another, as a learner
would: an explorer over a tiny figure whose picture depends on the epoch,
then Play while a cell awaits `asyncio.sleep` (the frames run on the
kernel's event loop), Pause, Step, Reset, a frame that fails, Play up to
the max. The Pause button is also pressed the way the browser presses it:
a widget comm message sent to the kernel while Play runs and no cell does;
the frames must stop within one frame. tests/test_browser.py clicks the
real buttons in JupyterLab.
"""
import json
import time

import ipywidgets
import nbformat
from nbclient import NotebookClient

from execute import ROOT
from helpers import widgets

SETUP = """
import asyncio, hashlib, time
import ipywidgets
from helpers import widgets

fig, ax = widgets.figure(figsize=(2, 2))
line, = ax.plot([0, 1], [0, 0])
ax.set_ylim(0, 1)
frames = []            # (time, epoch) of every update
pictures = []          # a hash of every picture shown
FAIL_AT = None         # update raises at this epoch


def update(epoch, height):
    frames.append((time.time(), epoch))
    if epoch == FAIL_AT:
        raise RuntimeError(f"no picture at epoch {epoch}")
    line.set_ydata([0, height * epoch / 40])


explorer = widgets.Explorer(fig, update, {
    "epoch": ipywidgets.IntSlider(value=0, min=0, max=40),
    "height": ipywidgets.FloatSlider(value=1.0, min=0.5, max=1.0)},
    dpi=30, play="epoch")
explorer.image.observe(
    lambda c: pictures.append(hashlib.sha1(c["new"]).hexdigest()),
    names="value")
epoch = explorer.sliders["epoch"]
first_png = explorer.image.value
assert not explorer.playing and explorer.controls is not None
assert "play_button" not in explorer.sliders
"""

PLAY = """
explorer.play()
assert explorer.playing and explorer.play_button.description == "Pause"
await asyncio.sleep(1.0)
shown = len(pictures)
assert explorer.playing
assert 5 <= epoch.value <= 11, epoch.value   # 10 frames a second
assert shown >= 5 and all(a != b for a, b in zip(pictures, pictures[1:])), \\
    pictures
explorer.set(height=0.5)                     # another slider: the run goes on
await asyncio.sleep(0.3)
assert explorer.playing and len(pictures) >= shown + 3, (shown, pictures)
"""

PAUSE = """
explorer.pause()
stopped_at, n_frames = epoch.value, len(frames)
await asyncio.sleep(0.5)
assert not explorer.playing and explorer.play_button.description == "Play"
assert (epoch.value, len(frames)) == (stopped_at, n_frames)
"""

STEP = """
explorer.step()
assert epoch.value == stopped_at + 1 and len(frames) == n_frames + 1
await asyncio.sleep(0.3)
assert epoch.value == stopped_at + 1 and not explorer.playing
"""

RESET = """
explorer.set(height=1.0)
explorer.play()
await asyncio.sleep(0.25)
explorer.reset()
assert not explorer.playing and epoch.value == 0
assert explorer.image.value == first_png
await asyncio.sleep(0.3)
assert epoch.value == 0
"""

FAIL = """
FAIL_AT = 3
explorer.speed.value = 20
explorer.play()
await asyncio.sleep(0.5)
assert not explorer.playing and epoch.value == 3
assert explorer.error == "RuntimeError: no picture at epoch 3", explorer.error
assert "no picture at epoch 3" in explorer.text.value
FAIL_AT = None
"""

TO_THE_END = """
epoch.value = 36
explorer.play()
await asyncio.sleep(0.6)
assert not explorer.playing and epoch.value == 40, epoch.value
assert explorer.error is None and explorer.play_button.value is False
explorer.play()                              # at the max: from the min
assert epoch.value == 0 and explorer.image.value == first_png
await asyncio.sleep(0.25)
explorer.pause()
assert 1 <= epoch.value <= 6, epoch.value
"""

START_FOR_COMM = """
explorer.reset()
explorer.speed.value = 10
explorer.play()
handled = []           # when the kernel handled the click
explorer.play_button.observe(lambda c: handled.append(time.time()),
                             names="value")
print("COMM", json.dumps(explorer.play_button.comm.comm_id))
"""

AFTER_COMM = """
print("AFTER", json.dumps({"handled": handled,
    "playing": explorer.playing, "value": explorer.play_button.value,
    "last_frame": frames[-1][0], "epoch": epoch.value}))
"""


def run_cell(client, nb, source):
    cell = nbformat.v4.new_code_cell(source)
    nb.cells.append(cell)
    client.execute_cell(cell, len(nb.cells) - 1)
    return "".join(o.get("text", "") for o in cell.outputs)


def tagged(text, tag):
    for line in text.splitlines():
        if line.startswith(tag + " "):
            return json.loads(line[len(tag) + 1:])
    raise AssertionError(f"no {tag} line in {text!r}")


def test_play_pause_step_reset_in_a_kernel():
    nb = nbformat.v4.new_notebook()
    client = NotebookClient(nb, timeout=60, kernel_name="python3",
                            resources={"metadata": {
                                "path": str(ROOT / "notebooks")}})
    with client.setup_kernel():
        run_cell(client, nb, "import json\n" + SETUP)
        for source in (PLAY, PAUSE, STEP, RESET, FAIL, TO_THE_END):
            run_cell(client, nb, source)

        # Pause pressed as the browser presses it: a comm message that
        # reaches the kernel while Play runs and no cell does
        comm_id = tagged(run_cell(client, nb, START_FOR_COMM), "COMM")
        time.sleep(0.6)                      # a few frames, kernel idle
        message = client.kc.session.msg("comm_msg", {
            "comm_id": comm_id,
            "data": {"method": "update", "state": {"value": False},
                     "buffer_paths": []}})
        sent = time.time()
        client.kc.shell_channel.send(message)
        time.sleep(0.5)
        after = tagged(run_cell(client, nb, AFTER_COMM), "AFTER")
    assert not after["playing"] and after["value"] is False, after
    assert after["epoch"] >= 3, after        # it did play before the click
    # handled between two frames: no frame started later than one frame
    # (0.1 s, and a little slack for a loaded machine) after the click
    print(f"pause handled {after['handled'][0] - sent:.3f} s after the "
          f"click was sent; last frame {after['last_frame'] - sent:+.3f} s")
    assert len(after["handled"]) == 1 and after["handled"][0] < sent + 0.15
    assert after["last_frame"] < sent + 0.15, after["last_frame"] - sent


def test_play_outside_an_event_loop_plays_to_the_end():
    fig, ax = widgets.figure(figsize=(2, 2))
    line, = ax.plot([0, 1], [0, 0])
    seen = []

    def update(k):
        seen.append(k)
        line.set_ydata([0, k])

    explorer = widgets.Explorer(fig, update, {
        "k": ipywidgets.IntSlider(value=0, min=0, max=6, step=2)},
        dpi=20, play="k")
    explorer.speed.value = 20
    start = time.perf_counter()
    explorer.play()
    assert seen == [0, 2, 4, 6] and not explorer.playing
    assert time.perf_counter() - start >= 3 * 0.05 * 0.9
    explorer.reset().step()
    assert seen[-2:] == [0, 2] and explorer.sliders["k"].value == 2


def test_without_play_the_explorer_is_as_before():
    fig, ax = widgets.figure(figsize=(2, 2))
    line, = ax.plot([0, 1], [0, 0])
    explorer = widgets.Explorer(fig, lambda a: line.set_ydata([0, a]), {
        "a": ipywidgets.FloatSlider(value=1, min=0, max=2)}, dpi=20)
    assert explorer.controls is None and len(explorer.widget.children) == 3
    assert explorer.widget.children[0].children == (explorer.sliders["a"],)


LESSON_03_CHECKS = """
assert explorer.error is None, explorer.error
assert np.allclose(run_for(0.5)[0][:num_epochs + 1], W), \\
    "the explorer's run at lr = 0.5 differs from the lesson's"
assert np.all(np.isfinite(run_for(10 ** 0.5)[1])), "loss not finite"
explorer.set(epoch=20)
explorer.step()
assert not explorer.playing and explorer.sliders["epoch"].value == 21
explorer.set(lr=10 ** 0.5)
assert explorer.error is None, explorer.error
print("lesson 03 explorer checks passed")
"""


def test_lesson_03_explorer_replays_the_lessons_run_and_steps():
    from execute import execute
    nb = execute(ROOT / "notebooks" / "03-logistic-regression-1d.ipynb",
                 extra=[LESSON_03_CHECKS])
    assert nb.cells[-1].outputs[0].text == \
        "lesson 03 explorer checks passed\n"

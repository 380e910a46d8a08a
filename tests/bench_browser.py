"""What a learner feels of each explorer: `make bench`'s explorer table.

Two measurements, one row per slider (and one per Play) of every explorer:

- In the kernel (the lesson executed on a fresh kernel, then `KERNEL_COSTS`
  run after it): the median cost of one slider move, each slider moved back
  and forth between its value and the next one (one step, as an arrow key
  moves it); and, for an explorer with Play (`explorer.controls` is not
  None), the median cost of one frame, `explorer.step()`.
- In JupyterLab in headless Chromium (tests/test_browser.py's server and
  browser): Run All, then for each slider: focus its handle, press an arrow
  key (right and left in turn; a drop-down: choose its next option, then
  the first again) and time from the key press to the new picture loaded
  in that explorer's <img>; and for each Play: Reset, Play,
  count the pictures over a few seconds, Pause, at the speed a learner gets
  (10 frames/s asked) and at the speed slider's top.

Targets (the issue): the median round trip at most 100 ms for every
slider; every Play at 10 frames per second or more. Timings on a shared
machine are noisy: read medians, compare only numbers of the same run.

    python tests/bench.py --browser-only --lessons 03 06 [--out FILE]
"""
import contextlib
import io
import json
import statistics
import tempfile
import time
from pathlib import Path

from execute import execute

ROUND_TRIP_BUDGET_MS = 100.0
PLAY_TARGET_FPS = 10.0
KERNEL_MOVES = 20           # slider moves timed in the kernel, per slider
KERNEL_FRAMES = 20          # explorer.step() calls timed, per Play

# Run in the lesson's kernel after the lesson. Prints one line,
# "EXPLORERS [...]": for each explorer (in the order the lesson made
# them), its sliders' names, labels and median move cost, and its median
# frame cost if it has Play.
KERNEL_COSTS = r'''
import json as _json
import math as _math
import statistics as _stats
import time as _time

import ipywidgets as _ipw
from helpers.widgets import Explorer as _Explorer


def _bench_pair(slider):
    # two neighbouring places, one step apart as one arrow key moves the
    # slider: ("index", i, j) for a choice, ("value", a, b) for a number,
    # None for a text box
    if hasattr(slider, "options") and hasattr(slider, "index"):
        i = slider.index
        return "index", i, (i + 1 if i + 1 < len(slider.options) else i - 1)
    if not hasattr(slider, "min") or isinstance(slider.value, bool):
        return None
    if isinstance(slider, _ipw.FloatLogSlider):
        now = _math.log(slider.value, slider.base)
        to = now + slider.step
        if to > slider.max + 1e-9:
            to = now - slider.step
        return "value", slider.value, slider.base ** to
    to = slider.value + slider.step
    if to > slider.max:
        to = slider.value - slider.step
    return "value", slider.value, to


def _bench_put(slider, how, where):
    if how == "index":
        slider.index = where
    else:
        slider.value = where


def _bench_moves(explorer, slider, moves):
    pair = _bench_pair(slider)
    if pair is None:
        return None, 0
    how, here, there = pair
    costs, changed = [], 0
    for i in range(moves):
        before = explorer.image.value
        start = _time.perf_counter()
        _bench_put(slider, how, there if i % 2 == 0 else here)
        costs.append(_time.perf_counter() - start)
        changed += explorer.image.value != before
    _bench_put(slider, how, here)
    return _stats.median(costs), changed


def _bench_at_end(explorer):
    if hasattr(explorer, "_at_end"):
        return explorer._at_end()
    play = explorer.sliders[explorer._play]
    return play.value >= play.max


def _bench_frame(explorer):
    # one frame as Play makes it: one step (`explorer.step()`); with a
    # trainer, its "steps/frame" steps
    per_frame = getattr(explorer, "per_frame", None)
    if (getattr(explorer, "trainer", None) is not None
            and per_frame is not None and per_frame.value != 1):
        explorer._advance(per_frame.value)
    else:
        explorer.step()


def _bench_frames(explorer, frames):
    # frames from the start (Reset), again from the start at the end;
    # then Reset, and the sliders where they were
    before = dict(explorer.values)
    explorer.reset()
    costs = []
    for _ in range(frames):
        if _bench_at_end(explorer):
            explorer.reset()
        start = _time.perf_counter()
        _bench_frame(explorer)
        costs.append(_time.perf_counter() - start)
    explorer.reset()
    for name, value in before.items():
        if explorer.sliders[name].value != value:
            explorer.sliders[name].value = value
    return _stats.median(costs)


_bench_rows, _bench_seen = [], set()
for _name, _value in list(globals().items()):
    if (isinstance(_value, _Explorer) and not _name.startswith("_")
            and id(_value) not in _bench_seen):
        _bench_seen.add(id(_value))
        _sliders = []
        for _slider_name, _slider in _value.sliders.items():
            _cost, _changed = _bench_moves(_value, _slider,
                                           _BENCH_MOVES)
            _sliders.append({"name": _slider_name,
                             "label": _slider.description,
                             "move": _cost, "changed": _changed})
        _bench_rows.append({
            "name": _name, "sliders": _sliders,
            "play": (getattr(_value, "_play", None)
                     or ("trainer" if getattr(_value, "trainer", None)
                         is not None else None)),
            "frame": (None if _value.controls is None
                      else _bench_frames(_value, _BENCH_FRAMES))})
print("EXPLORERS " + _json.dumps(_bench_rows))
'''


def kernel_code(moves=KERNEL_MOVES, frames=KERNEL_FRAMES):
    """The code cell that measures the explorers in the lesson's kernel."""
    return (f"_BENCH_MOVES, _BENCH_FRAMES = {int(moves)}, {int(frames)}\n"
            + KERNEL_COSTS)


def read_explorers(nb):
    """The list printed as `EXPLORERS [...]` by any cell of `nb`."""
    for cell in nb.cells[::-1]:
        for output in cell.get("outputs", []):
            for line in output.get("text", "").splitlines():
                if line.startswith("EXPLORERS "):
                    return json.loads(line[len("EXPLORERS "):])
    raise AssertionError("the lesson's kernel printed no EXPLORERS line")


def kernel_costs(path):
    """Execute the lesson on a fresh kernel and measure its explorers."""
    return read_explorers(execute(path, extra=[kernel_code()]))


# -- the browser --------------------------------------------------------

class _TempFactory:
    """What test_browser's `lab` fixture needs of pytest's
    tmp_path_factory."""

    def __init__(self, base):
        self.base = Path(base)

    def mktemp(self, name):
        return Path(tempfile.mkdtemp(prefix=name, dir=self.base))


def _plain(fixture):
    """The function under a pytest fixture (called outside pytest)."""
    for get in (lambda f: f._get_wrapped_function(),
                lambda f: f.__pytest_wrapped__.obj,
                lambda f: f._fixture_function):
        try:
            return get(fixture)
        except AttributeError:
            continue
    return fixture


@contextlib.contextmanager
def _generated(generator, value=None):
    """A fixture's generator as a context manager: its value (`value`, if
    already taken), then its tear-down (which may check things, so it runs
    to the end)."""
    if value is None:
        value = next(generator)
    try:
        yield value
    finally:
        next(generator, None)


@contextlib.contextmanager
def lab_and_browser():
    """(url, chromium): test_browser's JupyterLab over a copy of the course
    on 127.0.0.1 and its headless Chromium; both stopped after."""
    import test_browser
    if test_browser.find_chromium() is None:
        raise RuntimeError(test_browser.INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="bench-browser-") as tmp:
        lab = _plain(test_browser.lab)(_TempFactory(tmp))
        with contextlib.redirect_stdout(io.StringIO()):   # its student
            url, root = next(lab)                         # edition's log
        with _generated(lab, (url, root)):
            with _generated(_plain(test_browser.browser)((url, root))) \
                    as chromium:
                yield url, chromium


# Installed once per page: when each key went down, each click, and each
# explorer picture loaded (by explorer number).
WATCH = """(img, i) => {
    const b = window.__bench = window.__bench ||
        {keys: [], clicks: [], loads: {}};
    if (!b.listening) {
        // a key pressed on a slider; a choice made in a drop-down
        for (const what of ["keydown", "input"])
            document.addEventListener(what,
                () => b.keys.push(performance.now()), {capture: true});
        document.addEventListener("click",
            () => b.clicks.push(performance.now()), {capture: true});
        b.listening = true;
    }
    b.loads[i] = [];
    img.addEventListener("load", () => b.loads[i].push(performance.now()));
}"""

# what a control is and where it stands: [kind, label, now, max]
CONTROL = """(el) => {
    const label = el.querySelector(".widget-label");
    const text = label ? label.textContent.trim() : "";
    const handle = el.querySelector(".noUi-handle");
    if (handle)
        return ["slider", text,
                parseFloat(handle.getAttribute("aria-valuenow")),
                parseFloat(handle.getAttribute("aria-valuemax"))];
    const select = el.querySelector("select");
    if (select)
        return ["choice", text, select.selectedIndex,
                select.options.length - 1];
    return ["other", text, 0, 0];
}"""


def _loads(page, i):
    return page.evaluate(f"window.__bench.loads[{i}].length")


def _round_trips(page, control, i, presses, timeout_ms=5_000):
    """Press arrow keys on `control` of explorer `i` (a drop-down: choose
    the next option, then the first again); the times (ms) from each key
    press (choice) to the new picture loaded."""
    kind, _, now, top = control.evaluate(CONTROL)
    if kind == "slider":
        target = control.locator(".noUi-handle").first
        keys = ("ArrowLeft", "ArrowRight") if now >= top else \
            ("ArrowRight", "ArrowLeft")
    elif kind == "choice":          # the next option, then back
        target = control.locator("select").first
        keys = (now - 1, now) if now >= top else (now + 1, now)
    else:
        return None
    target.scroll_into_view_if_needed()
    times, missed = [], 0
    for n in range(presses):
        target.focus()
        seen = _loads(page, i)
        keys_before = page.evaluate("window.__bench.keys.length")
        if kind == "slider":
            page.keyboard.press(keys[n % 2])
        else:
            target.select_option(index=int(keys[n % 2]))
        try:
            page.wait_for_function(
                f"window.__bench.loads[{i}].length > {seen}",
                timeout=timeout_ms)
        except Exception:          # no new picture: counted, not timed
            missed += 1
            if missed >= 2:
                break
            continue
        pressed, loaded = page.evaluate(
            f"[window.__bench.keys[{keys_before}], "
            f"window.__bench.loads[{i}][{seen}]]")
        times.append(loaded - pressed)
        time.sleep(0.15)           # the text under the picture, and calm
    return times


def _speed(handle):
    return float(handle.get_attribute("aria-valuenow"))


def _play_rate(page, controls, i, seconds):
    """Reset, Play, watch the pictures of explorer `i` for `seconds`,
    Pause: the pictures per second shown while it played (Play may reach
    the end and pause by itself first)."""
    play = controls.locator(".widget-toggle-button").first
    reset = controls.locator(".widget-button", has_text="Reset").first
    reset.click()
    time.sleep(0.5)
    clicks = page.evaluate("window.__bench.clicks.length")
    play.click()
    page.wait_for_function(f"window.__bench.clicks.length > {clicks}",
                           timeout=5_000)
    started = page.evaluate(f"window.__bench.clicks[{clicks}]")
    time.sleep(seconds + 0.2)
    if "Pause" in (play.text_content() or ""):
        play.click()                                  # Pause
    page.wait_for_function("(el) => el.textContent.includes('Play')",
                           arg=play.element_handle(), timeout=5_000)
    time.sleep(0.5)
    loads = page.evaluate(f"window.__bench.loads[{i}]")
    frames = [t for t in loads if started < t <= started + seconds * 1000]
    if len(frames) < 2:
        return 0.0
    # the pace of the pictures, from the first to the last (the wait for
    # the first, one period, is not a frame rate)
    return (len(frames) - 1) / ((frames[-1] - frames[0]) / 1000)


def _play(page, explorer, i, seconds):
    """Play at the speed the learner gets, then at the speed slider's top:
    [(frames/s asked, frames/s shown), ...]; None without Play."""
    controls = explorer.locator(":scope > .explorer-play-controls")
    if controls.count() == 0:
        return None
    controls.scroll_into_view_if_needed()
    speed = controls.locator(".widget-slider", has_text="frames/s")
    if speed.count() == 0:
        speed = controls
    handle = speed.locator(".noUi-handle").first
    rates = [(_speed(handle), _play_rate(page, controls, i, seconds))]
    top = float(handle.get_attribute("aria-valuemax"))
    handle.focus()
    page.keyboard.press("End")
    for _ in range(int(top)):           # if End is not understood
        if _speed(handle) >= top:
            break
        handle.focus()
        page.keyboard.press("ArrowRight")
    time.sleep(0.3)                     # the new speed reaches the kernel
    rates.append((_speed(handle), _play_rate(page, controls, i, seconds)))
    return rates


def browser_costs(url, chromium, path, presses=10, play_seconds=3.0):
    """Open the lesson at `path` in JupyterLab, Run All and measure each
    explorer shown: [{"labels", "round_trips", "play"}], in page order."""
    import test_browser
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        test_browser.open_and_run_all(
            page, url, f"bench-{path.stem}", f"notebooks/{path.name}", path)
        explorers = page.locator(
            ".jp-OutputArea-output .widget-vbox:has(> .widget-image)")
        explorers.first.wait_for(timeout=30_000)
        found = []
        for i in range(explorers.count()):
            explorer = explorers.nth(i)
            picture = explorer.locator(":scope > .widget-image").first
            picture.evaluate(WATCH, i)
            row = explorer.locator(
                ":scope > .widget-hbox:not(.explorer-play-controls)").first
            controls = row.locator(":scope > *")
            labels, trips = [], []
            for j in range(controls.count()):
                control = controls.nth(j)
                labels.append(control.evaluate(CONTROL)[1])
                trips.append(_round_trips(page, control, i, presses))
            found.append({"labels": labels, "round_trips": trips,
                          "play": _play(page, explorer, i, play_seconds)})
        return found
    finally:
        context.close()
        test_browser.shut_down_kernels(url)


# -- the table ----------------------------------------------------------

def match(kernel, browser):
    """Pair each kernel explorer with the explorer shown in the page: the
    one whose slider labels are its sliders' descriptions, else the next
    one in order. {kernel index: browser entry}."""
    pairs, free = {}, list(range(len(browser)))
    for k, explorer in enumerate(kernel):
        labels = [s["label"] for s in explorer["sliders"]]
        same = [b for b in free if browser[b]["labels"] == labels]
        pick = same[0] if same else (free[0] if free else None)
        if pick is not None:
            pairs[k] = browser[pick]
            free.remove(pick)
    return pairs


def _ms(seconds):
    return "—" if seconds is None else f"{seconds * 1e3:.0f}"


HEADER = [
    "## Explorers in the browser",
    "",
    "Per slider of every explorer: the median cost in the kernel of one "
    f"move (back and forth between its value and the next, {KERNEL_MOVES} "
    "moves), and in JupyterLab in headless Chromium the median round trip "
    "from an arrow key press on the slider to the new picture loaded "
    "(right and left in turn; a drop-down: its next option chosen, then "
    "the first again; a text box is not measured; target: at most "
    f"{ROUND_TRIP_BUDGET_MS:.0f} ms). Per Play: the median cost in the "
    f"kernel of one frame (`explorer.step()`; with a trainer, its "
    f"steps/frame steps; {KERNEL_FRAMES} frames from Reset), and "
    "the pictures a second the browser shows after Play, at the speed a "
    "learner gets and at the speed slider's top (target: "
    f"{PLAY_TARGET_FPS:.0f} frames/s or more at the top; at the speed "
    "asked, the kernel paces the frames, so they cannot exceed it). "
    "Measured on a shared machine: noisy; compare numbers of one run.",
    "",
    "| lesson | explorer | slider | kernel move, median (ms) | "
    "round trip, median (ms) | Play frame in kernel, median (ms) | "
    "Play (frames/s) | on target |",
    "|---|---|---|---:|---:|---:|---|:---:|",
]


def rows(path, kernel, browser):
    """The table's rows for one lesson."""
    lines, pairs = [], match(kernel, browser)
    for k, explorer in enumerate(kernel):
        shown = pairs.get(k)
        for j, slider in enumerate(explorer["sliders"]):
            trips = None
            if shown is not None and j < len(shown["round_trips"]):
                trips = shown["round_trips"][j]
            if slider["move"] is None or trips is None:
                trip, ok = "— (a text box)", "—"
            elif not trips and slider["changed"] == 0:
                # e.g. a trainer's learning rate: it acts on the steps to
                # come, and the picture stays as it is until then
                trip, ok = "— (a move leaves the picture as it is)", "—"
            elif not trips:
                trip, ok = "no new picture", "NO"
            else:
                median = statistics.median(trips)
                trip = f"{median:.0f}"
                ok = "yes" if median <= ROUND_TRIP_BUDGET_MS else "NO"
            if shown is None:
                trip, ok = "not shown", "—"
            name = f"`{slider['name']}`"
            if slider["label"] and slider["label"] != slider["name"]:
                name += f" ({slider['label']})"
            lines.append(f"| {path.stem} | `{explorer['name']}` | {name} | "
                         f"{_ms(slider['move'])} | {trip} | | | {ok} |")
        if explorer["frame"] is not None:
            rates = shown and shown["play"]
            if rates:
                shown_fps = "; ".join(f"{fps:.1f} at {asked:.0f} asked"
                                      for asked, fps in rates)
                ok = "yes" if max(f for _, f in rates) >= PLAY_TARGET_FPS \
                    else "NO"
            else:
                shown_fps, ok = "not shown", "—"
            what = ("trainer" if explorer["play"] == "trainer"
                    else f"`{explorer['play']}`")
            lines.append(f"| {path.stem} | `{explorer['name']}` | Play "
                         f"({what}) | | | "
                         f"{_ms(explorer['frame'])} | {shown_fps} | {ok} |")
    return lines


def table(paths, kernel_by_path=None, presses=10, play_seconds=3.0,
          log=print):
    """The explorer table's lines for the lessons at `paths`.
    `kernel_by_path` holds kernel measurements already made (by the lesson
    table's run); the others are made here, before the browser starts."""
    import test_browser
    if test_browser.find_chromium() is None:       # the rest still runs
        log(test_browser.INSTALL_HINT)
        return [HEADER[0], "", f"Not measured: {test_browser.INSTALL_HINT}."]
    kernel_by_path = dict(kernel_by_path or {})
    for path in paths:
        if path not in kernel_by_path:
            kernel_by_path[path] = kernel_costs(path)
            log(f"kernel: {path.stem}: {kernel_by_path[path]}")
    lines = list(HEADER)
    with lab_and_browser() as (url, chromium):
        for path in paths:
            shown = browser_costs(url, chromium, path, presses, play_seconds)
            log(f"browser: {path.stem}: {shown}")
            lines += rows(path, kernel_by_path[path], shown)
    return lines

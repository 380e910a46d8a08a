"""Code run inside a lesson's kernel, after the lesson, by the slider tests
and by `make bench`: it finds every slider explorer the lesson made, moves
each slider to its minimum, default and maximum, and prints one JSON line
per move (did the picture change, did anything fail, what did it cost).
Sliders move by value, choice widgets (Dropdown, ToggleButtons,
SelectionSlider) by index, from the first choice to the last.

Then each explorer with play controls (a play slider or a trainer) is
played, headlessly: Reset, Play for three frames (driven by hand through
the very function the kernel's event loop calls, since the probe is one
ordinary cell that cannot await), Pause, Step, Reset, and a frame made to
fail (its update or its trainer's step replaced for a moment); one JSON
line, `PLAY [...]`, holds a row per check. The explorer is left where it
was (the play slider at its value; a trainer reset).
"""
PROBE = r'''
import json as _json
import math as _math
import time as _time

import ipywidgets as _ipw
from helpers.widgets import Explorer as _Explorer


def _has_options(widget):
    # Dropdown, SelectionSlider, ToggleButtons, RadioButtons: moved by index
    return hasattr(widget, "options") and hasattr(widget, "index")


def _ends(slider):
    if _has_options(slider):
        return 0, len(slider.options) - 1
    if isinstance(slider, _ipw.FloatLogSlider):
        return slider.base ** slider.min, slider.base ** slider.max
    return slider.min, slider.max


def _where(slider):
    return slider.index if _has_options(slider) else slider.value


def _move(explorer, name, slider, target):
    if _has_options(slider):
        slider.index = target
    else:
        explorer.set(**{name: target})


def _same(a, b):
    return _math.isclose(a, b, rel_tol=1e-9, abs_tol=0)


def _probe(explorer, name):
    # each slider to its minimum, maximum and default, in an order where
    # every step is a real move (a default may sit at either end); text
    # boxes have no ends and are left to the lesson's own asserts
    rows = []
    defaults = {n: _where(s) for n, s in explorer.sliders.items()}
    for slider_name, slider in explorer.sliders.items():
        if not (_has_options(slider) or hasattr(slider, "min")):
            continue
        low, high = _ends(slider)
        default = defaults[slider_name]
        stops = [("min", low), ("max", high), ("default", default)]
        if _same(default, low):
            stops = [("max", high), ("min", low)]
        elif _same(default, high):
            stops = [("min", low), ("max", high)]
        for at, target in stops:
            before_value = _where(slider)
            before = explorer.image.value
            start = _time.perf_counter()
            _move(explorer, slider_name, slider, target)
            cost = _time.perf_counter() - start
            rows.append({
                "explorer": name, "slider": slider_name, "at": at,
                "moved": _where(slider) != before_value,
                "changed": explorer.image.value != before,
                "error": explorer.error, "seconds": cost})
        _move(explorer, slider_name, slider, default)
    return rows




class _Failing:
    # stands in for a trainer: every step raises, the rest is the trainer's
    def __init__(self, trainer):
        self._trainer = trainer

    def __getattr__(self, name):
        return getattr(self._trainer, name)

    def step(self, k):
        raise RuntimeError("probe: a frame that fails")


def _failing_update(**values):
    raise RuntimeError("probe: a frame that fails")


def _one_step(explorer):
    # how far Step moves the count: the play slider's step, or 1
    if explorer.trainer is not None:
        return 1
    return explorer.sliders[explorer._play].step


def _frames(explorer, n):
    # n frames of Play, driven by hand exactly as the event loop runs
    # them (a cell cannot await here); each: (count, counter, picture)
    seen = []
    for _ in range(n):
        if not explorer.playing:
            break
        explorer._tick()
        seen.append((explorer.count, explorer.counter.value,
                     explorer.image.value))
    return seen


def _probe_play(explorer, name):
    # Play advances the counter and the picture frame after frame; Pause
    # stops it; Step takes exactly one step; Reset gives back the first
    # picture; a failing frame pauses with its message
    rows = []

    def report(check, passed, detail=""):
        rows.append({"explorer": name, "check": check,
                     "passed": bool(passed), "detail": detail})

    if explorer.trainer is None:
        slider = explorer.sliders[explorer._play]
        where = slider.value
    start = _time.perf_counter()
    try:
        explorer.reset()
        first, start_count = explorer.image.value, explorer.count
        report("reset before playing", explorer.error is None
               and not explorer.playing, str(explorer.error))

        explorer.play()
        playing = explorer.playing
        seen = _frames(explorer, 3)
        counts = [start_count] + [c for c, _, _ in seen]
        pictures = [first] + [p for _, _, p in seen]
        report("play advances the counter and the picture", playing
               and len(seen) == 3 and explorer.error is None
               and all(a < b for a, b in zip(counts, counts[1:]))
               and all(str(c) in t for c, t, _ in seen)
               and len({t for _, t, _ in seen}) == len(seen)
               and all(a != b for a, b in zip(pictures, pictures[1:])),
               f"playing {playing}, counts {counts}, counters "
               f"{[t for _, t, _ in seen]}, picture changed "
               f"{[a != b for a, b in zip(pictures, pictures[1:])]}, "
               f"error {explorer.error}")

        explorer.pause()
        paused_at, picture = explorer.count, explorer.image.value
        explorer._tick()                # a frame due after the Pause
        report("pause stops it", not explorer.playing
               and explorer.count == paused_at
               and explorer.image.value == picture,
               f"playing {explorer.playing}, count {paused_at} -> "
               f"{explorer.count}")

        before = explorer.count
        explorer.step()
        report("step takes exactly one step", not explorer.playing
               and explorer.count == before + _one_step(explorer)
               and explorer.error is None,
               f"count {before} -> {explorer.count} (one step: "
               f"{_one_step(explorer)}), error {explorer.error}")

        explorer.reset()
        report("reset gives the first picture back",
               explorer.image.value == first
               and explorer.count == start_count
               and explorer.error is None and not explorer.playing,
               f"same picture {explorer.image.value == first}, count "
               f"{explorer.count} (first {start_count}), error "
               f"{explorer.error}")

        if explorer.trainer is not None:
            trainer = explorer.trainer
            explorer.trainer = _Failing(trainer)
        else:
            update = explorer.update
            explorer.update = _failing_update
        try:
            explorer.play()
            _frames(explorer, 2)
            failed = (not explorer.playing, explorer.error,
                      explorer.text.value)
        finally:
            if explorer.trainer is not None:
                explorer.trainer = trainer
            else:
                explorer.update = update
        report("a failing frame pauses and says why", failed[0]
               and failed[1] == "RuntimeError: probe: a frame that fails"
               and "b00020" in failed[2]
               and "probe: a frame that fails" in failed[2],
               f"paused {failed[0]}, error {failed[1]!r}")
    finally:
        explorer.pause()
        explorer.reset()
        if explorer.trainer is None:
            explorer.set(**{explorer._play: where})
    report("back where it was", explorer.error is None,
           f"{_time.perf_counter() - start:.3f} s for the checks above; "
           f"error {explorer.error}")
    return rows


_rows, _play_rows = [], []
for _name, _value in list(globals().items()):
    if isinstance(_value, _Explorer) and not _name.startswith("_"):
        _rows.extend(_probe(_value, _name))
        if _value.controls is not None:
            _play_rows.extend(_probe_play(_value, _name))
print("PLAY " + _json.dumps(_play_rows))    # first: a reader may take
print("PROBE " + _json.dumps(_rows))         # all after "PROBE " as JSON
'''

TIMING = r'''
import json as _json
import statistics as _stats
import time as _time

_costs, _cpus = {}, {}
for _name, _value in list(globals().items()):
    if isinstance(_value, _Explorer) and not _name.startswith("_"):
        for _slider_name, _slider in _value.sliders.items():
            if not (_has_options(_slider) or hasattr(_slider, "min")):
                continue
            _low, _high = _ends(_slider)
            _default = _where(_slider)
            if _has_options(_slider):
                _grid = list(range(_low, _high + 1))
            else:
                _grid = [_low + (_high - _low) * _i / 9 for _i in range(10)]
            if isinstance(_slider, _ipw.IntSlider):
                _grid = sorted({int(round(_g)) for _g in _grid})
            for _v in _grid + _grid[::-1]:
                _start = _time.perf_counter()
                _cpu = _time.process_time()
                _move(_value, _slider_name, _slider, _v)
                _costs.setdefault(_name, []).append(
                    _time.perf_counter() - _start)
                _cpus.setdefault(_name, []).append(
                    _time.process_time() - _cpu)
            _move(_value, _slider_name, _slider, _default)
print("TIMING " + _json.dumps({
    _k: [_stats.median(_c), _stats.median(_cpus[_k])]
    for _k, _c in _costs.items()}))
'''


def read_tagged_line(nb, tag):
    """The JSON printed as `TAG {...}` by the last cell of `nb`."""
    import json
    for output in nb.cells[-1].get("outputs", []):
        for line in output.get("text", "").splitlines():
            if line.startswith(tag + " "):
                return json.loads(line[len(tag) + 1:])
    raise AssertionError(f"the probe printed no {tag} line; outputs: "
                         f"{nb.cells[-1].get('outputs')}")

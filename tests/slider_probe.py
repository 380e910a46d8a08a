"""Code run inside a lesson's kernel, after the lesson, by the slider tests
and by `make bench`: it finds every slider explorer the lesson made, moves
each slider to its minimum, default and maximum, and prints one JSON line
per move (did the picture change, did anything fail, what did it cost).
Sliders move by value, choice widgets (Dropdown, ToggleButtons,
SelectionSlider) by index, from the first choice to the last.
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


_rows = []
for _name, _value in list(globals().items()):
    if isinstance(_value, _Explorer) and not _name.startswith("_"):
        _rows.extend(_probe(_value, _name))
print("PROBE " + _json.dumps(_rows))
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

"""Code run inside a lesson's kernel, after the lesson, by the slider tests
and by `make bench`: it finds every slider explorer the lesson made, moves
each slider to its minimum, default and maximum, and prints one JSON line
per move (did the picture change, did anything fail, what did it cost).
"""
PROBE = r'''
import json as _json
import time as _time

import ipywidgets as _ipw
from helpers.widgets import Explorer as _Explorer


def _ends(slider):
    if isinstance(slider, _ipw.FloatLogSlider):
        return slider.base ** slider.min, slider.base ** slider.max
    return slider.min, slider.max


def _probe(explorer, name):
    rows = []
    defaults = explorer.values
    for slider_name, slider in explorer.sliders.items():
        low, high = _ends(slider)
        for at, value in (("min", low), ("default", defaults[slider_name]),
                          ("max", high)):
            before_value = slider.value
            before = explorer.image.value
            start = _time.perf_counter()
            explorer.set(**{slider_name: value})
            cost = _time.perf_counter() - start
            rows.append({
                "explorer": name, "slider": slider_name, "at": at,
                "moved": slider.value != before_value,
                "changed": explorer.image.value != before,
                "error": explorer.error, "seconds": cost})
        explorer.set(**{slider_name: defaults[slider_name]})
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
            _low, _high = _ends(_slider)
            _default = _value.values[_slider_name]
            _grid = [_low + (_high - _low) * _i / 9 for _i in range(10)]
            if isinstance(_slider, _ipw.IntSlider):
                _grid = sorted({int(round(_g)) for _g in _grid})
            for _v in _grid + _grid[::-1]:
                _start = _time.perf_counter()
                _cpu = _time.process_time()
                _value.set(**{_slider_name: _v})
                _costs.setdefault(_name, []).append(
                    _time.perf_counter() - _start)
                _cpus.setdefault(_name, []).append(
                    _time.process_time() - _cpu)
            _value.set(**{_slider_name: _default})
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

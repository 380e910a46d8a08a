"""Time our models against a reference (scikit-learn's, mostly), each in
its own process.

Each file in tests/bench_cases/ names a lesson (`NOTEBOOK`) and a list of
`CASES`, dicts with the keys

    workload  a line saying what is timed (data, sizes, settings)
    setup     code that makes the data (X_train, y_train, X_test, ...)
    ours      code that fits and predicts with the lesson's model; it runs
              after the lesson's cells tagged `model`
    sklearn   the same fit and predict with scikit-learn
    budget    the largest ratio ours / scikit-learn the course accepts, or
              None: the readable model of a lesson is timed to be honest
              about it, with no budget
    cells     optional: the cell tags whose cells run before `ours`
              (default ("model",); ("model", "fast") for the optional
              "making it fast" section of a lesson)

A case that measures against something else (SciPy, the loops of the
lesson, the source material's code) writes `reference` instead of
`sklearn` and names it in `reference_name`. A budget below 1 asks for a
speed-up: 0.01 means "at least 100x faster than the reference".

Each implementation runs in a fresh Python process with one BLAS and one
OpenMP thread (the same for both), repeats its code after a warm-up, and
reports the median. Imported by tests/bench.py.
"""
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASE_DIR = HERE / "bench_cases"

RUNNER = r'''
import json, statistics, sys, time
sys.path.insert(0, {here!r})
spec = json.loads(sys.stdin.read())
namespace = {{"__name__": "bench"}}
exec(spec["setup"], namespace)
if spec["which"] == "ours":
    from notebook_code import model_source
    exec(model_source(spec["notebook"], spec["cells"]), namespace)
code = compile(spec["code"], "bench", "exec")
times = []
deadline = time.perf_counter() + spec["max_seconds"]
for i in range(spec["repeats"] + 1):
    start = time.perf_counter()
    exec(code, namespace)
    if i:                                   # the first run is a warm-up
        times.append(time.perf_counter() - start)
    if time.perf_counter() > deadline and len(times) >= 3:
        break
print(json.dumps({{"median": statistics.median(times), "n": len(times)}}))
'''


def load_cases(prefix=""):
    """(notebook, case) for every case file whose name starts with
    `prefix` ("" for all), in file-name order."""
    found = []
    for path in sorted(CASE_DIR.glob(f"{prefix}*.py")):
        if not path.name[0].isdigit():
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for case in module.CASES:
            case = dict(case)
            case.setdefault("reference", case.get("sklearn"))
            case.setdefault("reference_name", "scikit-learn")
            found.append((module.NOTEBOOK, case))
    return found


def time_in_process(notebook, case, which, repeats=15, max_seconds=60):
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1",
           "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    spec = {"which": which, "notebook": notebook, "setup": case["setup"],
            "code": case[which], "repeats": repeats,
            "max_seconds": max_seconds,
            "cells": list(case.get("cells", ("model",)))}
    done = subprocess.run(
        [sys.executable, "-c", RUNNER.format(here=str(HERE))],
        input=json.dumps(spec), capture_output=True, text=True, env=env,
        timeout=900)
    if done.returncode != 0:
        raise RuntimeError(f"{notebook} {which}: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])["median"]


def model_rows(prefix=""):
    """Markdown table rows: ours vs the reference for every case."""
    rows = []
    for notebook, case in load_cases(prefix):
        ours = time_in_process(notebook, case, "ours")
        theirs = time_in_process(notebook, case, "reference")
        ratio = ours / theirs
        budget = case.get("budget")
        if budget is None:
            ok, budget_text = "-", "none"
        else:
            ok = "yes" if ratio <= budget else "NO"
            budget_text = f"{budget:.3g}x"
        shown = f"{ratio:.2f}x" if ratio >= 0.1 else f"{ratio:.2g}x"
        rows.append(f"| {Path(notebook).stem} | {case['workload']} | "
                    f"{ours * 1e3:.1f} | {case['reference_name']} | "
                    f"{theirs * 1e3:.1f} | {shown} | "
                    f"{budget_text} | {ok} |")
        print(rows[-1], flush=True)
    return rows


if __name__ == "__main__":
    # python tests/bench_models.py [11]: only the cases of lesson 11
    model_rows(sys.argv[1] if len(sys.argv) > 1 else "")

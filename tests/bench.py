"""`make bench`: how fast the lessons are, written as a Markdown table.

For each lesson: the wall time of a full execution on a fresh kernel
(median of --runs runs) and the median cost, in the kernel, of one slider
move (retrain + redraw + PNG), over a sweep of every slider of every
explorer. Timings on a shared machine are noisy: read medians, and compare
only numbers measured in the same run.

    python tests/bench.py --out BENCHMARKS.md [--runs 3] [notebooks ...]
"""
import argparse
import datetime
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from execute import NOTEBOOKS, ROOT, execute          # noqa: E402
from slider_probe import PROBE, TIMING, read_tagged_line  # noqa: E402
import bench_models                                    # noqa: E402

SLIDER_BUDGET_MS = 100.0


def lesson_budget_s(path):
    """The issues' budgets: 30 s for lessons 01-04, 60 s after them."""
    return 30.0 if int(path.name[:2]) <= 4 else 60.0


def bench_lesson(path, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        execute(path)
        times.append(time.perf_counter() - start)
    nb = execute(path, extra=[PROBE, TIMING])
    medians = read_tagged_line(nb, "TIMING")
    return statistics.median(times), medians


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="BENCHMARKS.md")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-lessons", action="store_true",
                        help="only the model table")
    parser.add_argument("--skip-models", action="store_true",
                        help="only the lesson table")
    parser.add_argument("notebooks", nargs="*")
    args = parser.parse_args()
    paths = [Path(p) for p in args.notebooks] or NOTEBOOKS

    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` on {datetime.date.today()}, "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, OPENBLAS_NUM_THREADS="
        f"{os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}.",
        "",
        "## Lessons",
        "",
        f"Execution: wall time of a fresh-kernel run, median of {args.runs} "
        "(budget 30 s for lessons 01-04, 60 s for the others). Slider "
        "move: median cost in the kernel of one move (retrain, redraw, "
        "PNG), wall clock and CPU time, sweeping each slider of each "
        "explorer across its range, 20 moves a slider (budget "
        f"{SLIDER_BUDGET_MS:.0f} ms).",
        "",
        "| lesson | execution (s) | explorer | slider move, median (ms) | "
        "CPU per move, median (ms) | within budget |",
        "|---|---:|---|---:|---:|:---:|",
    ]
    for path in [] if args.skip_lessons else paths:
        seconds, medians = bench_lesson(path, args.runs)
        for name, (wall, cpu) in sorted(medians.items()):
            ok = (seconds < lesson_budget_s(path)
                  and wall * 1e3 < SLIDER_BUDGET_MS)
            lines.append(f"| {path.stem} | {seconds:.1f} | `{name}` | "
                         f"{wall * 1e3:.0f} | {cpu * 1e3:.0f} | "
                         f"{'yes' if ok else 'NO'} |")
        print(lines[-1], flush=True)
    cases = [] if args.skip_models else bench_models.load_cases()
    if cases:
        lines += [
            "",
            "## Models against their references",
            "",
            "Fit + predict (or the work the row names), median of up to 15 "
            "runs after a warm-up, each implementation in its own process "
            "with one BLAS/OpenMP thread. Ratio: our time / the "
            "reference's; a budget below 1x asks for a speed-up "
            "(0.01x: at least 100x faster).",
            "",
            "| lesson | workload | ours (ms) | reference | reference (ms) | "
            "ratio | budget | within |",
            "|---|---|---:|---|---:|---:|---:|:---:|",
        ]
        lines += bench_models.model_rows()
    out = ROOT / args.out
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()

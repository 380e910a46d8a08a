"""`make bench`: how fast the lessons are, written as a Markdown table.

For each lesson: the wall time of a full execution on a fresh kernel
(median of --runs runs) and the median cost, in the kernel, of one slider
move (retrain + redraw + PNG), over a sweep of every slider of every
explorer. Then, per explorer (tests/bench_browser.py), what a learner
feels: each slider's move in the kernel and its round trip in JupyterLab in
Chromium (key press to new picture), and each Play's frame cost and frames
per second. Last, the models against scikit-learn. Timings on a shared
machine are noisy: read medians, and compare only numbers measured in the
same run.

    python tests/bench.py --out BENCHMARKS.md [--runs 3] [notebooks ...]
    python tests/bench.py --browser-only --lessons 03 05 [--out FILE]

--browser-only measures only the explorer table (kernel and browser) and,
without --out, prints it rather than writing BENCHMARKS.md.
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
import bench_browser                                   # noqa: E402

SLIDER_BUDGET_MS = 100.0


def lesson_budget_s(path):
    """The guide's budget for a lesson's Run All: 15 s, every lesson."""
    return 15.0


def bench_lesson(path, runs):
    """(execution seconds, slider medians by explorer, the explorers'
    kernel costs for the explorer table)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        execute(path)
        times.append(time.perf_counter() - start)
    # the explorer costs first: TIMING's line must be the last cell's
    nb = execute(path, extra=[PROBE, bench_browser.kernel_code(), TIMING])
    medians = read_tagged_line(nb, "TIMING")
    return statistics.median(times), medians, bench_browser.read_explorers(nb)


def lesson_paths(notebooks, lessons):
    """The notebooks named, or the lessons numbered (`03`, `3`), or all."""
    paths = [Path(p) for p in notebooks]
    for number in lessons or []:
        found = [p for p in NOTEBOOKS if p.name[:2] == f"{int(number):02d}"]
        if not found:
            raise SystemExit(f"bench: no lesson numbered {number!r} in "
                             f"{ROOT / 'notebooks'}")
        paths += found
    return paths or NOTEBOOKS


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=None,
                        help="the Markdown file written (default "
                        "BENCHMARKS.md; with --browser-only: none, the "
                        "table is printed)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-lessons", action="store_true",
                        help="no lesson table")
    parser.add_argument("--skip-models", action="store_true",
                        help="no model table")
    parser.add_argument("--skip-browser", action="store_true",
                        help="no explorer table (kernel and browser)")
    parser.add_argument("--browser-only", action="store_true",
                        help="only the explorer table: each slider's "
                        "kernel move and browser round trip, each Play's "
                        "frame cost and frames/s")
    parser.add_argument("--lessons", nargs="+", metavar="NN",
                        help="only these lessons, by number (e.g. 03 05)")
    parser.add_argument("--presses", type=int, default=10,
                        help="arrow key presses per slider in the browser")
    parser.add_argument("--play-seconds", type=float, default=3.0,
                        help="how long each Play is watched")
    parser.add_argument("notebooks", nargs="*")
    args = parser.parse_args()
    paths = lesson_paths(args.notebooks, args.lessons)
    if args.browser_only:
        args.skip_lessons = args.skip_models = True
        args.skip_browser = False
    explorers = {}              # path -> kernel costs, from the lesson run

    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` on {datetime.date.today()}, "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, OPENBLAS_NUM_THREADS="
        f"{os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}.",
    ]
    lessons = [
        "## Lessons",
        "",
        f"Execution: wall time of a fresh-kernel run, median of {args.runs} "
        "(budget 15 s, every lesson). Slider "
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
        seconds, medians, explorers[path] = bench_lesson(path, args.runs)
        for name, (wall, cpu) in sorted(medians.items()):
            ok = (seconds < lesson_budget_s(path)
                  and wall * 1e3 < SLIDER_BUDGET_MS)
            lessons.append(f"| {path.stem} | {seconds:.1f} | `{name}` | "
                           f"{wall * 1e3:.0f} | {cpu * 1e3:.0f} | "
                           f"{'yes' if ok else 'NO'} |")
        print(lessons[-1], flush=True)
    if not args.skip_lessons:
        lines += [""] + lessons
    if not args.skip_browser:
        lines += [""] + bench_browser.table(
            paths, explorers, presses=args.presses,
            play_seconds=args.play_seconds,
            log=lambda text: print(text, flush=True))
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
    text = "\n".join(lines) + "\n"
    if args.out is None and args.browser_only:
        print(text)
        return
    out = ROOT / (args.out or "BENCHMARKS.md")
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()

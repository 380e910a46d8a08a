"""`make classroom`: how big a server a class needs, measured on a real
JupyterHub on this machine (tests/hub.py).

1. The hub's start-up time.
2. One learner alone runs every lesson top to bottom, each in a fresh
   kernel: per lesson, the peak memory of the learner's server and of the
   kernel (the most resident memory each process ever held, from the
   kernel's own record, VmHWM) and the CPU seconds of the Run All.
3. N learners at once (30 by default): each logs in, gets a server, opens
   the nbgitpuller link, runs a lesson, and then every one of them moves
   the explorer's slider several times over the same minute; the round
   trips (slider move sent to new picture received) are measured with all
   N active, and the memory all of them hold together.

It writes the table between the markers in README.md's "For instructors"
(or to --out), where the sizing for a class is derived from it.

    python tests/classroom.py [--learners 30] [--lesson 06] [--moves 10]
        [--solo 01 06] [--out FILE]
"""
import argparse
import asyncio
import contextlib
import datetime
import math
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hub as classroom                           # noqa: E402
from execute import NOTEBOOKS, ROOT               # noqa: E402

TARGET = "ml-course"
BEGIN, END = "<!-- classroom:begin -->", "<!-- classroom:end -->"


def lesson_path(notebook):
    return f"notebooks/{Path(notebook).name}"


async def solo_lesson(learner, notebook):
    """A fresh kernel runs the lesson: (kernel peak MB, CPU s, wall s,
    failure)."""
    async with classroom.Kernel(learner, f"{TARGET}/notebooks") as kernel:
        _, kernels = learner.processes()
        (process,) = [p for p in kernels
                      if kernel.id in " ".join(p.cmdline())]
        cpu0, start = classroom.cpu_seconds(process), time.perf_counter()
        failure = await kernel.run_notebook(
            learner.hub.homes / learner.name / TARGET
            / lesson_path(notebook))
        wall = time.perf_counter() - start
        cpu = classroom.cpu_seconds(process) - cpu0
        peak = classroom.peak_rss_mb(process)
    return peak, cpu, wall, failure


async def move_sliders(kernel, moves, rng, start_together):
    await start_together.wait()
    comm_id, state = kernel.sliders()[0]
    low, high = state["min"], state["max"]
    trips = []
    value = state["value"]
    for _ in range(moves):
        await asyncio.sleep(rng.uniform(0.5, 1.5))
        step = state.get("step", 1)
        value = value + step if value + step <= high else low
        seconds, _ = await kernel.move_slider(comm_id, value)
        trips.append(seconds)
    return trips


async def class_at_once(learners, notebook, moves, seed):
    """Every learner runs the lesson (at the same time), then all move
    sliders over the same minute; the round trips and the memory held."""
    rng = random.Random(seed)
    async with contextlib.AsyncExitStack() as stack:
        kernels = [await stack.enter_async_context(classroom.Kernel(
            learner, f"{TARGET}/notebooks")) for learner in learners]
        failures = await asyncio.gather(*(
            k.run_notebook(k.learner.hub.homes / k.learner.name / TARGET
                           / lesson_path(notebook)) for k in kernels))
        theirs = [p for p in learners[0].hub.processes()
                  if p.environ().get("JUPYTERHUB_USER")]
        cpu0, start = sum(map(classroom.cpu_seconds, theirs)), time.time()
        go = asyncio.Event()
        tasks = [asyncio.ensure_future(move_sliders(
            k, moves, random.Random(rng.random()), go)) for k in kernels]
        go.set()
        trips = await asyncio.gather(*tasks)
        busy = (sum(map(classroom.cpu_seconds, theirs)) - cpu0) / (
            time.time() - start)
        held = sum(p.memory_info().rss for p in theirs) / 2 ** 20
    return failures, [t for row in trips for t in row], held, busy


def measure(n_learners, notebook, moves, workdir, solo_lessons):
    course = workdir / "course"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(course)],
                   check=True)
    repo = f"file://{course}"
    rows = {}
    with classroom.Hub(workdir / "hub") as hub:
        rows["startup"] = hub.startup_seconds
        solo = classroom.Learner(hub, "solo").log_in().start_server()
        solo.pull(repo, TARGET)
        rows["solo_server_start"] = solo.server_seconds
        rows["disk_mb"] = sum(
            f.stat().st_size for f in (hub.homes / "solo").rglob("*")
            if f.is_file()) / 2 ** 20
        lessons = []
        for path in solo_lessons:            # each on a fresh server
            solo.stop_server().start_server()
            peak, cpu, wall, failure = asyncio.run(solo_lesson(solo, path))
            server, _ = solo.processes()
            server_peak = classroom.peak_rss_mb(server)
            lessons.append((path.stem, server_peak, peak, cpu, wall,
                            failure))
            print(f"{path.stem}: server peak {server_peak:.0f} MB, kernel "
                  f"peak {peak:.0f} MB, CPU {cpu:.1f} s, wall {wall:.1f} s"
                  f"{', FAILED ' + failure if failure else ''}", flush=True)
        rows["lessons"] = lessons
        solo.stop_server()

        learners = [classroom.Learner(hub, f"learner{i:02d}")
                    for i in range(n_learners)]
        start = time.perf_counter()

        def arrive(learner):
            learner.log_in().start_server()
            events = learner.pull(repo, TARGET)
            return events[-1]["phase"]

        with ThreadPoolExecutor(n_learners) as pool:
            phases = list(pool.map(arrive, learners))
        rows["all_arrived"] = time.perf_counter() - start
        rows["server_starts"] = [l.server_seconds for l in learners]
        rows["pulls"] = phases
        print(f"{n_learners} learners logged in, started and pulled in "
              f"{rows['all_arrived']:.1f} s", flush=True)
        failures, trips, held, busy = asyncio.run(
            class_at_once(learners, notebook, moves, seed=0))
        rows["busy_cores"] = busy
        rows["class_failures"] = [f for f in failures if f]
        rows["trips"] = trips
        rows["held_mb"] = held
    return rows


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def table(rows, n_learners, notebook, moves):
    lessons = rows["lessons"]
    lines = [
        f"Measured by `make classroom` on {datetime.date.today()} on this "
        f"machine ({os.cpu_count()} cores, "
        f"Python {platform.python_version()}, one BLAS thread per kernel), "
        f"with "
        f"JupyterHub {classroom.jupyterhub_version()} and the simple local "
        "spawner.",
        "",
        "| lesson | server's peak memory (MB) | kernel's peak memory (MB) "
        "| Run All, CPU seconds | Run All, wall seconds |",
        "|---|---|---|---|---|",
    ]
    for stem, server, peak, cpu, wall, failure in lessons:
        lines.append(f"| {stem} | {server:.0f} | {peak:.0f} | {cpu:.1f} | "
                     f"{wall:.1f}"
                     f"{' (failed: ' + failure + ')' if failure else ''} |")
    servers = [row[1] for row in lessons]
    peaks = [row[2] for row in lessons]
    cpus = [row[3] for row in lessons]
    both = max(row[1] + row[2] for row in lessons)
    trips_ms = [t * 1000 for t in rows["trips"]]
    starts = rows["server_starts"]
    lines += [
        "",
        "| what | measured |",
        "|---|---|",
        f"| a learner's server (JupyterLab), peak memory | "
        f"{max(servers):.0f} MB |",
        f"| the largest kernel (a whole lesson run) | {max(peaks):.0f} MB |",
        f"| one learner at most: server + kernel of one lesson | "
        f"{both:.0f} MB |",
        f"| the heaviest Run All | {max(cpus):.1f} CPU seconds |",
        f"| the course in a learner's home (nbgitpuller's clone) | "
        f"{rows['disk_mb']:.0f} MB |",
        f"| the hub's start-up (command to API answering) | "
        f"{rows['startup']:.1f} s |",
        f"| {n_learners} learners log in, start servers and pull, all at "
        f"once | {rows['all_arrived']:.1f} s (a server starts in "
        f"{statistics.median(starts):.1f} s median, "
        f"{max(starts):.1f} s at most) |",
        f"| memory held by {n_learners} learners, each with "
        f"{notebook.stem} run | {rows['held_mb']:.0f} MB "
        f"({rows['held_mb'] / n_learners:.0f} MB each) |",
        f"| slider round trip, {n_learners} learners moving sliders in "
        f"{notebook.stem} over the same minute ({len(trips_ms)} moves) | "
        f"median {statistics.median(trips_ms):.0f} ms, 90th percentile "
        f"{percentile(trips_ms, 0.9):.0f} ms, at most "
        f"{max(trips_ms):.0f} ms |",
        f"| CPU used meanwhile by all {n_learners} learners' servers and "
        f"kernels | {rows['busy_cores']:.2f} cores "
        f"({rows['busy_cores'] / n_learners:.3f} per learner) |",
    ]
    if rows["class_failures"] or any(p != "finished" for p in rows["pulls"]):
        lines.append(f"| failures | {rows['class_failures']}, pulls "
                     f"{set(rows['pulls'])} |")
    return "\n".join(lines) + "\n"


def round_up(value, step):
    return step * math.ceil(value / step)


def sizing(rows, n_learners):
    """The server for a class, derived from the measured table: The
    Littlest JupyterHub's rules (RAM = concurrent users x memory per user
    + 128 MB; CPU = concurrent users x CPU per user + 20% of a core) and
    Zero to JupyterHub's per-learner settings."""
    lessons = rows["lessons"]
    peak = max(row[1] + row[2] for row in lessons)  # one learner at most
    limit = round_up(1.3 * peak, 64)               # + 30% headroom
    guarantee = round_up(statistics.median(
        [row[1] + row[2] for row in lessons]), 64)
    run_all = max(row[3] for row in lessons)
    sliders = rows["busy_cores"] / n_learners       # cores per learner
    lines = [
        "",
        f"From it: one learner needs at most {peak:.0f} MB (their server "
        f"and kernel in the largest lesson); with 30% headroom (The "
        f"Littlest JupyterHub, TLJH, advises 20-40%), **{limit} MB per "
        f"learner**. "
        f"TLJH's rule is RAM = concurrent learners x {limit} MB + 128 MB, "
        f"and it suggests planning for 40-60% of a class at once; in a "
        f"lab session the whole class is there. Cores: learners moving "
        f"sliders used {sliders:.3f} of a core each; what costs is a Run "
        f"All, up to {run_all:.0f} CPU seconds, so for the whole group to "
        f"be able to press Run All in the same minute, plan "
        f"concurrent learners x {run_all:.0f} / 60 cores (+20% of a core "
        f"for the hub).",
        "",
        "| class | at once | RAM | cores |",
        "|---|---|---|---|",
    ]
    for size in (30, 100, 300):
        for share, label in ((0.6, "60% (TLJH's upper guide)"),
                             (1.0, "all (a lab session)")):
            at_once = math.ceil(share * size)
            ram = (at_once * limit + 128) / 1024
            cores = max(at_once * sliders, at_once * run_all / 60) + 0.2
            lines.append(f"| {size} | {at_once}, {label} | "
                         f"{math.ceil(ram)} GB | {math.ceil(cores)} |")
    lines += [
        "",
        "On Zero to JupyterHub the same numbers give each learner's pod "
        "(`config.yaml`):",
        "",
        "```yaml",
        "singleuser:",
        "  memory:",
        f"    guarantee: {guarantee}M   # server + kernel, the median lesson",
        f"    limit: {limit}M       # server + kernel, the largest, +30%",
        "  cpu:",
        f"    guarantee: {max(0.05, round(sliders, 2))}    # a learner "
        "moving sliders",
        "    limit: 1           # a kernel computes on one core "
        "(OPENBLAS_NUM_THREADS=1)",
        "cull:",
        "  enabled: true",
        "  timeout: 3600        # an hour with no activity (the chart's "
        "default)",
        "  every: 600",
        "```",
        "",
        f"Culling an idle learner gives back up to {peak:.0f} MB; their "
        "files stay, and they run the lesson again when they return.",
    ]
    return "\n".join(lines) + "\n"


def write_into_readme(text, readme):
    content = readme.read_text()
    if BEGIN not in content or END not in content:
        raise SystemExit(f"{readme} has no {BEGIN} ... {END} markers")
    head, rest = content.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(f"{head}{BEGIN}\n{text}{END}{tail}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--lesson", default="06",
                        help="the lesson the whole class runs at once")
    parser.add_argument("--moves", type=int, default=10,
                        help="slider moves per learner")
    parser.add_argument("--solo", nargs="*", metavar="NN",
                        help="the lessons one learner runs alone (all)")
    parser.add_argument("--out", help="write the table here, not README.md")
    args = parser.parse_args()
    if not classroom.hub_is_installed():
        raise SystemExit("no .venv-hub: run `make classroom`, which builds it")
    (notebook,) = [p for p in NOTEBOOKS if p.name.startswith(args.lesson)]
    workdir = Path(tempfile.mkdtemp(prefix="classroom-"))
    try:
        solo = [p for p in NOTEBOOKS if args.solo is None
                or any(p.name.startswith(n) for n in args.solo)]
        rows = measure(args.learners, notebook, args.moves, workdir, solo)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    text = (table(rows, args.learners, notebook, args.moves)
            + sizing(rows, args.learners))
    print(text)
    if args.out:
        Path(args.out).write_text(text)
    else:
        write_into_readme(text, ROOT / "README.md")


if __name__ == "__main__":
    main()

"""A second numeric configuration, to prove the lessons' printed numbers
do not hang on the last bits of a float.

Another CPU computes the same float expression with other instructions:
OpenBLAS picks a kernel for the processor it finds (SkylakeX, Haswell,
Zen, ...) and numpy picks a SIMD path (AVX-512, AVX2, ...) for its loops.
Sums are then added in another order and the last bits of a result
differ. A lesson whose stored output shows such bits passes `make test`
on the machine it was made on and fails on the next one.

Any x86-64 machine can imitate another: `OPENBLAS_CORETYPE=Sandybridge`
makes OpenBLAS use its Sandy Bridge kernels (AVX, no FMA), and
`NPY_DISABLE_CPU_FEATURES` turns off every SIMD feature numpy dispatches
to above its baseline. Both are read when the libraries load, so they
must be set in the environment of a fresh process (a new kernel).

    python tests/numerics.py notebooks/10-support-vector-machines.ipynb

executes each notebook under that configuration and lists every text
output that differs from the stored one (nothing is written).
"""
import os
import platform
import subprocess
import sys


def _dispatched_features():
    """numpy's SIMD features above its baseline that this CPU has."""
    code = ("from numpy._core._multiarray_umath import __cpu_features__ "
            "as found, __cpu_dispatch__ as dispatch\n"
            "print(' '.join(f for f in dispatch if found.get(f)))")
    env = {k: v for k, v in os.environ.items()
           if k != "NPY_DISABLE_CPU_FEATURES"}
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True,
                         capture_output=True, text=True)
    return out.stdout.split()


def second_configuration():
    """(environment for a kernel, None), or (None, why it cannot run here).

    The environment is this process's own, plus the two variables.
    """
    machine = platform.machine().lower()
    if machine not in ("x86_64", "amd64"):
        return None, (f"the second numeric configuration needs an x86-64 "
                      f"CPU (OpenBLAS's Sandybridge kernels), this is "
                      f"{platform.machine()}")
    env = dict(os.environ)
    env["OPENBLAS_CORETYPE"] = "Sandybridge"
    features = _dispatched_features()
    if features:
        env["NPY_DISABLE_CPU_FEATURES"] = " ".join(features)
    else:
        env.pop("NPY_DISABLE_CPU_FEATURES", None)
    return env, None


def describe(env):
    """The configuration in one line, for test reports."""
    return (f"OPENBLAS_CORETYPE={env['OPENBLAS_CORETYPE']} "
            f"NPY_DISABLE_CPU_FEATURES="
            f"{env.get('NPY_DISABLE_CPU_FEATURES', '(none above baseline)')}")


def main(paths):
    import nbformat

    from execute import NOTEBOOKS, execute
    from test_lesson_runs import differences

    env, why = second_configuration()
    if env is None:
        print(why)
        return 0
    print(describe(env))
    failed = 0
    for name in paths or NOTEBOOKS:
        stored = nbformat.read(name, as_version=4)
        try:
            found = differences(stored, execute(name, env=env))
        except Exception as error:             # a cell failed: show it
            found = [f"{type(error).__name__}: {error}"]
        failed += bool(found)
        print(f"{name}: {'same text' if not found else ''}")
        for line in found:
            print("  " + line.replace("\n", "\n  "))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    sys.exit(main(sys.argv[1:]))

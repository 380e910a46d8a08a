"""pytest set-up shared by the unit tests and nbval's runs of the notebooks.

The notebooks' kernels inherit this process's environment. They must draw
inline, as in JupyterLab: a backend forced from outside (MPLBACKEND=Agg)
would swallow every figure and fail nbval's comparison, and more than one
BLAS thread could change the last digits of printed floats.
"""
import os

os.environ.pop("MPLBACKEND", None)
for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(name, "1")


# `make test` gives whole modules (and classes) to its two workers in the
# order collected (pytest-xdist's --dist loadscope --no-loadscope-reorder).
# The longest go first, so that neither worker is handed one of them when
# the other has nothing left: measured on 2 cores, the browser test takes
# about 4-5 minutes, the lesson runs and each half of the student edition
# 2-3, the hub, nbgrader and site tests about a minute or less each.
LONGEST_FIRST = ["tests/test_browser.py", "tests/test_lesson_runs.py",
                 "tests/test_student.py", "tests/test_hub.py",
                 "tests/test_nbgrader.py", "tests/test_site.py",
                 "tests/test_play.py"]


def pytest_collection_modifyitems(items):
    def rank(item):
        module = item.nodeid.split("::")[0]
        return (LONGEST_FIRST.index(module) if module in LONGEST_FIRST
                else len(LONGEST_FIRST))
    items.sort(key=rank)             # stable: the rest keep their order

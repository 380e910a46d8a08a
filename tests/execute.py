"""Run notebooks on a fresh kernel, as the tests, `make bench` and the
authors of lessons need.

    python tests/execute.py notebooks/01-perceptron.ipynb [...]

re-executes each notebook top to bottom and stores its outputs in place
(what nbval later compares against). Imported, `execute(path, extra=...)`
returns the executed notebook without writing it, after running the extra
code cells in the same kernel.
"""
import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))

# The same single-threaded BLAS for every run, so floats are identical.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
# The kernels must draw inline, as in JupyterLab: a backend forced from
# outside (MPLBACKEND=Agg) would swallow every figure.
os.environ.pop("MPLBACKEND", None)


def execute(path, extra=(), timeout=300, env=None):
    """Execute the notebook at `path` on a fresh kernel; return it.

    `extra` is a sequence of code strings appended as cells and run after
    the lesson, in the same kernel (the slider tests use this). `env`, if
    given, is the kernel's whole environment (tests/numerics.py makes one
    for a second numeric configuration). The file on disk is not changed.
    """
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    for code in extra:
        nb.cells.append(nbformat.v4.new_code_cell(code))
    # coalesce_streams: one print may reach us as several stream messages;
    # merging them stores the same outputs however the kernel split them
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            coalesce_streams=True,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute(**({} if env is None else {"env": env}))
    return nb


def main(paths):
    for name in paths:
        path = Path(name)
        nb = execute(path)
        for cell in nb.cells:
            cell.metadata.pop("execution", None)
        nbformat.write(nb, path)
        print(f"executed and stored: {path}")


if __name__ == "__main__":
    main(sys.argv[1:] or NOTEBOOKS)

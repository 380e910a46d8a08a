"""Load the code of a lesson's model, for tests and benchmarks that must
use exactly what the learner reads.

A lesson tags the cells that define its final model (class and the
functions it calls) with the cell tag ``model``. `load_model(notebook)`
executes those cells, and only those, in a fresh namespace and returns it:
no figures, no training, no sliders.
"""
from pathlib import Path

import nbformat

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"


def model_source(notebook):
    """The source of the cells tagged `model`, joined in notebook order."""
    path = NOTEBOOK_DIR / notebook
    nb = nbformat.read(path, as_version=4)
    cells = [cell.source for cell in nb.cells
             if cell.cell_type == "code"
             and "model" in cell.metadata.get("tags", [])]
    if not cells:
        raise LookupError(f"{path.name} has no code cell tagged 'model'")
    return "\n\n".join(cells)


def load_model(notebook):
    """Execute the `model` cells of `notebook`; return their namespace."""
    namespace = {"__name__": f"lesson_{Path(notebook).stem}"}
    exec(compile(model_source(notebook), notebook, "exec"), namespace)
    return namespace

"""Load the code of a lesson's model, for tests and benchmarks that must
use exactly what the learner reads.

A lesson tags the cells that define its final model (class and the
functions it calls) with the cell tag ``model``; the cells of an optional
"Going further: making it fast" section that define a faster variant are
tagged ``fast``. `load_model(notebook)` executes the cells with the tags
asked for (``model`` alone by default), and only those, in a fresh module
and returns its namespace: no figures, no training, no sliders. The module
is registered in `sys.modules` (and loaded once while its source stays the
same), so the lesson's classes pickle and clone the way scikit-learn's
estimator checks expect.
"""
import sys
import types
from pathlib import Path

import nbformat

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"


def model_source(notebook, tags=("model",)):
    """The source of the code cells carrying any of `tags`, joined in
    notebook order."""
    path = NOTEBOOK_DIR / notebook
    nb = nbformat.read(path, as_version=4)
    cells = [cell.source for cell in nb.cells
             if cell.cell_type == "code"
             and set(tags) & set(cell.metadata.get("tags", []))]
    for tag in tags:
        if not any(tag in cell.metadata.get("tags", [])
                   for cell in nb.cells if cell.cell_type == "code"):
            raise LookupError(f"{path.name} has no code cell tagged {tag!r}")
    return "\n\n".join(cells)


def load_model(notebook, tags=("model",)):
    """Execute the cells of `notebook` tagged with any of `tags` in a fresh
    module; return its namespace."""
    name = "lesson_" + Path(notebook).stem.replace("-", "_")
    if tuple(tags) != ("model",):
        name += "_" + "_".join(tags)
    source = model_source(notebook, tags)
    module = sys.modules.get(name)
    if module is not None and getattr(module, "__source__", None) == source:
        return module.__dict__     # one class per name, or pickle fails
    module = types.ModuleType(name)
    module.__source__ = source
    sys.modules[name] = module
    exec(compile(source, notebook, "exec"), module.__dict__)
    return module.__dict__

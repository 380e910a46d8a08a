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


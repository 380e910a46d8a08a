"""Plots the lessons share: two classes in the plane, a separating line,
decision regions and loss curves.

Each function draws on `ax` (the current axes when None) and returns the
artist it made, so a slider can later update that artist in place instead
of drawing a new figure. It is not a plotting library: each function does
one picture the lessons need.
"""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D

from helpers import validation

CLASS_COLORS = ("#1f77b4", "#d62728")     # blue for 0, red for 1
CLASS_MARKERS = ("o", "^")
REGION_CMAP = "RdBu_r"                     # blue (0) through white to red (1)


def _axes(ax, where):
    """`ax`, or the current axes when it is None."""
    if ax is None:
        return plt.gca()
    if not isinstance(ax, Axes):
        raise TypeError(f"{where}: ax must be matplotlib Axes (or None for "
                        f"the current axes), got {type(ax).__name__}")
    return ax


def _two_labels(labels, where):
    """The legend's names of class 0 and class 1."""
    if isinstance(labels, str) or not (
            isinstance(labels, (list, tuple)) and len(labels) == 2):
        raise TypeError(f"{where}: labels must be two names, such as "
                        f"('class 0', 'class 1'), got {labels!r}")
    return labels


def scatter_classes(X, y, ax=None, labels=("class 0", "class 1"), size=70):
    """Scatter 2-D points, one colour and marker per class (0 and 1).

    Introduced in 01-perceptron.ipynb.

    X : array of shape (N, 2); y : array of shape (N,) of 0s and 1s.
    Returns the axes.
    """
    where = "scatter_classes"
    X = validation.as_matrix(X, "X", 2, where)
    y = validation.as_binary_labels(y, "y", len(X), where)
    ax = _axes(ax, where)
    labels = _two_labels(labels, where)
    size = validation.as_positive(size, "size", where)
    for label in (0, 1):
        mask = y == label
        ax.scatter(X[mask, 0], X[mask, 1], s=size, c=CLASS_COLORS[label],
                   marker=CLASS_MARKERS[label], edgecolors="black",
                   linewidths=0.6, label=labels[label], zorder=3)
    return ax


def line_points(w, b, xlim, ylim):
    """Two points on the line w[0]*x1 + w[1]*x2 + b = 0 inside the view.

    Returns (xs, ys), each of length 2; a vertical line when w[1] is 0 and
    an empty line when both weights are 0 (no boundary exists).
    """
    where = "line_points"
    w = validation.as_vector(w, "w", 2, where)
    b = validation.as_number(b, "b", where)
    validation.as_vector(xlim, "xlim", 2, where)     # two finite numbers
    validation.as_vector(ylim, "ylim", 2, where)
    (x_lo, x_hi), (y_lo, y_hi) = xlim, ylim
    if abs(w[1]) > 1e-12 * max(1.0, abs(w[0])):
        xs = np.array([x_lo, x_hi])
        return xs, -(w[0] * xs + b) / w[1]
    if abs(w[0]) > 0:
        x = -b / w[0]
        return np.array([x, x]), np.array([y_lo, y_hi])
    return np.array([]), np.array([])


def decision_line(w, b, ax=None, **style):
    """Draw the boundary w[0]*x1 + w[1]*x2 + b = 0 across the axes.

    Introduced in 01-perceptron.ipynb. Fix the axes limits before calling;
    update the returned Line2D later with `move_line(line, w, b)`.
    """
    ax = _axes(ax, "decision_line")
    w = validation.as_vector(w, "w", 2, "decision_line")
    b = validation.as_number(b, "b", "decision_line")
    style = {"color": "black", "linewidth": 2, **style}
    line, = ax.plot([], [], **style)
    move_line(line, w, b)
    return line


def move_line(line, w, b):
    """Move a line made by `decision_line` to the boundary of (w, b)."""
    if not isinstance(line, Line2D) or line.axes is None:
        raise TypeError(f"move_line: line must be the Line2D that "
                        f"decision_line returned, got "
                        f"{'None' if line is None else type(line).__name__}")
    w = validation.as_vector(w, "w", 2, "move_line")
    b = validation.as_number(b, "b", "move_line")
    ax = line.axes
    xs, ys = line_points(w, b, ax.get_xlim(), ax.get_ylim())
    line.set_data(xs, ys)
    return line


def region_grid(X, resolution=200, pad=0.5):
    """A square grid of points covering the 2-D data X with a margin.

    Returns (points of shape (resolution**2, 2), extent (x0, x1, y0, y1)).
    """
    X = validation.as_matrix(X, "X", 2, "region_grid")
    resolution = validation.as_positive(resolution, "resolution",
                                        "region_grid", integer=True)
    pad = validation.as_positive(pad, "pad", "region_grid", allow_zero=True)
    lo, hi = X.min(axis=0) - pad, X.max(axis=0) + pad
    xs = np.linspace(lo[0], hi[0], resolution)
    ys = np.linspace(lo[1], hi[1], resolution)
    xx, yy = np.meshgrid(xs, ys)
    points = np.column_stack([xx.ravel(), yy.ravel()])
    return points, (lo[0], hi[0], lo[1], hi[1])


def _grid_values(predict, points, resolution, where):
    """predict(points) as a (resolution, resolution) picture; True and
    False (a class) are 1 and 0."""
    values = predict(points)
    if isinstance(values, np.ndarray) and values.dtype == bool:
        values = values.astype(float)
    values = validation.as_numbers(values, "the values of predict", where)
    values = np.asarray(values, dtype=float).reshape(-1)
    if values.size != points.shape[0]:
        raise ValueError(
            f"{where}: predict must return one value per point, "
            f"got {values.size} values for {points.shape[0]} points")
    return values.reshape(resolution, resolution)


def decision_regions(predict, X, y=None, ax=None, resolution=200, pad=0.5,
                     labels=("class 0", "class 1")):
    """Shade the plane by `predict` (values in [0, 1]) and scatter the data.

    Introduced in 02-two-layer-xor.ipynb.

    predict : function from points (M, 2) to M values in [0, 1]: a
        probability (shades) or a class label (two colours)
    X : array (N, 2); y : array (N,) of 0/1, or None for no points.
    Returns the AxesImage; update it with `redraw_regions(image, predict)`.
    """
    where = "decision_regions"
    validation.as_function(predict, "predict", where,
                           takes="points of shape (M, 2)")
    ax = _axes(ax, where)
    X = validation.as_matrix(X, "X", 2, where)
    resolution = validation.as_positive(resolution, "resolution", where,
                                        integer=True)
    pad = validation.as_positive(pad, "pad", where, allow_zero=True)
    if y is not None:                 # checked before anything is drawn
        y = validation.as_binary_labels(y, "y", len(X), where)
        labels = _two_labels(labels, where)
    points, extent = region_grid(X, resolution, pad)
    image = ax.imshow(_grid_values(predict, points, resolution, where),
                      origin="lower", extent=extent, cmap=REGION_CMAP,
                      vmin=0, vmax=1, alpha=0.45, aspect="auto",
                      interpolation="nearest", zorder=1)
    image.grid_points = points
    if y is not None:
        scatter_classes(X, y, ax, labels=labels)
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    return image


def redraw_regions(image, predict):
    """Recolour an image made by `decision_regions` for a new `predict`."""
    where = "redraw_regions"
    if not (isinstance(image, AxesImage) and hasattr(image, "grid_points")):
        raise TypeError(f"{where}: image must be the AxesImage that "
                        f"decision_regions returned, got "
                        f"{'None' if image is None else type(image).__name__}")
    validation.as_function(predict, "predict", where,
                           takes="points of shape (M, 2)")
    resolution = image.get_array().shape[0]
    image.set_data(_grid_values(predict, image.grid_points, resolution,
                                where))
    return image


def loss_curve(losses, ax=None, label=None, log=False, **style):
    """Plot a loss per epoch; returns the Line2D (update with set_data).

    Introduced in 02-two-layer-xor.ipynb.
    """
    losses = validation.as_vector(losses, "losses", where="loss_curve")
    ax = _axes(ax, "loss_curve")
    if not isinstance(log, (bool, np.bool_)):
        raise TypeError(f"loss_curve: log must be True or False, "
                        f"got {log!r}")
    line, = ax.plot(np.arange(1, len(losses) + 1), losses, label=label,
                    **style)
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss")
    if log:
        ax.set_yscale("log")
    return line

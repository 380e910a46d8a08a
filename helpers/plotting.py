"""Plots the lessons share: two classes in the plane, a separating line,
decision regions and loss curves.

Each function draws on `ax` (the current axes when None) and returns the
artist it made, so a slider can later update that artist in place instead
of drawing a new figure. It is not a plotting library: each function does
one picture the lessons need.
"""
import matplotlib.pyplot as plt
import numpy as np

from helpers import validation

CLASS_COLORS = ("#1f77b4", "#d62728")     # blue for 0, red for 1
CLASS_MARKERS = ("o", "^")
REGION_CMAP = "RdBu_r"                     # blue (0) through white to red (1)


def scatter_classes(X, y, ax=None, labels=("class 0", "class 1"), size=70):
    """Scatter 2-D points, one colour and marker per class (0 and 1).

    Introduced in 01-perceptron.ipynb.

    X : array of shape (N, 2); y : array of shape (N,) of 0s and 1s.
    Returns the axes.
    """
    X = validation.as_matrix(X, "X", 2, "scatter_classes")
    y = validation.as_binary_labels(y, "y", len(X), "scatter_classes")
    ax = ax or plt.gca()
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
    w = validation.as_vector(w, "w", 2, "line_points")
    b = float(b)
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
    ax = ax or plt.gca()
    style = {"color": "black", "linewidth": 2, **style}
    line, = ax.plot([], [], **style)
    move_line(line, w, b)
    return line


def move_line(line, w, b):
    """Move a line made by `decision_line` to the boundary of (w, b)."""
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
    lo, hi = X.min(axis=0) - pad, X.max(axis=0) + pad
    xs = np.linspace(lo[0], hi[0], resolution)
    ys = np.linspace(lo[1], hi[1], resolution)
    xx, yy = np.meshgrid(xs, ys)
    points = np.column_stack([xx.ravel(), yy.ravel()])
    return points, (lo[0], hi[0], lo[1], hi[1])


def _grid_values(predict, points, resolution):
    values = np.asarray(predict(points), dtype=float).reshape(-1)
    if values.size != points.shape[0]:
        raise ValueError(
            f"decision_regions: predict must return one value per point, "
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
    ax = ax or plt.gca()
    points, extent = region_grid(X, resolution, pad)
    image = ax.imshow(_grid_values(predict, points, resolution),
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
    resolution = image.get_array().shape[0]
    image.set_data(_grid_values(predict, image.grid_points, resolution))
    return image


def loss_curve(losses, ax=None, label=None, log=False, **style):
    """Plot a loss per epoch; returns the Line2D (update with set_data).

    Introduced in 02-two-layer-xor.ipynb.
    """
    losses = validation.as_vector(losses, "losses", where="loss_curve")
    ax = ax or plt.gca()
    line, = ax.plot(np.arange(1, len(losses) + 1), losses, label=label,
                    **style)
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss")
    if log:
        ax.set_yscale("log")
    return line

"""The Playground: a small network learning a 2-D dataset, live.

What it is for: watching the lesson's own `MLP` learn, epoch by epoch, the
way playground.tensorflow.org shows it: five 2-D datasets (circles, XOR,
two Gaussians, a spiral, moons) with noise and a train/test split; a
network of 0 to 4 hidden layers of 1 to 8 units; the learning rate, batch
size and L2 strength; and, as it trains, the probability over the plane
with the train and test points, the train and test loss per epoch, and
a small picture of what every hidden unit computes over the plane.

What it is not: a model. The network is the lesson's `MLP` class, passed
in; each epoch is its own `_epoch` (the second half of its `fit`), so the
Playground trains the very model the lesson teaches. Nor is it a general
dashboard: one figure, the sliders of `helpers.widgets.Explorer`.

Introduced in 15-deep-networks.ipynb.
"""
import ipywidgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from helpers import validation, widgets

DATASETS = ("circles", "XOR", "two Gaussians", "spiral", "moons")
ACTIVATIONS = {"ReLU": "relu", "tanh": "tanh", "sigmoid": "sigmoid",
               "linear": "linear"}
MAX_LAYERS, MAX_UNITS = 4, 8
# the sliders that define the problem: a move starts again at epoch 0
RESTART = ("dataset", "noise", "train_percent", "layers", "units",
           "activation")
N_POINTS = 200                       # train + test
SPAN = 50                            # epochs on the loss axis at first
BOX = 1.3                            # the plane shown: [-BOX, BOX]^2
ORANGE, BLUE = "#f59322", "#0877bd"  # class 0, class 1 (the Playground's)
CMAP = LinearSegmentedColormap.from_list("playground",
                                         [ORANGE, "#f7f7f7", BLUE])
# the output's background: paler, so that the points stand out on it
PALE = LinearSegmentedColormap.from_list("playground_pale",
                                         ["#f9c48f", "#f7f7f7", "#8cc0e4"])


# -- the datasets: X (n, 2) roughly inside [-1, 1]^2, y (n,) in {0, 1} --

def _circles(n, rng):
    # class 1 inside radius 0.45, class 0 on a ring from 0.65 to 1
    inner = n // 2
    r = np.concatenate([rng.uniform(0, 0.45, inner),
                        rng.uniform(0.65, 1.0, n - inner)])
    angle = rng.uniform(0, 2 * np.pi, n)
    y = np.r_[np.ones(inner), np.zeros(n - inner)]
    return np.column_stack([r * np.cos(angle), r * np.sin(angle)]), y


def _xor(n, rng):
    # class 1 where x1 and x2 have the same sign; a gap along the axes
    X = rng.uniform(0.05, 1.0, (n, 2)) * rng.choice([-1.0, 1.0], (n, 2))
    return X, (X[:, 0] * X[:, 1] > 0).astype(float)


def _gaussians(n, rng):
    # two round clouds, centred at (0.5, 0.5) and (-0.5, -0.5)
    y = np.r_[np.ones(n // 2), np.zeros(n - n // 2)]
    centres = np.where(y[:, None] == 1, 0.5, -0.5)
    return centres + rng.normal(0, 0.2, (n, 2)), y


def _spiral(n, rng):
    # two arms winding 1.25 turns out from the centre, half a turn apart
    # (arms 0.38 apart: the default noise 0.1 blurs them, does not hide them)
    y = np.r_[np.ones(n // 2), np.zeros(n - n // 2)]
    t = np.r_[np.linspace(0, 1, n // 2), np.linspace(0, 1, n - n // 2)]
    angle = 1.25 * 2 * np.pi * t + np.pi * y
    r = 0.05 + 0.95 * t
    return np.column_stack([r * np.sin(angle), r * np.cos(angle)]), y


def _moons(n, rng):
    # two interleaved half circles (as sklearn's make_moons), rescaled
    y = np.r_[np.ones(n // 2), np.zeros(n - n // 2)]
    t = rng.uniform(0, np.pi, n)
    x1 = np.where(y == 0, np.cos(t), 1 - np.cos(t))
    x2 = np.where(y == 0, np.sin(t), 0.5 - np.sin(t))
    return np.column_stack([(x1 - 0.5) / 1.5, (x2 - 0.25) / 1.5]), y


_MAKERS = dict(zip(DATASETS, (_circles, _xor, _gaussians, _spiral,
                              _moons)))


def make_dataset(name, n=N_POINTS, noise=0.0, rng=None):
    """X (n, 2) and y (n,) ints in {0, 1} for the dataset `name` (one of
    DATASETS), with normal noise of standard deviation `noise` added to
    each coordinate, shuffled; `rng` a numpy Generator (or a seed)."""
    where = "make_dataset"
    if name not in _MAKERS:
        raise ValueError(f"{where}: name must be one of {list(DATASETS)}, "
                         f"got {name!r}")
    n = validation.as_positive(n, "n", where, integer=True)
    if n < 2:
        raise ValueError(f"{where}: n must be at least 2 (one point per "
                         f"class), got {n}")
    noise = validation.as_positive(noise, "noise", where, allow_zero=True)
    rng = np.random.default_rng(rng)
    X, y = _MAKERS[name](n, rng)
    X = X + rng.normal(0, noise, X.shape) if noise > 0 else X
    order = rng.permutation(n)
    return X[order], y[order].astype(int)


def split(X, y, train_fraction):
    """The first round(train_fraction * n) rows to train on, the rest to
    test (X is shuffled already): X_train, y_train, X_test, y_test. Each
    side keeps at least one point of each class."""
    where = "split"
    X = validation.as_matrix(X, "X", 2, where)
    y = validation.as_binary_labels(y, "y", len(X), where).astype(int)
    fraction = validation.as_number(train_fraction, "train_fraction", where)
    if not 0 < fraction < 1:
        raise ValueError(f"{where}: train_fraction must be between 0 and "
                         f"1, got {train_fraction!r}")
    n_train = int(round(fraction * len(X)))
    for side in (y[:n_train], y[n_train:]):
        if len(np.unique(side)) < 2:
            raise ValueError(f"{where}: a train fraction of {fraction:g} "
                             f"leaves one side with a single class; move "
                             f"it towards 0.5")
    return X[:n_train], y[:n_train], X[n_train:], y[n_train:]


def log_loss(P, y):
    """Mean cross-entropy of the probabilities P (n, 2) for labels y."""
    P = validation.as_matrix(P, "P", 2, "log_loss")
    y = validation.as_binary_labels(y, "y", len(P), "log_loss").astype(int)
    p = np.clip(P[np.arange(len(y)), y], 1e-12, 1.0)
    return float(-np.mean(np.log(p)))


# -- the figure and its trainer ------------------------------------------

def _colours(y):
    return [BLUE if label == 1 else ORANGE for label in y]


def figure():
    """The Playground's figure: a grid of MAX_UNITS x MAX_LAYERS small axes
    (one column per hidden layer, one per unit), the output's probability
    over the plane, and the loss curves. Returns fig and a dict of axes."""
    fig = Figure(figsize=(9.8, 4.3))         # not pyplot's: no static copy
    FigureCanvasAgg(fig)
    grid = fig.add_gridspec(MAX_UNITS, MAX_LAYERS + 3,
                            width_ratios=[1] * MAX_LAYERS + [0.35, 6.4, 5.2],
                            left=0.02, right=0.985, top=0.9, bottom=0.12,
                            wspace=0.12, hspace=0.12)
    units = [[fig.add_subplot(grid[row, col]) for row in range(MAX_UNITS)]
             for col in range(MAX_LAYERS)]
    output = fig.add_subplot(grid[:, MAX_LAYERS + 1])
    loss = fig.add_subplot(grid[1:-1, MAX_LAYERS + 2])
    pos = loss.get_position()            # leave room for the labels
    loss.set_position([pos.x0 + 0.05, pos.y0, pos.width - 0.05,
                       pos.height])
    return fig, {"units": units, "output": output, "loss": loss}


class PlaygroundTrainer:
    """Trains the lesson's MLP on a 2-D dataset, `step(k)` epochs at a
    time, and draws it: the trainer of a `widgets.Explorer`.

    MLP : the lesson's class (its `_start` and `_epoch` are `fit` in two
        halves: the initial weights, then one epoch); He's initialisation
        for ReLU, Xavier's for the other activations
    fig, axes : from `figure()`
    seed : the data's and the network's random seed
    """

    def __init__(self, MLP, fig, axes, seed=0, resolution=50,
                 unit_resolution=24):
        self.MLP, self.fig, self.axes, self.seed = MLP, fig, axes, seed
        self.model = None
        ticks = np.linspace(-BOX, BOX, resolution)
        g1, g2 = np.meshgrid(ticks, ticks)
        self.grid = np.column_stack([g1.ravel(), g2.ravel()])
        ticks = np.linspace(-BOX, BOX, unit_resolution)
        u1, u2 = np.meshgrid(ticks, ticks)
        self.unit_grid = np.column_stack([u1.ravel(), u2.ravel()])
        self.resolution, self.unit_resolution = resolution, unit_resolution
        self._build()

    def _build(self):
        # the artists, made once; reset and draw only change them
        extent = (-BOX, BOX, -BOX, BOX)
        out = self.axes["output"]
        self.image = out.imshow(np.full((self.resolution,) * 2, 0.5),
                                origin="lower", extent=extent, cmap=PALE,
                                vmin=0, vmax=1, interpolation="bilinear")
        self.train_points = out.scatter([], [], s=22, edgecolors="white",
                                        linewidths=0.8)
        self.test_points = out.scatter([], [], s=22, edgecolors="black",
                                       linewidths=0.8)
        out.set(xlim=(-BOX, BOX), ylim=(-BOX, BOX), xticks=[-1, 0, 1],
                yticks=[-1, 0, 1])
        out.set_xlabel("$x_1$", labelpad=1)
        out.set_ylabel("$x_2$", labelpad=0)
        out.tick_params(labelsize=8)
        # A unit's picture and its frame are artists inside its axes, so
        # showing a network of another shape only hides or shows them: no
        # axes appears or vanishes, and the figure is not drawn afresh.
        self.unit_images, self.unit_frames = [], []
        for col, column in enumerate(self.axes["units"]):
            images, frames = [], []
            for ax in column:
                images.append(ax.imshow(
                    np.zeros((self.unit_resolution,) * 2), origin="lower",
                    extent=extent, cmap=CMAP, vmin=-1, vmax=1,
                    interpolation="bilinear"))
                frames.append(ax.add_patch(Rectangle(
                    (0, 0), 1, 1, transform=ax.transAxes, fill=False,
                    edgecolor="0.5", linewidth=0.8, clip_on=False)))
                ax.set(xticks=[], yticks=[])     # no ticks to work out
                ax.set_axis_off()
            column[0].set_title(f"layer {col + 1}", fontsize=8)
            self.unit_images.append(images)
            self.unit_frames.append(frames)
        loss = self.axes["loss"]
        self.train_line, = loss.plot([], [], color="black", label="train")
        self.test_line, = loss.plot([], [], color="tab:red",
                                    linestyle="--", label="test")
        # The epoch axis grows as the run goes on (50, 100, 200, ...
        # epochs). Its limits stay 0..1 and the curves are drawn at
        # epoch / span, with the tick labels as texts inside the picture:
        # a longer run relabels the axis, and the figure is not drawn
        # afresh (a frame that changed the limits would take three times
        # as long).
        ticks = np.linspace(0, 1, 3)
        loss.set(xlim=(0, 1), ylim=(0, 1.0), xticks=ticks,
                 xticklabels=[])
        self.epoch_labels = [
            loss.text(t, -0.03, "", transform=loss.get_xaxis_transform(),
                      ha="center", va="top", fontsize=8) for t in ticks]
        self.span = SPAN
        loss.set_xlabel("epoch", fontsize=9, labelpad=12)
        loss.set_ylabel("loss (cross-entropy)", fontsize=9)
        loss.tick_params(labelsize=8)

    def reset(self, dataset, noise, train_percent, layers, units,
              activation, lr, batch_size, alpha):
        """Epoch 0: new data, a new network (the sliders' values)."""
        X, y = make_dataset(dataset, N_POINTS, noise,
                            np.random.default_rng(self.seed))
        self.X_train, self.y_train, self.X_test, self.y_test = split(
            X, y, train_percent / 100)
        activation = ACTIVATIONS.get(activation, activation)
        self.model = self.MLP(hidden_layer_sizes=(units,) * layers,
                              activation=activation, alpha=alpha, lr=lr,
                              batch_size=batch_size, num_epochs=1,
                              init="he" if activation == "relu" else "xavier",
                              random_state=self.seed)
        self._X, self._codes = self.model._start(self.X_train, self.y_train)
        self.train_losses, self.test_losses = [], []
        self._record()
        self.train_points.set_offsets(self.X_train)
        self.train_points.set_facecolors(_colours(self.y_train))
        self.test_points.set_offsets(self.X_test)
        self.test_points.set_facecolors(_colours(self.y_test))
        for col, (images, frames) in enumerate(zip(self.unit_images,
                                                   self.unit_frames)):
            images[0].axes.set_title(f"layer {col + 1}" if col < layers
                                     else "", fontsize=8)
            for row, (image, frame) in enumerate(zip(images, frames)):
                image.set_visible(col < layers and row < units)
                frame.set_visible(col < layers and row < units)
        self.span = SPAN

    def tune(self, lr, batch_size, alpha, **_):
        """A new learning rate, batch size or L2 strength: the run goes
        on with it."""
        self.model.set_params(lr=lr, batch_size=batch_size, alpha=alpha)

    @property
    def epoch(self):
        return len(self.train_losses) - 1

    def _record(self):
        # the train and test loss of the network as it is now
        P_train = self.model.predict_proba(self.X_train)
        P_test = self.model.predict_proba(self.X_test)
        self.train_losses.append(log_loss(P_train, self.y_train))
        self.test_losses.append(log_loss(P_test, self.y_test))

    def step(self, k):
        """k epochs of the MLP's own mini-batch gradient descent."""
        for _ in range(k):
            self.model._epoch(self._X, self._codes)
            self._record()

    def draw(self):
        """The picture of the network now; returns a line of text."""
        model, epoch = self.model, self.epoch
        P = model.predict_proba(self.grid)[:, 1]
        self.image.set_data(P.reshape(self.resolution, self.resolution))
        shape = (self.unit_resolution, self.unit_resolution)
        for images, A in zip(self.unit_images,
                             model.hidden_outputs(self.unit_grid)):
            for j in range(A.shape[1]):
                top = max(np.abs(A[:, j]).max(), 1e-12)
                images[j].set_data(A[:, j].reshape(shape) / top)
        epochs = np.arange(epoch + 1)
        while epoch > self.span:
            self.span *= 2
        self.train_line.set_data(epochs / self.span, self.train_losses)
        self.test_line.set_data(epochs / self.span, self.test_losses)
        for label, t in zip(self.epoch_labels, np.linspace(0, 1, 3)):
            label.set_text(f"{t * self.span:g}")
        loss = self.axes["loss"]
        train, test = self.train_losses[-1], self.test_losses[-1]
        self.axes["output"].set_title(
            f"P(blue) at epoch {epoch}; points: train white-edged, test "
            f"black-edged", fontsize=9)
        loss.set_title(f"loss: train {train:.3f} (black), test {test:.3f} "
                       f"(red)\nlr {model.lr:g}, batch {model.batch_size}, "
                       f"L2 {model.alpha:g}", fontsize=9)
        sizes = model.layer_sizes_[1:-1]
        return (f"epoch {epoch}: network 2 -> "
                f"{' -> '.join(map(str, sizes)) or '(no hidden layer)'}"
                f" -> 2 ({model.activation}); train loss {train:.3f}, "
                f"test loss {test:.3f}")


def sliders():
    """The Playground's sliders, by name (the names `reset` takes)."""
    return {
        "dataset": ipywidgets.Dropdown(options=DATASETS, value="circles",
                                       description="data"),
        "noise": ipywidgets.FloatSlider(value=0.1, min=0.0, max=0.5,
                                        step=0.05, description="noise"),
        "train_percent": ipywidgets.IntSlider(
            value=50, min=10, max=90, step=10,
            description="% to train on"),
        "layers": ipywidgets.IntSlider(value=2, min=0, max=MAX_LAYERS,
                                       description="hidden layers"),
        "units": ipywidgets.IntSlider(value=4, min=1, max=MAX_UNITS,
                                      description="units per layer"),
        "activation": ipywidgets.Dropdown(options=list(ACTIVATIONS),
                                          value="tanh",
                                          description="activation"),
        "lr": ipywidgets.SelectionSlider(
            options=[0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0],
            value=0.1, description="learning rate"),
        "batch_size": ipywidgets.SelectionSlider(
            options=[10, 20, 50, 100], value=10, description="batch size"),
        "alpha": ipywidgets.SelectionSlider(
            options=[0.0, 0.001, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0],
            value=0.0, description="L2 (alpha)"),
    }


def explorer(MLP, seed=0, per_frame=5):
    """The Playground as a `widgets.Explorer` over the lesson's `MLP`, as
    the lesson's cell wires it: Play trains `per_frame` epochs a frame;
    the RESTART sliders start again at epoch 0, the learning rate, batch
    size and L2 strength act on the running network."""
    fig, axes = figure()
    trainer = PlaygroundTrainer(MLP, fig, axes, seed=seed)
    return widgets.Explorer(fig, None, sliders(), trainer=trainer,
                            restart=RESTART, counter="epoch",
                            per_frame=per_frame)

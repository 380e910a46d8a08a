import contextlib
import io
import json

import ipywidgets
import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers import checks, plotting, widgets

matplotlib.use("Agg")

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y = np.array([0, 1, 1, 0])


@pytest.fixture
def ax():
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)


def test_scatter_classes_draws_one_collection_per_class(ax):
    plotting.scatter_classes(X, y, ax, labels=("no", "yes"))
    sizes = [len(c.get_offsets()) for c in ax.collections]
    assert sizes == [2, 2]
    assert [t.get_text() for t in ax.legend().get_texts()] == ["no", "yes"]


def test_scatter_classes_bad_input(ax):
    with pytest.raises(ValueError, match=r"scatter_classes: X must have "
                                         r"shape \(n_samples, 2\), got \(4, 3\)"):
        plotting.scatter_classes(np.zeros((4, 3)), y, ax)
    with pytest.raises(ValueError, match=r"y must have shape \(4,\)"):
        plotting.scatter_classes(X, y[:3], ax)
    with pytest.raises(ValueError, match="only the labels 0 and 1"):
        plotting.scatter_classes(X, [0, 1, 2, 1], ax)


def test_line_points_lie_on_the_line():
    w, b = np.array([1.0, 2.0]), -1.5
    xs, ys = plotting.line_points(w, b, (0, 3), (0, 3))
    assert np.allclose(w[0] * xs + w[1] * ys + b, 0)


def test_line_points_vertical_and_missing():
    xs, ys = plotting.line_points([2.0, 0.0], -1.0, (0, 3), (-1, 4))
    assert xs.tolist() == [0.5, 0.5] and ys.tolist() == [-1, 4]
    xs, ys = plotting.line_points([0.0, 0.0], 1.0, (0, 3), (0, 3))
    assert xs.size == 0 and ys.size == 0


def test_decision_line_moves(ax):
    ax.set_xlim(0, 3)
    ax.set_ylim(0, 3)
    line = plotting.decision_line([1.0, 1.0], -1.5, ax)
    before = np.array(line.get_xydata()).copy()
    plotting.move_line(line, [1.0, 1.0], -2.5)
    after = np.array(line.get_xydata())
    assert not np.allclose(before, after)
    assert np.allclose(after.sum(axis=1), 2.5)


def test_decision_regions_colours_the_plane_by_predict(ax):
    image = plotting.decision_regions(lambda P: (P[:, 0] > 0.5) * 1.0, X, y,
                                      ax, resolution=20, pad=0.5)
    values = image.get_array()
    assert values.shape == (20, 20)
    assert values[:, :5].max() == 0 and values[:, -5:].min() == 1
    plotting.redraw_regions(image, lambda P: (P[:, 1] > 0.5) * 1.0)
    assert image.get_array()[:5].max() == 0
    assert image.get_array()[-5:].min() == 1


def test_decision_regions_refuses_a_predict_of_the_wrong_length(ax):
    with pytest.raises(ValueError, match="one value per point, got 1 values"):
        plotting.decision_regions(lambda P: 0.5, X, y, ax, resolution=10)


def test_region_grid_bad_input():
    with pytest.raises(ValueError, match="resolution must be a positive"):
        plotting.region_grid(X, resolution=0)
    with pytest.raises(ValueError, match="must not be empty"):
        plotting.region_grid(np.zeros((0, 2)))


def test_loss_curve(ax):
    line = plotting.loss_curve([3.0, 2.0, 1.0], ax, log=True)
    assert line.get_xdata().tolist() == [1, 2, 3]
    assert ax.get_yscale() == "log"
    with pytest.raises(ValueError, match="loss_curve: losses must hold "
                                         "finite numbers"):
        plotting.loss_curve([1.0, np.nan], ax)


def make_explorer():
    fig, ax = widgets.figure()
    line, = ax.plot([0, 1], [0, 1])
    ax.set_ylim(-3, 3)

    def update(a):
        if a < -1:
            raise ValueError("a is too small")
        line.set_ydata([0, a])
        return f"a = {a:.1f}"

    slider = ipywidgets.FloatSlider(value=1, min=-2, max=2)
    return widgets.Explorer(fig, update, {"a": slider})


def test_explorer_redraws_when_a_slider_moves():
    explorer = make_explorer()
    first = explorer.image.value
    assert first[:8] == b"\x89PNG\r\n\x1a\n"
    explorer.set(a=0.5)
    assert explorer.image.value != first
    assert explorer.text.value == "<pre>a = 0.5</pre>"
    assert explorer.values == {"a": 0.5} and explorer.error is None


def test_explorer_keeps_the_picture_and_shows_an_error():
    explorer = make_explorer()
    before = explorer.image.value
    explorer.sliders["a"].value = -1.5
    assert explorer.error == "ValueError: a is too small"
    assert "Could not redraw" in explorer.text.value
    assert explorer.image.value == before
    explorer.set(a=0.0)
    assert explorer.error is None


def test_explorer_bad_arguments():
    explorer = make_explorer()
    with pytest.raises(ValueError, match=r"no slider named 'b'; the sliders "
                                         r"are \['a'\]"):
        explorer.set(b=1)
    fig, _ = widgets.figure()
    with pytest.raises(TypeError, match="fig must be a matplotlib Figure"):
        widgets.Explorer(None, lambda: None, {"a": ipywidgets.IntSlider()})
    with pytest.raises(TypeError, match="update must be a function"):
        widgets.Explorer(fig, 3, {"a": ipywidgets.IntSlider()})
    with pytest.raises(ValueError, match="at least one slider"):
        widgets.Explorer(fig, lambda: None, {})
    with pytest.raises(TypeError, match="slider 'a' must be an ipywidgets"):
        widgets.Explorer(fig, lambda a: None, {"a": 3})


def test_explorer_displays_as_its_widget():
    bundle = make_explorer()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_check_answer_passes_a_right_answer(capsys):
    def right():
        checks.expect_equal(np.array([1, 0]), [1, 0], "the outputs")
        checks.expect_close(0.1 + 0.2, 0.3, "the sum")
        checks.expect_shape(np.zeros((2, 3)), (2, 3), "W")
    assert checks.check_answer(right, "well done", "try again") is True
    assert capsys.readouterr().out == "Correct: well done\n"


@pytest.mark.parametrize("test, reason", [
    (lambda: checks.expect_equal(np.array([1, 0, 1]), [1, 1, 1], "y_hat"),
     "y_hat: expected [1, 1, 1], got [1, 0, 1]"),
    (lambda: checks.expect_equal(np.array([1, 1]), [1, 1, 1], "y_hat"),
     "y_hat: expected shape (3,), got (2,)"),
    (lambda: checks.expect_equal(3, 1, "y_new_hat"),
     "y_new_hat: expected 1, got 3"),
    (lambda: checks.expect_close(0.5, 0.3301, "r2"),
     "r2: expected 0.3301, got 0.5"),
    (lambda: checks.expect_close(np.zeros((3, 1)), np.zeros(3), "dW"),
     "dW: expected shape (3,), got (3, 1)"),
    (lambda: checks.expect_close("abc", 1.0, "lr"),
     "lr: expected numbers, got 'abc'"),
    (lambda: checks.expect(False, "k: expected 3, got 4"),
     "k: expected 3, got 4"),
])
def test_check_answer_says_what_was_expected_and_what_came(
        capsys, test, reason):
    assert checks.check_answer(test, "well done", "look at the sign") is False
    assert capsys.readouterr().out == (f"Not yet: {reason}\n"
                                       "Hint: look at the sign\n")


def test_check_answer_turns_an_unfinished_exercise_into_advice(capsys):
    def missing():
        return w_never_defined                       # noqa: F821

    def stub():
        raise NotImplementedError("your answer goes here")

    def bug():
        return 1 / 0
    for test in (missing, stub, bug):
        assert checks.check_answer(test, "well done", "a hint") is False
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == ("Not yet: name 'w_never_defined' is not defined: "
                        "run your exercise cell above (if it stopped with "
                        "an error, fix that first)")
    assert lines[2].startswith("Not yet: the exercise still raises "
                               "NotImplementedError")
    assert lines[4] == ("Not yet: checking your answer raised "
                        "ZeroDivisionError: division by zero")
    assert lines[1] == lines[3] == lines[5] == "Hint: a hint"


def test_check_answer_refuses_a_test_that_is_not_a_function():
    with pytest.raises(TypeError, match="test must be a function"):
        checks.check_answer(True, "well done", "a hint")


def pixels(png):
    import io
    from PIL import Image
    return np.asarray(Image.open(io.BytesIO(png))).astype(float)


@pytest.mark.parametrize("rescale", [False, True])
def test_explorer_fast_redraw_matches_a_full_draw(rescale):
    fig, ax = widgets.figure()
    line, = ax.plot([0, 1], [0, 1], label="line")
    ax.legend()
    ax.set_ylim(-3, 3)

    def update(a):
        line.set_ydata([0, a])
        ax.set_title(f"a = {a:.1f}")
        if rescale:                      # the frame changes: ticks redrawn
            ax.set_ylim(-abs(a) - 1, abs(a) + 1)

    explorer = widgets.Explorer(
        fig, update, {"a": ipywidgets.FloatSlider(value=1, min=-5, max=5)})
    explorer.set(a=4.5)
    fast = pixels(explorer.image.value)
    fig.canvas.draw()
    full = np.asarray(fig.canvas.buffer_rgba()).astype(float)
    assert fast.shape == full.shape
    differing = (np.abs(fast - full).max(axis=2) > 60).mean()
    assert differing < 1e-4, f"{differing:.2%} of the pixels differ"


def test_explorer_keeps_titles_in_the_picture():
    fig, axes = widgets.figure(1, 2)
    line, = axes[0].plot([0, 1], [0, 1])
    axes[0].set_title("a fixed title")

    def update(a):
        line.set_ydata([0, a])
        axes[1].set_title(f"a = {a:.1f}")

    explorer = widgets.Explorer(
        fig, update, {"a": ipywidgets.FloatSlider(value=1, min=-5, max=5)})
    explorer.set(a=2.0)
    renderer = fig.canvas.get_renderer()
    for ax in axes:
        box = ax.title.get_window_extent(renderer)
        assert 0 <= box.y0 and box.y1 <= fig.bbox.height, (
            f"title {ax.get_title()!r} drawn outside the picture at {box}")
        assert box.y0 >= ax.get_window_extent(renderer).y1 - 1
    fast = pixels(explorer.image.value)
    fig.canvas.draw()
    full = np.asarray(fig.canvas.buffer_rgba()).astype(float)
    assert (np.abs(fast - full).max(axis=2) > 60).mean() < 1e-4


def test_slider_probe_moves_every_slider_and_choice():
    # the code the slider tests run in a lesson's kernel, run here on an
    # explorer with a slider whose default is its minimum and a dropdown
    from slider_probe import PROBE
    fig, ax = widgets.figure()
    line, = ax.plot([0, 1], [0, 0])

    def update(k, kernel, typed):
        line.set_ydata([0, k * {"edges": 1, "blur": -1, "none": 0}[kernel]])

    namespace = {"explorer": widgets.Explorer(fig, update, {
        "k": ipywidgets.IntSlider(value=1, min=1, max=3),
        "kernel": ipywidgets.Dropdown(options=["edges", "blur", "none"],
                                      value="blur"),
        "typed": ipywidgets.Text(value="1 2 3")})}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(PROBE, namespace)
    rows = json.loads(printed.getvalue().split("PROBE ", 1)[1])
    plt.close(fig)
    moves = [(r["slider"], r["at"]) for r in rows]
    assert moves == [("k", "max"), ("k", "min"), ("kernel", "min"),
                     ("kernel", "max"), ("kernel", "default")]
    assert all(r["moved"] and r["changed"] and r["error"] is None
               for r in rows)
    assert namespace["explorer"].values == {"k": 1, "kernel": "blur",
                                            "typed": "1 2 3"}

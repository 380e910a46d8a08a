"""helpers.playground: the datasets, the trainer over lesson 15's MLP, and
the figure it draws at every slider's min, default and max."""
import ipywidgets
import numpy as np
import pytest

from helpers import playground
from notebook_code import load_model

MLP = load_model("15-deep-networks.ipynb")["MLP"]


@pytest.mark.parametrize("name", playground.DATASETS)
def test_datasets_shapes_labels_and_seed(name):
    X, y = playground.make_dataset(name, 120, 0.1, 3)
    assert X.shape == (120, 2) and y.shape == (120,)
    assert y.dtype.kind == "i" and set(y) == {0, 1}
    assert abs(y.mean() - 0.5) < 0.15
    assert np.abs(X).max() < 2.0 and np.abs(X).mean() < 1.0
    again, y_again = playground.make_dataset(name, 120, 0.1, 3)
    assert np.array_equal(X, again) and np.array_equal(y, y_again)
    other, _ = playground.make_dataset(name, 120, 0.1, 4)
    assert not np.array_equal(X, other)
    clean, _ = playground.make_dataset(name, 120, 0.0, 3)
    noisy, _ = playground.make_dataset(name, 120, 0.5, 3)
    assert not np.array_equal(clean, noisy)


def test_dataset_and_split_bad_input():
    with pytest.raises(ValueError, match=r"name must be one of .*'moons'"):
        playground.make_dataset("swirl")
    with pytest.raises(ValueError, match="noise must be a number >= 0"):
        playground.make_dataset("XOR", noise=-1)
    with pytest.raises(ValueError, match="n must be a positive whole"):
        playground.make_dataset("XOR", n=0)
    X, y = playground.make_dataset("circles", 40, 0.1, 0)
    with pytest.raises(ValueError, match="between 0 and 1, got 1.5"):
        playground.split(X, y, 1.5)
    X_train, y_train, X_test, y_test = playground.split(X, y, 0.25)
    assert len(X_train) == 10 and len(X_test) == 30
    with pytest.raises(ValueError, match="single class"):
        playground.split(X[np.argsort(y)], np.sort(y), 0.25)


@pytest.fixture
def explorer():
    return playground.explorer(MLP)


def test_the_trainer_trains_the_lessons_mlp(explorer):
    trainer = explorer.trainer
    assert explorer.error is None and trainer.epoch == 0
    explorer.step(7)
    assert explorer.count == 7 == trainer.epoch
    # the same as MLP(...).fit with those epochs on the same training data
    values = explorer.values
    fitted = MLP(hidden_layer_sizes=(values["units"],) * values["layers"],
                 activation=values["activation"], alpha=values["alpha"],
                 lr=values["lr"], batch_size=values["batch_size"],
                 num_epochs=7, init="xavier",          # Xavier for tanh
                 random_state=0).fit(trainer.X_train, trainer.y_train)
    for a, b in zip(fitted.coefs_, trainer.model.coefs_):
        assert np.array_equal(a, b)
    assert len(trainer.train_losses) == len(trainer.test_losses) == 8
    assert trainer.train_losses[-1] < trainer.train_losses[0]


def test_tune_acts_on_the_running_network(explorer):
    explorer.step(3)
    before = [W.copy() for W in explorer.trainer.model.coefs_]
    explorer.set(lr=1.0, batch_size=50, alpha=0.1)
    model = explorer.trainer.model
    assert (model.lr, model.batch_size, model.alpha) == (1.0, 50, 0.1)
    assert explorer.count == 3                       # the run goes on
    assert all(np.array_equal(a, b) for a, b in zip(before, model.coefs_))
    explorer.step(1)
    assert explorer.count == 4 and explorer.error is None


@pytest.mark.parametrize("layers, units", [(0, 1), (1, 1), (2, 4), (3, 5),
                                           (4, 8)])
def test_restart_on_architecture_and_one_picture_per_unit(explorer, layers,
                                                          units):
    explorer.set(layers=4, units=8)
    explorer.step(2)
    explorer.set(layers=layers, units=units)     # a new network: epoch 0
    if (layers, units) == (4, 8):
        explorer.reset()
    assert explorer.count == 0 and explorer.error is None
    model = explorer.trainer.model
    assert model.layer_sizes_ == [2, *[units] * layers, 2]
    shown = [image for images in explorer.trainer.unit_images
             for image in images if image.get_visible()]
    assert len(shown) == layers * units          # one per hidden unit
    titles = [images[0].axes.title for images in explorer.trainer.unit_images]
    assert [t.get_text() for t in titles] == [
        f"layer {c + 1}" if c < layers else "" for c in range(4)]
    explorer.step(2)
    assert explorer.error is None


def test_every_slider_at_min_default_and_max_draws(explorer):
    for name, slider in explorer.sliders.items():
        if hasattr(slider, "options"):
            stops = [0, len(slider.options) - 1, slider.index]
        else:
            stops = [slider.min, slider.max, slider.value]
        for stop in stops:
            before = explorer.image.value
            if hasattr(slider, "options"):
                slider.index = stop
            else:
                explorer.set(**{name: stop})
            explorer.step(2)
            assert explorer.error is None, (name, stop, explorer.error)
            assert explorer.image.value != before, (name, stop)


def test_every_dataset_and_activation_learns_something(explorer):
    for dataset in playground.DATASETS:
        explorer.set(dataset=dataset, activation="tanh")
        explorer.step(30)
        trainer = explorer.trainer
        assert trainer.train_losses[-1] < trainer.train_losses[0], dataset
    for activation in playground.ACTIVATIONS:
        explorer.set(dataset="two Gaussians", activation=activation)
        explorer.step(10)
        assert explorer.error is None, activation


def test_he_for_relu_xavier_for_the_others(explorer):
    for activation in playground.ACTIVATIONS:
        explorer.set(activation=activation)
        want = "he" if activation == "ReLU" else "xavier"
        assert explorer.trainer.model.init == want, activation


def test_four_layers_of_8_tanh_learn_the_spiral_at_the_defaults(explorer):
    # the lesson's "the spiral needs depth and patience": one layer of 8
    # does not learn it in 300 epochs, four layers of 8 do
    accuracy = {}
    for layers in (1, 4):
        explorer.set(dataset="spiral", layers=layers, units=8)
        explorer.step(300)
        trainer = explorer.trainer
        accuracy[layers] = trainer.model.score(trainer.X_test, trainer.y_test)
    assert accuracy[1] < 0.7 and accuracy[4] >= 0.85, accuracy


def test_a_diverging_run_pauses_with_its_message(explorer):
    explorer.set(layers=4, units=8, activation="linear", lr=3.0)
    explorer.step(50)
    assert explorer.error is not None and "diverged" in explorer.error
    assert not explorer.playing


def test_sliders_names_match_reset():
    sliders = playground.sliders()
    assert all(isinstance(s, ipywidgets.ValueWidget)
               for s in sliders.values())
    assert sliders["batch_size"].options[0] >= 10    # the frame budget
    assert sliders["layers"].max == 4 and sliders["units"].max == 8

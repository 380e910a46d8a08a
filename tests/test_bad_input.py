"""Every public callable of `helpers` answers bad input with a clear error.

The test finds the public API itself: every module of the package, every
public function and class defined in it, and the public methods of those
classes. Each must have a row in TABLE, or
`test_every_public_callable_has_a_row` fails and says which row to add.

A row gives a valid call (the arguments that work) and, for each argument
that can be checked, its kind: an array, class labels, a size, a function,
a string, ... The test replaces each such argument in turn by the bad
values of its kind (a wrong shape, strings, an object array, complex
numbers, booleans where numbers are meant, NaN, inf, an empty array, None,
zero or a negative size, ...) and expects a ValueError or TypeError whose
message names the function and what was given, with no warning. A row may
accept a particular (argument, bad value) pair, with the reason; the test
then checks that the call does succeed.
"""
import importlib
import inspect
import pkgutil
import warnings
from types import SimpleNamespace

import ipywidgets
import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt                  # noqa: E402
from matplotlib.lines import Line2D              # noqa: E402

import helpers                                   # noqa: E402
from helpers import (activations, checks, data, gradcheck, layers,  # noqa
                     playground, plotting, timing, trees, validation,
                     widgets)
from execute import NOTEBOOKS                    # noqa: E402
from notebook_code import load_model             # noqa: E402

ERRORS = (ValueError, TypeError)


# ----------------------------------------------------------------------
# Finding the public API
# ----------------------------------------------------------------------

def public_callables():
    """{"module.name" or "module.Class.method": the callable}."""
    found = {}
    for info in pkgutil.iter_modules(helpers.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"helpers.{info.name}")
        for name, obj in vars(module).items():
            if (name.startswith("_") or not callable(obj)
                    or getattr(obj, "__module__", None) != module.__name__):
                continue
            found[f"{info.name}.{name}"] = obj
            if not inspect.isclass(obj):
                continue
            for attr, member in inspect.getmembers(obj):
                if (not attr.startswith("_") and inspect.isfunction(member)
                        and member.__module__.startswith("helpers.")):
                    found[f"{info.name}.{name}.{attr}"] = member
    return found


# ----------------------------------------------------------------------
# Kinds of argument and their bad values
# ----------------------------------------------------------------------

class Bad:
    """A bad value, and the words of which the message must hold one
    (case ignored): what was given."""

    def __init__(self, label, value, words, raises=ERRORS):
        self.label, self.value, self.words = label, value, words
        self.raises = raises


class Arg:
    """An argument of a row: its valid value and its bad values."""

    def __init__(self, valid, bads):
        self.valid, self.bads = valid, list(bads)


EMPTY_WORDS = ["empty", "(0,"]             # "must not be empty", "(0, 2)"


def _array_bads(valid, shapes):
    """None, strings, objects, complex, booleans, NaN, inf, empty and each
    wrong shape, all made from the valid array."""
    v = np.asarray(valid)
    strings = np.array(["cat", "dog"])[np.arange(v.size) % 2].reshape(v.shape)
    objects = v.astype(object)
    objects.flat[0] = "cat"
    nan, inf = v.astype(float), v.astype(float)
    nan.flat[0], inf.flat[-1] = np.nan, np.inf
    bads = [Bad("None", None, ["None"]),
            Bad("strings", strings, ["string"]),
            Bad("objects", objects, ["object"]),
            Bad("complex", v + 2j, ["complex", "2j"]),
            Bad("NaN", nan, ["NaN"]),
            Bad("inf", inf, ["inf"]),                 # inf, infinite
            Bad("empty", v[:0], EMPTY_WORDS),
            Bad("booleans", v > np.median(v), ["bool", "True"])]
    bads += [Bad(f"shape {shape}", np.resize(v, shape), [str(shape)])
             for shape in shapes]
    return bads


def array(valid, *shapes):
    """An array of numbers; `shapes` are wrong shapes for it."""
    return Arg(valid, _array_bads(valid, shapes))


def labels01(valid, *shapes):
    """Labels 0 and 1; a 2 is bad too."""
    two = np.array(valid).copy()
    two[0] = 2
    return Arg(valid, _array_bads(valid, shapes)
               + [Bad("label 2", two, ["{0, 1, 2}", "2"])])


def classes(valid, *shapes):
    """Class labels: whole numbers (or strings, True/False); continuous
    floats are a regression target, not labels."""
    continuous = valid + np.linspace(0.1, 0.9, len(valid))
    return Arg(valid, _array_bads(valid, shapes)
               + [Bad("continuous", continuous, ["continuous",
                                                 "regressor"])])


def indices(valid, high, *shapes):
    """Whole numbers in 0..high-1 (int arrays: floats are refused)."""
    v = np.asarray(valid)
    range_words = ["from 0 to", "0.."]
    return Arg(valid, _array_bads(valid, shapes) + [
        Bad("floats", v + 0.5, ["whole", "int"]),
        Bad("too large", v + high, range_words),
        Bad("negative", v - high, range_words)])


def answer(valid, *shapes):
    """A learner's answer in a check: anything may come, and a wrong one
    is a Mismatch (a ValueError: a "Not yet" verdict) that shows what
    came; its message starts with the answer's name, not the function's.
    """
    bads = _array_bads(valid, shapes) + [
        Bad("ragged", [[1, 2], [3]], ["ragged", "[[1, 2], [3]]"])]
    for bad in bads:
        bad.raises = checks.Mismatch
        if bad.label in ("strings", "objects"):    # the answer is shown
            bad.words = bad.words + ["'cat'"]
    return Arg(valid, bads)


def _scalar_bads():
    return [Bad("None", None, ["None"]),
            Bad("'ten'", "ten", ["string", "'ten'"]),
            Bad("True", True, ["True", "bool"]),
            Bad("complex", 1 + 2j, ["complex", "1+2j"]),
            Bad("nan", float("nan"), ["nan"]),
            Bad("inf", float("inf"), ["inf"]),
            Bad("an array", np.array([1.0, 2.0]), ["array"])]


def number(valid):
    """A finite number of any sign."""
    return Arg(valid, _scalar_bads())


def nonneg(valid):
    """A finite number >= 0."""
    return Arg(valid, _scalar_bads() + [Bad("-1", -1, ["-1"])])


def positive(valid):
    """A finite number > 0."""
    return Arg(valid, _scalar_bads() + [Bad("0", 0, ["got 0"]),
                                        Bad("-1", -1, ["-1"])])


def size(valid):
    """A positive whole number."""
    return Arg(valid, positive(valid).bads + [Bad("2.5", 2.5, ["2.5"])])


def count(valid):
    """A whole number >= 0."""
    return Arg(valid, nonneg(valid).bads + [Bad("2.5", 2.5, ["2.5"])])


def function(valid):
    return Arg(valid, [Bad("None", None, ["None"]),
                       Bad("3", 3, ["int", "3"]),
                       Bad("'f'", "f", ["str", "'f'"])])


def text(valid):
    return Arg(valid, [Bad("None", None, ["None"]),
                       Bad("3", 3, ["int", "3"])])


def choice(valid):
    """One of a few strings."""
    return Arg(valid, text(valid).bads
               + [Bad("'nonsense'", "nonsense", ["'nonsense'"])])


def generator(valid):
    return Arg(valid, [Bad("None", None, ["None"]),
                       Bad("0", 0, ["int"]),
                       Bad("'seed'", "seed", ["str"])])


def axes(valid):
    return Arg(valid, [Bad("3", 3, ["int"]), Bad("'ax'", "ax", ["str"])])


def custom(valid, *bads):
    """An argument whose bad values the row lists itself."""
    return Arg(valid, bads)


def more(arg, *bads):
    """`arg` with a few more bad values."""
    return Arg(arg.valid, arg.bads + list(bads))


def row(call, /, says=None, accept=None, extra=(), **args):
    """One callable: `call(**valid values)` must work.

    says : the name its messages start with (default: the valid value of
        its argument `where`, if it has one, else the callable's name in
        TABLE without its module)
    accept : {(argument, bad label): why it is right to accept it}
    extra : (label, function of no arguments, words): more bad calls,
        e.g. predict before fit
    args : argument name -> an Arg (checked) or a plain value (passed)
    """
    return dict(call=call, says=says, accept=accept or {}, extra=extra,
                args=args)


# ----------------------------------------------------------------------
# The valid arguments
# ----------------------------------------------------------------------

X4 = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y4 = np.array([0, 1, 1, 0])
_rng = np.random.default_rng(0)
XT = _rng.normal(size=(20, 3))                    # for the trees
YT = np.arange(20) % 3                            # three classes
YR = XT @ np.array([1.0, -2.0, 0.5])              # a regression target
C = np.arange(9)
XLOGX = C * np.log2(np.maximum(C, 1))             # c log2 c, c = 0..8

FIG, (AX, AX_LOSS) = plt.subplots(1, 2)
AX.set_xlim(0, 3)
AX.set_ylim(0, 3)
LINE = plotting.decision_line([1.0, 1.0], -1.5, AX)
IMAGE = plotting.decision_regions(lambda P: P[:, 0] > 0.5, X4, Y4, AX,
                                  resolution=10)


CLASSIFIER = trees.DecisionTreeClassifier(max_depth=3).fit(XT, YT)
REGRESSOR = trees.DecisionTreeRegressor(max_depth=3).fit(XT, YR)


def stump_levels():
    """The levels of a tree with one split, on feature 1 at 0.5."""
    ints = lambda *v: np.array(v, dtype=np.intp)         # noqa: E731
    return [dict(feature=ints(1), threshold=np.array([0.5]),
                 children_left=ints(1), children_right=ints(2),
                 value=np.array([[0.5, 0.5]]), n_node_samples=ints(4),
                 impurity=np.array([0.5])),
            dict(feature=ints(-2, -2), threshold=np.array([-2.0, -2.0]),
                 children_left=ints(-1, -1), children_right=ints(-1, -1),
                 value=np.array([[1.0, 0.0], [0.0, 1.0]]),
                 n_node_samples=ints(2, 2), impurity=np.zeros(2))]


def changed_level(name, value):
    levels = stump_levels()
    levels[1][name] = value
    return levels


STUMP = trees.Tree(stump_levels(), 1)

# a split search of two nodes of four rows each, two features
XB = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [3.0, 0.0],
               [0.0, 2.0], [1.0, 3.0], [2.0, 2.0], [3.0, 3.0]])
YB = np.array([0, 0, 1, 1, 0, 1, 0, 1])
PROBLEM = trees.make_problem(XB, YB, 2, "gini", 1, 2)
SLOT = np.repeat([0, 1], 4)
COUNTS = np.array([[2, 2], [2, 2]])
FEATS = np.array([[0, 1], [1, 0]])
USABLE = np.ones((2, 2), dtype=bool)


def explorer():
    """An explorer with a number, a whole number and a choice slider."""
    fig, ax = widgets.figure(figsize=(2, 2))
    line, = ax.plot([0, 1], [0, 1])

    def update(a, k, kernel):
        line.set_ydata([0, a * k])

    return widgets.Explorer(fig, update, {
        "a": ipywidgets.FloatSlider(value=1, min=-2, max=2),
        "k": ipywidgets.IntSlider(value=1, min=1, max=3),
        "kernel": ipywidgets.Dropdown(options=["edges", "blur"])}, dpi=20)


EXPLORER = explorer()
SLIDER = ipywidgets.FloatSlider(value=1, min=-2, max=2)
STEPS = ipywidgets.IntSlider(value=0, min=0, max=2)


def player():
    """An explorer with Play over a whole-number slider of three steps."""
    fig, ax = widgets.figure(figsize=(2, 2))
    line, = ax.plot([0, 1], [0, 1])
    made = widgets.Explorer(fig, lambda k: line.set_ydata([0, k]), {
        "k": ipywidgets.IntSlider(value=0, min=0, max=2)}, dpi=20,
        play="k")
    made.speed.value = 20                  # outside a kernel play() blocks
    return made


PLAYER = player()
NO_PLAY = ["play=None"]                    # what the message says was given


class Halfway:
    """A trainer without `draw`: reset and step only."""

    def reset(self, a):
        self.x = 0.0

    def step(self, k):
        self.x += k


class Trainer(Halfway):
    """A trainer that would do: reset, step and draw."""

    def draw(self):
        return f"x = {self.x}"


NO_TRAINER = ["trainer=None"]


# ----------------------------------------------------------------------
# Reasons for accepting a bad-looking value
# ----------------------------------------------------------------------

AS_NUMBERS_ONLY = "as_numbers checks the kind only (as_array adds finite " \
                  "and non-empty)"
LABELS_01 = "True and False are the labels 1 and 0"
LABELS_ANY = "class labels may be strings or True/False (as in scikit-learn)"
CURRENT_AXES = "None draws on the current axes"
SHAPE_ONLY = "expect_shape judges the shape only"
BOOL_EQUAL = "True and False equal 1 and 0 exactly: a right answer"


def accept_all(arg, labels, reason):
    return {(arg, label): reason for label in labels}


TREE_PARAMS = dict(
    criterion=choice("gini"), max_depth=size(3),
    min_samples_split=more(size(2), Bad("1", 1, ["at least 2"])),
    min_samples_leaf=size(1),
    max_features=more(size(2), Bad("4 > n_features", 4, ["n_features=3"])),
    random_state=custom(0, Bad("-1", -1, ["-1"]),
                        Bad("'seed'", "seed", ["'seed'"]),
                        Bad("2.5", 2.5, ["2.5"]),
                        Bad("True", True, ["True"])))
TREE_ACCEPT = {("max_depth", "None"): "None grows until the leaves are pure",
               ("max_features", "None"): "None uses every feature",
               ("random_state", "None"): "None draws fresh"}


def unfitted(model, method, *args):
    return (f"{method} before fit",
            lambda: getattr(model, method)(*args), ["not fitted"])


def tree_methods(name, model, make):
    """Rows of the methods of a fitted tree `model`."""
    where = f"{name}.predict"
    x_args = dict(X=array(XT[:5], (5,), (5, 2), (2, 2, 2)))
    rows = {}
    for method in ("predict", "predict_proba", "apply"):
        if hasattr(model, method):
            rows[f"trees.{name}.{method}"] = row(
                lambda method=method, **kw: getattr(model, method)(**kw),
                says=where.replace("predict", method),
                extra=[unfitted(make(), method, XT)], **x_args)
    rows[f"trees.{name}.get_depth"] = row(
        model.get_depth, extra=[unfitted(make(), "get_depth")])
    return rows


# ----------------------------------------------------------------------
# The table: one row per public callable
# ----------------------------------------------------------------------

# the Playground of lesson 15, on the lesson's own MLP
PLAY_MLP = load_model(next(p for p in NOTEBOOKS
                           if p.name.startswith("15-")))["MLP"]
PLAY_TRAINER = playground.PlaygroundTrainer(PLAY_MLP, *playground.figure())
PLAY_VALUES = {name: slider.value
               for name, slider in playground.sliders().items()}
PLAY_TRAINER.reset(**PLAY_VALUES)
XP, YP = playground.make_dataset("XOR", 20, 0.1, 0)
PP = np.column_stack([np.full(20, 0.3), np.full(20, 0.7)])
X_IMG, W_IMG = np.ones((2, 1, 4, 4)), np.ones((3, 1, 3, 3))
# the settings of lesson 15's MLP, 16's SmallCNN and 17's Autoencoder
MLP_SET = dict(hidden_layer_sizes=(4,), activation="relu", alpha=0.0,
               lr=0.1, batch_size=8, num_epochs=2, init="he")
CNN_SET = dict(image_shape=(1, 8, 8), num_filters=2, kernel_size=3, pad=1,
               pool_size=2, lr=0.05, momentum=0.9, num_epochs=1,
               batch_size=8)
AE_SET = dict(hidden_sizes=(8,), n_components=2, activation="relu",
              output="sigmoid", optimizer="adam", lr=0.01, batch_size=16,
              num_epochs=2, noise=0.0)


def settings(base, **change):
    """A model's settings, as attributes, with some changed."""
    return SimpleNamespace(**{**base, **change})

TABLE = {
    # validation -----------------------------------------------------
    "validation.as_numbers": row(
        validation.as_numbers, values=array(X4), where="as_numbers",
        accept=accept_all("values", ["NaN", "inf", "empty"],
                          AS_NUMBERS_ONLY)),
    "validation.as_array": row(
        validation.as_array, values=array(X4), where="as_array"),
    "validation.as_matrix": row(
        validation.as_matrix, X=array(X4, (4, 3), (4,), (2, 2, 2)),
        n_features=size(2), where="as_matrix",
        accept={("n_features", "None"): "None: any number of features"}),
    "validation.as_vector": row(
        validation.as_vector, y=array(np.array([1.0, 2.0, 3.0]), (3, 1),
                                      (2,)),
        length=size(3), where="as_vector",
        accept={("length", "None"): "None: any length"}),
    "validation.as_indices": row(
        validation.as_indices, values=indices(np.array([0, 2, 1]), 3,
                                              (3, 1), (2, 3)),
        name="rows", high=size(3), shape=("n",), where="as_indices"),
    "validation.as_binary_labels": row(
        validation.as_binary_labels, y=labels01(Y4, (4, 1), (3,)),
        length=size(4), where="as_binary_labels",
        accept={("y", "booleans"): LABELS_01,
                ("length", "None"): "None: any length"}),
    "validation.as_class_labels": row(
        validation.as_class_labels, y=classes(YT, (20, 1), (19,)),
        length=size(20), where="as_class_labels",
        accept={("y", "strings"): LABELS_ANY, ("y", "booleans"): LABELS_ANY,
                ("length", "None"): "None: any length"}),
    "validation.as_number": row(
        validation.as_number, value=number(-0.5), name="b",
        where="as_number"),
    "validation.as_positive": row(
        validation.as_positive, value=positive(2.5), name="lr",
        where="as_positive"),
    "validation.as_function": row(
        validation.as_function, f=function(print), name="f",
        where="as_function"),
    "validation.check_fitted": row(
        validation.check_fitted, model=custom(
            CLASSIFIER, Bad("None", None, ["None"])),
        attribute=text("tree_"), call=text("fit(X, y)"),
        where=more(text("check_fitted"), Bad("3", 3, ["3"])),
        accept={("where", "None"): "None names the model's predict"},
        extra=[("an unfitted model", lambda: validation.check_fitted(
            trees.DecisionTreeClassifier(), "tree_", "check_fitted"),
            ["not fitted"])]),

    "validation.as_images": row(
        validation.as_images, x=array(X_IMG, (2, 4, 4), (32,)), name="x",
        where="as_images"),
    "validation.check_conv_shapes": row(
        validation.check_conv_shapes,
        x=array(X_IMG, (2, 4, 4), (2, 2, 4, 4)),
        w=array(W_IMG, (3, 3, 3), (3, 2, 3, 3)),
        b=array(np.zeros(3), (2,), (3, 1)), stride=size(1), pad=count(1),
        where="check_conv_shapes"),
    "validation.check_pool_shapes": row(
        validation.check_pool_shapes, x=array(X_IMG, (2, 4, 4), (32,)),
        pool_size=size(2), stride=size(2), where="check_pool_shapes",
        accept={("stride", "None"): "None: the stride is the pool size"}),
    "validation.check_dout": row(
        validation.check_dout, dout=array(np.ones((2, 3, 4, 4)),
                                          (2, 3, 4), (2, 3, 4, 5)),
        shape=(2, 3, 4, 4), where="check_dout"),

    "validation.check_dense_args": row(
        validation.check_dense_args, x=array(np.ones((5, 4)), (5, 2), (4,)),
        w=array(np.ones((4, 3)), (4,), (4, 3, 1)),
        b=array(np.zeros(3), (4,), (3, 1)), where="check_dense_args"),
    "validation.check_scores_and_labels": row(
        validation.check_scores_and_labels,
        scores=array(np.ones((2, 3)), (3,), (2, 3, 1)),
        y=indices(np.array([0, 2]), 3, (3,), (2, 1)),
        where="check_scores_and_labels"),
    "validation.check_hidden_sizes": row(
        validation.check_hidden_sizes, hidden_layer_sizes=custom(
            (4, 3), Bad("None", None, ["None"]),
            Bad("a string", "4", ["'4'"]), Bad("a 0", (4, 0), ["(4, 0)"]),
            Bad("2.5", (2.5,), ["2.5"]), Bad("True", (True,), ["True"])),
        where="check_hidden_sizes"),
    "validation.check_mlp_settings": row(
        validation.check_mlp_settings, model=custom(
            settings(MLP_SET),
            Bad("hidden 0", settings(MLP_SET, hidden_layer_sizes=(0,)),
                ["(0,)"]),
            Bad("activation", settings(MLP_SET, activation="softmax"),
                ["'softmax'"]),
            Bad("alpha -1", settings(MLP_SET, alpha=-1), ["-1"]),
            Bad("lr 0", settings(MLP_SET, lr=0), ["got 0"]),
            Bad("batch 2.5", settings(MLP_SET, batch_size=2.5), ["2.5"]),
            Bad("epochs None", settings(MLP_SET, num_epochs=None),
                ["None"]),
            Bad("init", settings(MLP_SET, init="glorot"), ["'glorot'"])),
        activations=("relu", "tanh"), where="check_mlp_settings"),
    "validation.check_cnn_settings": row(
        validation.check_cnn_settings, model=custom(
            settings(CNN_SET),
            Bad("image_shape", settings(CNN_SET, image_shape=(1, 8, 7)),
                ["(1, 8, 7)"]),
            Bad("image_shape 8", settings(CNN_SET, image_shape=8), ["8"]),
            Bad("pad -1", settings(CNN_SET, pad=-1), ["-1"]),
            Bad("pool 3", settings(CNN_SET, pool_size=3), ["pool_size 3"]),
            Bad("lr 0", settings(CNN_SET, lr=0), ["got 0"]),
            Bad("momentum 1", settings(CNN_SET, momentum=1.0), ["1.0"]),
            Bad("filters 2.5", settings(CNN_SET, num_filters=2.5),
                ["2.5"])),
        n_features=size(64), where="check_cnn_settings"),
    "validation.check_autoencoder_settings": row(
        validation.check_autoencoder_settings, model=custom(
            settings(AE_SET),
            Bad("hidden 0", settings(AE_SET, hidden_sizes=(8, 0)),
                ["(8, 0)"]),
            Bad("code 0", settings(AE_SET, n_components=0), ["got 0"]),
            Bad("code 65", settings(AE_SET, n_components=65), ["65"]),
            Bad("code 2.5", settings(AE_SET, n_components=2.5), ["2.5"]),
            Bad("output", settings(AE_SET, output="softmax"),
                ["'softmax'"]),
            Bad("lr 0", settings(AE_SET, lr=0), ["got 0"]),
            Bad("noise -0.1", settings(AE_SET, noise=-0.1), ["-0.1"])),
        n_features=64, where="check_autoencoder_settings"),

    # playground -----------------------------------------------------
    "playground.make_dataset": row(
        playground.make_dataset, name=choice("moons"), n=size(20),
        noise=nonneg(0.1), rng=0),
    "playground.split": row(
        playground.split, X=array(XP, (20, 3), (20,)),
        y=labels01(YP, (19,), (20, 1)), train_fraction=more(
            number(0.5), Bad("1.5", 1.5, ["1.5"]), Bad("0", 0, ["got 0"])),
        accept={("y", "booleans"): LABELS_01}),
    "playground.log_loss": row(
        playground.log_loss, P=array(PP, (20, 3), (20,)),
        y=labels01(YP, (19,), (20, 1)),
        accept={("y", "booleans"): LABELS_01}),
    "playground.figure": row(playground.figure),
    "playground.sliders": row(playground.sliders),
    "playground.explorer": row(lambda: playground.explorer(PLAY_MLP)),
    "playground.PlaygroundTrainer": row(
        lambda: playground.PlaygroundTrainer(PLAY_MLP, *playground.figure())),
    "playground.PlaygroundTrainer.reset": row(
        lambda dataset: PLAY_TRAINER.reset(**{**PLAY_VALUES,
                                              "dataset": dataset}),
        says="make_dataset", dataset=choice("spiral")),
    "playground.PlaygroundTrainer.step": row(lambda: PLAY_TRAINER.step(2)),
    "playground.PlaygroundTrainer.tune": row(
        lambda: PLAY_TRAINER.tune(lr=0.3, batch_size=20, alpha=0.01)),
    "playground.PlaygroundTrainer.draw": row(lambda: PLAY_TRAINER.draw()),

    # data -----------------------------------------------------------
    "data.spam_emails": row(data.spam_emails),
    "data.sms_spam": row(data.sms_spam),
    "data.two_gaussians": row(
        data.two_gaussians, rng=generator(np.random.default_rng(0)),
        n_per_class=size(5), means=array(np.array([0.0, 5.0]), (3,), (2, 1)),
        sds=more(array(np.array([1.0, 0.5]), (3,)),
                 Bad("negative", np.array([1.0, -1.0]), ["positive"]))),

    # activations ------------------------------------------------------
    "activations.sigmoid": row(
        activations.sigmoid, z=array(np.array([[0.5, -1.0]]))),
    "activations.sigmoid_grad": row(
        activations.sigmoid_grad, z=array(np.array([[0.5, -1.0]]))),

    # gradcheck ------------------------------------------------------
    "gradcheck.numerical_gradient": row(
        gradcheck.numerical_gradient,
        f=more(function(lambda: 1.0),
               Bad("returns a string", lambda: "cat", ["'cat'"])),
        x=more(array(np.array([1.0, 2.0])),
               Bad("a list", [1.0, 2.0], ["list"]),
               Bad("ints", np.arange(3), ["int64"]),
               Bad("a transposed view", np.ones((2, 3)).T, ["view"])),
        h=positive(1e-5)),
    "gradcheck.rel_error": row(
        gradcheck.rel_error, a=array(np.array([1.0, 2.0]), (3,)),
        b=array(np.array([1.0, 2.1]), (3,), (2, 1))),
    "gradcheck.below": row(
        gradcheck.below, error=number(3e-15), bound=positive(1e-13)),

    # timing ---------------------------------------------------------
    "timing.best_time": row(
        timing.best_time, f=function(lambda: None), repeats=size(2)),
    "timing.format_duration": row(
        timing.format_duration, seconds=nonneg(0.5)),
    "timing.compare": row(
        timing.compare,
        functions=custom(
            {"slow": lambda: None, "fast": lambda: None},
            Bad("None", None, ["dict", "NoneType"]),
            Bad("one", {"slow": lambda: None}, ["at least two", "of 1"]),
            Bad("a number", {"slow": lambda: None, "fast": 3},
                ["'fast'", "int"]),
            Bad("a name", {"slow": lambda: None, 2: len}, ["names", "2"])),
        repeats=size(2)),
    "timing.format_speedup": row(
        timing.format_speedup, slow_seconds=positive(1.0),
        fast_seconds=positive(0.02)),

    # layers ---------------------------------------------------------
    "layers.dense_forward": row(
        layers.dense_forward, x=array(np.ones((5, 4)), (5, 2), (4,)),
        w=array(np.ones((4, 3)), (4,), (4, 3, 1)),
        b=array(np.zeros(3), (4,), (3, 1))),
    "layers.dense_backward": row(
        layers.dense_backward, dout=array(np.ones((5, 3)), (5, 2), (3,),
                                          (4, 3)),
        cache=custom(layers.dense_forward(np.ones((5, 4)), np.ones((4, 3)),
                                          np.zeros(3))[1],
                     Bad("None", None, ["None"]),
                     Bad("a list", [np.ones((5, 4)), np.ones((4, 3))],
                         ["list"]),
                     Bad("x and w that differ", (np.ones((5, 2)),
                                                 np.ones((4, 3))),
                         ["(5, 2)"]))),
    "layers.relu_forward": row(
        layers.relu_forward, x=array(np.array([[1.0, -2.0, 0.5]]))),
    "layers.relu_backward": row(
        layers.relu_backward, dout=array(np.ones((2, 3)), (1, 3), (3, 2),
                                         (6,)),
        cache=array(np.array([[1.0, -2.0, 0.5], [0.0, 3.0, -1.0]]),
                    (3, 2))),
    "layers.sigmoid_forward": row(
        layers.sigmoid_forward, x=array(np.array([[1.0, -2.0, 0.5]]))),
    "layers.sigmoid_backward": row(
        layers.sigmoid_backward, dout=array(np.ones((2, 3)), (1, 3),
                                            (2, 1), (6,)),
        cache=array(np.full((2, 3), 0.25), (3, 2))),
    "layers.softmax": row(
        layers.softmax, scores=array(np.ones((2, 3)), (3,), (2, 3, 1))),
    "layers.softmax_cross_entropy": row(
        layers.softmax_cross_entropy,
        scores=array(np.ones((2, 3)), (3,), (2, 3, 1)),
        y=indices(np.array([0, 2]), 3, (3,), (2, 1))),
    "layers.mse_loss": row(
        layers.mse_loss, y_hat=array(np.ones((3, 4)), (4, 3)),
        y=array(np.zeros((3, 4)), (4, 3), (3,))),
    "layers.he_init": row(
        layers.he_init, rng=generator(np.random.default_rng(0)),
        n_in=size(4), n_out=size(3)),
    "layers.xavier_init": row(
        layers.xavier_init, rng=generator(np.random.default_rng(0)),
        n_in=size(4), n_out=size(3)),

    # trees ----------------------------------------------------------
    "trees.rank_values": row(
        trees.rank_values, X=array(XT, (20,), (2, 2, 2))),
    "trees.impurity_sums": row(
        trees.impurity_sums,
        counts=indices(np.array([[3, 1], [0, 4]]), len(XLOGX)),
        criterion=choice("entropy"), xlogx=array(XLOGX, (9, 1)),
        axis=custom(-1, Bad("2", 2, ["got 2"]), Bad("None", None, ["None"]),
                    Bad("1.5", 1.5, ["1.5"]))),
    "trees.make_problem": row(
        trees.make_problem, X=array(XT, (20,), (2, 2, 2)),
        y=indices(YT, 3, (19,), (20, 1)),
        n_classes=custom(3, *[b for b in size(3).bads
                              if b.label not in ("None", "0")],
                         Bad("0 (regression)", 0, ["regression"])),
        criterion=choice("entropy"), min_samples_leaf=size(1),
        max_features=more(size(3), Bad("4", 4, ["n_features=3"]))),
    "trees.best_splits": row(
        trees.best_splits,
        problem=custom(PROBLEM, Bad("None", None, ["None"]),
                       Bad("a list", [1, 2], ["list"]),
                       Bad("a dict without its keys", {"y": YB},
                           ["without"])),
        rows=indices(np.arange(8), 8, (8, 1)),
        slot=more(indices(SLOT, 2, (7,), (8, 1)),
                  Bad("a node without rows", np.zeros(8, dtype=int),
                      ["node 1"])),
        counts=more(indices(COUNTS, 9, (2, 3), (2,)),
                    Bad("counts of other rows", np.array([[4, 0], [0, 4]]),
                        ["differ"])),
        feats=indices(FEATS, 2, (3, 2), (2,)),
        usable=custom(USABLE, Bad("ints", USABLE.astype(int), ["int64"]),
                      Bad("shape (2, 3)", np.ones((2, 3), dtype=bool),
                          ["(2, 3)"]),
                      Bad("strings", np.full((2, 2), "yes"), ["<U3"])),
        n_nodes=size(2),
        accept={("feats", "None"): "None: every feature",
                ("usable", "None"): "None: every drawn feature"}),
    "trees.Tree": row(
        trees.Tree, levels=custom(
            stump_levels(), Bad("None", None, ["None"]),
            Bad("an empty list", [], ["empty"]),
            Bad("a level without 'value'", [{"feature": np.zeros(1)}],
                ["dict of the arrays"]),
            Bad("strings in 'threshold'",
                changed_level("threshold", np.array(["a", "b"])),
                ["string"]),
            Bad("NaN in 'impurity'",
                changed_level("impurity", np.array([0.0, np.nan])),
                ["finite"]),
            Bad("'value' of one node", changed_level("value", np.ones(1)),
                ["(1,)"]),
            Bad("None in 'feature'", changed_level("feature", None),
                ["None"])),
        max_depth=count(1)),
    "trees.Tree.apply": row(
        lambda **kw: STUMP.apply(**kw),
        X=more(array(X4, (4,), (2, 2, 2)),
               Bad("one column", np.ones((3, 1)), ["at least 2"]))),
    "trees.DecisionTreeClassifier": row(
        lambda **kw: trees.DecisionTreeClassifier(**kw).fit(XT, YT),
        says="DecisionTreeClassifier.fit", accept=TREE_ACCEPT,
        **TREE_PARAMS),
    "trees.DecisionTreeClassifier.fit": row(
        lambda **kw: trees.DecisionTreeClassifier(max_depth=2).fit(**kw),
        X=array(XT, (20,), (2, 2, 2)), y=classes(YT, (19,), (20, 1)),
        accept={("y", "strings"): LABELS_ANY,
                ("y", "booleans"): LABELS_ANY},
        extra=[("one class", lambda: trees.DecisionTreeClassifier().fit(
            XT, np.zeros(20)), ["only one"])]),
    **tree_methods("DecisionTreeClassifier", CLASSIFIER,
                   trees.DecisionTreeClassifier),
    "trees.DecisionTreeRegressor": row(
        lambda **kw: trees.DecisionTreeRegressor(**kw).fit(XT, YR),
        says="DecisionTreeRegressor.fit", accept=TREE_ACCEPT,
        **{k: v for k, v in TREE_PARAMS.items() if k != "criterion"}),
    "trees.DecisionTreeRegressor.fit": row(
        lambda **kw: trees.DecisionTreeRegressor(max_depth=2).fit(**kw),
        X=array(XT, (20,), (2, 2, 2)), y=array(YR, (19,), (20, 1))),
    **tree_methods("DecisionTreeRegressor", REGRESSOR,
                   trees.DecisionTreeRegressor),
    "trees.class_codes": row(
        trees.class_codes, y=classes(YT, (20, 1), (19,)),
        n_samples=size(20), where=text("class_codes"),
        accept={("y", "strings"): LABELS_ANY,
                ("y", "booleans"): LABELS_ANY}),

    # plotting ---------------------------------------------------------
    "plotting.scatter_classes": row(
        plotting.scatter_classes, X=array(X4, (4, 3), (4,)),
        y=labels01(Y4, (3,), (4, 1)), ax=axes(AX),
        labels=custom(("no", "yes"), Bad("None", None, ["None"]),
                      Bad("one name", ("no",), ["('no',)"]),
                      Bad("a string", "ab", ["'ab'"])),
        size=positive(70),
        accept={("y", "booleans"): LABELS_01, ("ax", "None"): CURRENT_AXES}),
    "plotting.line_points": row(
        plotting.line_points, w=array(np.array([1.0, 2.0]), (3,), (2, 1)),
        b=number(-1.5), xlim=array(np.array([0.0, 3.0]), (3,)),
        ylim=array(np.array([0.0, 3.0]), (1,))),
    "plotting.decision_line": row(
        plotting.decision_line, w=array(np.array([1.0, 2.0]), (3,),
                                        (2, 1)),
        b=number(-1.5), ax=axes(AX), accept={("ax", "None"): CURRENT_AXES}),
    "plotting.move_line": row(
        plotting.move_line,
        line=custom(LINE, Bad("None", None, ["None"]),
                    Bad("an Axes", AX, ["Axes"]),
                    Bad("a line on no axes", Line2D([], []), ["Line2D"])),
        w=array(np.array([1.0, 2.0]), (3,), (2, 1)), b=number(-1.5)),
    "plotting.region_grid": row(
        plotting.region_grid, X=array(X4, (4, 3), (4,)),
        resolution=size(10), pad=nonneg(0.5)),
    "plotting.decision_regions": row(
        plotting.decision_regions,
        predict=more(function(lambda P: P[:, 0] > 0.5),
                     Bad("returns strings", lambda P: np.full(len(P), "a"),
                         ["string"]),
                     Bad("returns one value", lambda P: 0.5,
                         ["1 values"])),
        X=array(X4, (4, 3), (4,)), y=labels01(Y4, (3,), (4, 1)),
        ax=axes(AX), resolution=size(10), pad=nonneg(0.5),
        labels=custom(("no", "yes"), Bad("None", None, ["None"]),
                      Bad("one name", ("no",), ["('no',)"])),
        accept={("y", "booleans"): LABELS_01, ("ax", "None"): CURRENT_AXES,
                ("y", "None"): "y=None draws no points"}),
    "plotting.redraw_regions": row(
        plotting.redraw_regions,
        image=custom(IMAGE, Bad("None", None, ["None"]),
                     Bad("an Axes", AX, ["Axes"])),
        predict=more(function(lambda P: P[:, 1] > 0.5),
                     Bad("returns complex", lambda P: P[:, 0] + 1j,
                         ["complex"]))),
    "plotting.loss_curve": row(
        plotting.loss_curve, losses=array(np.array([3.0, 2.0, 1.0]), (3, 1)),
        ax=axes(AX_LOSS),
        log=custom(False, Bad("None", None, ["None"]),
                   Bad("'yes'", "yes", ["'yes'"]), Bad("1", 1, ["1"])),
        accept={("ax", "None"): CURRENT_AXES}),

    # widgets --------------------------------------------------------
    "widgets.figure": row(
        widgets.figure, nrows=size(1), ncols=size(2),
        figsize=more(array(np.array([4.0, 2.0]), (3,)),
                     Bad("a negative height", (4.0, -1.0), ["positive"]))),
    "widgets.Explorer": row(
        widgets.Explorer,
        fig=custom(widgets.figure(figsize=(2, 2))[0],
                   Bad("None", None, ["None"]),
                   Bad("an Axes", AX, ["Axes"])),
        update=function(lambda a: None),
        sliders=custom({"a": SLIDER}, Bad("None", None, ["None"]),
                       Bad("an empty dict", {}, ["none"]),
                       Bad("a list", [SLIDER], ["list"]),
                       Bad("a number for a slider", {"a": 3}, ["int"]),
                       Bad("a name that is no string", {1: SLIDER}, ["1"])),
        dpi=positive(20),
        play=custom(None, Bad("an unknown name", "b", ["'b'"]),
                    Bad("a FloatSlider's name", "a", ["FloatSlider"]),
                    Bad("a number", 3, ["int"]),
                    Bad("a slider", STEPS, ["IntSlider("])),
        trainer=custom(None, Bad("a number", 3, ["int"]),
                       Bad("a function", lambda: None, ["function"]),
                       Bad("one without draw", Halfway(), ["draw"]),
                       Bad("a trainer beside update", Trainer(),
                           ["function"])),
        restart=custom(None, Bad("an unknown name", ["b"], ["'b'"]),
                       Bad("a number", 3, ["int"]),
                       Bad("a name without a trainer", ["a"], NO_TRAINER)),
        counter=custom(None, Bad("a number", 3, ["int"]),
                       Bad("an empty word", " ", ["empty"]),
                       Bad("a word without play", "epoch", ["play=None"])),
        max_steps=custom(None, Bad("0", 0, ["got 0"]),
                         Bad("2.5", 2.5, ["2.5"]),
                         Bad("'ten'", "ten", ["'ten'"]),
                         Bad("a number without a trainer", 10, NO_TRAINER)),
        per_frame=more(size(1), Bad("5 without a trainer", 5, NO_TRAINER))),
    "widgets.Explorer.set": row(
        lambda **kw: EXPLORER.set(**kw),
        a=more(number(0.5), Bad("beyond its range", 5.0, ["-2 to 2"])),
        k=custom(2, Bad("2.5", 2.5, ["2.5"]), Bad("None", None, ["None"])),
        kernel=custom("blur", Bad("not an option", "nonsense",
                                  ["'nonsense'"]),
                      Bad("None", None, ["None"])),
        extra=[("an unknown slider", lambda: EXPLORER.set(b=1), ["'b'"])]),
    "widgets.Explorer.png": row(lambda: EXPLORER.png()),
    "widgets.Explorer.redraw": row(lambda: EXPLORER.redraw()),
    "widgets.Explorer.play": row(
        lambda: PLAYER.play(),
        extra=[("no play slider", lambda: EXPLORER.play(), NO_PLAY)]),
    "widgets.Explorer.pause": row(
        lambda: PLAYER.pause(),
        extra=[("no play slider", lambda: EXPLORER.pause(), NO_PLAY)]),
    "widgets.Explorer.step": row(
        lambda n=1: PLAYER.step(n), says="Explorer.step", n=size(2),
        extra=[("no play slider", lambda: EXPLORER.step(), NO_PLAY)]),
    "widgets.Explorer.reset": row(
        lambda: PLAYER.reset(),
        extra=[("no play slider", lambda: EXPLORER.reset(), NO_PLAY)]),

    # checks ---------------------------------------------------------
    # Mismatch is the exception a wrong answer raises: any message goes.
    "checks.Mismatch": row(checks.Mismatch),
    "checks.expect": row(
        checks.expect,
        condition=custom(True, Bad("None", None, ["None"]),
                         Bad("an array", np.array([True, False]),
                             ["array", "np.all"]),
                         Bad("a string", "yes", ["str"]),
                         Bad("a number", 1, ["int"])),
        message=text("k: expected 3, got 3")),
    "checks.expect_shape": row(
        checks.expect_shape, got=answer(np.zeros((2, 3)), (3, 2)),
        shape=custom((2, 3), Bad("None", None, ["None"]),
                     Bad("an int", 3, ["3"]),
                     Bad("a negative size", (2, -3), ["-3"]),
                     Bad("a float size", (2.5,), ["2.5"])),
        what=text("W"),
        accept=accept_all("got", ["strings", "objects", "complex",
                                  "booleans", "NaN", "inf"], SHAPE_ONLY)),
    "checks.expect_equal": row(
        checks.expect_equal, got=answer(np.array([1, 0]), (2, 1), (3,)),
        expected=custom([1, 0], Bad("ragged", [[1, 2], [3]], ["ragged"])),
        what=text("the outputs"),
        accept={("got", "booleans"): BOOL_EQUAL}),
    "checks.expect_close": row(
        checks.expect_close, got=answer(np.array([0.1, 0.2]), (2, 1)),
        expected=array(np.array([0.1, 0.2])), what=text("the weights"),
        rtol=nonneg(1e-6), atol=nonneg(1e-9)),
    "checks.check_answer": row(
        checks.check_answer, test=function(lambda: None),
        success=text("well done"), hint=text("try again")),
}


# ----------------------------------------------------------------------
# The tests
# ----------------------------------------------------------------------

def test_every_public_callable_has_a_row():
    found = set(public_callables())
    missing = sorted(found - set(TABLE))
    assert not missing, (
        f"public callables of helpers without a row in TABLE of "
        f"tests/test_bad_input.py: {missing}; add a row for each (a valid "
        f"call and the kind of each argument)")
    stale = sorted(set(TABLE) - found)
    assert not stale, f"rows for callables that no longer exist: {stale}"


def says(key):
    """The name a callable's messages start with."""
    spec = TABLE[key]
    where = spec["args"].get("where")
    where = where.valid if isinstance(where, Arg) else where
    return spec["says"] or where or key.split(".", 1)[1]


def valid_kwargs(spec):
    return {name: arg.valid if isinstance(arg, Arg) else arg
            for name, arg in spec["args"].items()}


def cases():
    """(key, argument, Bad) for every bad value of every row."""
    for key, spec in TABLE.items():
        for name, arg in spec["args"].items():
            if isinstance(arg, Arg):
                for bad in arg.bads:
                    yield key, name, bad
        for label, call, words in spec["extra"]:
            yield key, None, Bad(label, call, words)


CASES = list(cases())


def no_warnings(call, /, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return call(**kwargs)


@pytest.mark.parametrize("key", list(TABLE))
def test_the_valid_call_works(key):
    spec = TABLE[key]
    no_warnings(spec["call"], **valid_kwargs(spec))


@pytest.mark.parametrize(
    "key, name, bad", CASES,
    ids=[f"{key}-{name or 'call'}-{bad.label}" for key, name, bad in CASES])
def test_bad_input_gets_a_clear_answer(key, name, bad):
    spec = TABLE[key]
    kwargs = valid_kwargs(spec)
    call = spec["call"]
    if name is None:                               # an extra bad call
        call, kwargs = bad.value, {}
    else:
        kwargs[name] = bad.value
    reason = spec["accept"].get((name, bad.label))
    if reason:                                     # accepted, and it works
        no_warnings(call, **kwargs)
        return
    with pytest.raises(bad.raises) as caught:
        no_warnings(call, **kwargs)
    message = str(caught.value)
    where = says(key)
    if bad.raises is checks.Mismatch:              # a verdict on an answer
        where = kwargs["what"]
    assert where in message, (
        f"{key}({name}={bad.label}): the message should name "
        f"{where!r}: {message!r}")
    assert any(word.lower() in message.lower() for word in bad.words), (
        f"{key}({name}={bad.label}): the message should say what was "
        f"given ({' or '.join(bad.words)}): {message!r}")


def test_a_bad_input_is_tried_for_every_row_with_arguments():
    tried = {key for key, _, _ in CASES}
    for key, spec in TABLE.items():
        if spec["args"]:
            assert key in tried, key


def teardown_module():
    plt.close("all")

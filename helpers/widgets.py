"""The slider explorer: sliders wired to a function that redraws a figure.

The lesson writes a pure function ``update(**values)`` that changes the
artists of one figure (``line.set_data(...)``, ``image.set_data(...)``) and
may return a line of text; `Explorer` only wires sliders to it and shows the
figure as a PNG under them. One figure is kept and updated, never rebuilt,
so a slider move costs one retrain and one render.

It is not a dashboard framework: sliders in, one figure and a text out.
Introduced in 01-perceptron.ipynb.

Play. An explorer whose training is a cached trajectory driven by an integer
slider (``play="epoch"``) also gets Play / Pause / Step / Reset buttons,
a speed (frames per second) and a counter ("epoch 37 of 200": the play
slider's description, or ``counter="..."``, and its max). The frames are
paced by the kernel itself, not
by the browser: Play schedules one frame on the kernel's running asyncio
event loop (``loop.call_later``); that frame moves the slider one step
(the ordinary redraw) and only when it has finished schedules the next, after
``max(0, 1/fps - what the frame took)``. Between two frames the loop is
free, and the kernel handles the messages the browser sent meanwhile (a
Pause click, a slider drag) before the next frame starts. So a slow frame
makes Play slower, never late: ticks the kernel cannot keep up with are
dropped, never queued (unlike ``ipywidgets.Play``, whose ticks come from
the browser and pile up behind a slow kernel: ipywidgets issue #2631). No
thread, and a lesson never sees the loop. Outside a running event
loop (a script), `Explorer.play` plays through to the end before it
returns. Introduced in 03-logistic-regression-1d.ipynb.

A trainer. When the model trains as it plays (no cached trajectory), the
lesson gives a small object instead of `update`: ``reset(**values)``
starts a run from the sliders' values, ``step(k)`` advances it k steps,
``draw()`` changes the figure's artists for the run as it is now (and may
return a text). Play calls ``step(k)`` then draws, k = the "steps/frame"
control; Step takes one step; Reset calls ``reset``; the counter shows the
steps taken. A slider named in ``restart`` (the data, the width: what
defines the problem) restarts the run; any other (the learning rate)
acts on the running model: ``trainer.tune(**values)`` if the trainer has
it, else the trainer's attribute of that name is set. Same pacing, and an
error pauses the run and shows in red::

    class Descent:                  # gradient descent on (w - a)**2
        def reset(self, a, lr):     # every slider's value, by name
            self.a, self.lr, self.w = a, lr, -2.0
        def step(self, k):          # k steps forward
            for _ in range(k):
                self.w -= self.lr * 2 * (self.w - self.a)
        def draw(self):             # the picture now (and a text)
            dot.set_data([self.w], [(self.w - self.a) ** 2])
            return f"w = {self.w:.3f}"

    explorer = widgets.Explorer(fig, None, {"a": a_slider, "lr": lr_slider},
        trainer=Descent(), restart=["a"], counter="step", max_steps=100)

Here a move of ``a`` starts again from w = -2; a move of ``lr`` sets
``trainer.lr`` and the run goes on. Without ``restart`` every slider
restarts the run.

A trainer whose run ends by itself (a solver that has converged) says so
with an attribute ``done``: while it is true, Play pauses, Step does
nothing and the counter stops, and Play starts a fresh run. ``step(k)``
may return the number of steps it really took (fewer than k when the run
ended on the way); the counter counts those.
"""
import asyncio
import html
import io
import time

import ipywidgets
import numpy as np
import traitlets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from PIL import Image

from helpers import validation


def _inner_artists(ax):
    """What a slider may change inside `ax`, in drawing order (nothing
    when `ax` is hidden)."""
    if not ax.get_visible():
        return []
    frame = {ax.patch, ax.xaxis, ax.yaxis, *ax.spines.values()}
    return sorted((a for a in ax.get_children()
                   if a not in frame and a.get_visible()
                   and not a.get_animated()),
                  key=lambda a: a.get_zorder())


def _check_move(slider, name, value):
    """A number slider takes a finite number inside its range, as a
    learner dragging it could choose (an int slider: a whole number); a
    choice takes one of its options."""
    where, what = "Explorer.set", f"slider {name!r}"
    if hasattr(slider, "options"):       # a choice: traitlets checks it,
        if value is None:                # but takes None for "no choice"
            raise ValueError(f"{where}: {what} takes one of its options, "
                             f"got None")
        return
    now = slider.value
    if isinstance(now, bool) or not isinstance(now, (int, float)):
        return                           # a text: traitlets checks it
    number = validation.as_number(value, what, where)
    if isinstance(now, int) and number != int(number):
        raise ValueError(f"{where}: {what} takes whole numbers, "
                         f"got {value!r}")
    low, high = getattr(slider, "min", None), getattr(slider, "max", None)
    if isinstance(slider, ipywidgets.FloatLogSlider):   # min, max: powers
        low, high = slider.base ** low, slider.base ** high
    slack = 1e-9 * (high - low) if low is not None else 0    # round-off
    if low is not None and not low - slack <= number <= high + slack:
        raise ValueError(f"{where}: {what} goes from {low:g} to {high:g}, "
                         f"got {value!r}")


def _check_play(play, sliders):
    """`play`: None, or the name of an IntSlider among `sliders`."""
    if play is None:
        return None
    names = list(sliders)
    if not isinstance(play, str):
        raise TypeError(f"Explorer: play must be None or the name of an "
                        f"IntSlider among the sliders {names}, got "
                        f"{play!r} ({type(play).__name__})")
    if play not in sliders:
        raise ValueError(f"Explorer: play must name an IntSlider among the "
                         f"sliders {names}, got {play!r}")
    if not isinstance(sliders[play], ipywidgets.IntSlider):
        raise ValueError(f"Explorer: play must name an IntSlider, got "
                         f"{play!r}, a {type(sliders[play]).__name__}")
    return play


def _short(value):
    """`value` named for a message: its type and a short repr."""
    if callable(value) and hasattr(value, "__name__"):
        return f"the function {value.__name__}"
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{type(value).__name__} {text}"


def _check_trainer(trainer, update, play):
    """`trainer`: None, or an object with reset, step and draw."""
    if trainer is None:
        return None
    missing = [m for m in ("reset", "step", "draw")
               if not callable(getattr(trainer, m, None))]
    if missing:
        raise TypeError(f"Explorer: trainer must be an object with the "
                        f"methods reset(**values), step(k) and draw(), "
                        f"got {_short(trainer)} without "
                        f"{', '.join(missing)}")
    if update is not None:
        raise TypeError(f"Explorer: with a trainer, update must be None "
                        f"(the trainer draws), got {_short(update)}")
    if play is not None:
        raise ValueError(f"Explorer: give play (a slider to play) or a "
                         f"trainer, not both; got play={play!r}")
    return trainer


def _check_restart(restart, sliders, trainer):
    """`restart`: the names of the sliders whose move restarts the run."""
    names = list(sliders)
    if restart is None:
        return tuple(names)
    chosen = (restart,) if isinstance(restart, str) else restart
    try:
        chosen = tuple(chosen)
    except TypeError:
        raise TypeError(f"Explorer: restart must be a list of slider "
                        f"names, got {_short(restart)}") from None
    for name in chosen:
        if name not in sliders:
            raise ValueError(f"Explorer: restart must name sliders among "
                             f"{names}, got {name!r}")
    if trainer is None:
        raise ValueError(f"Explorer: restart names the sliders that "
                         f"restart a trainer's run, but there is no "
                         f"trainer (trainer=None); got restart={restart!r}")
    return chosen


def _check_counter(counter, play, trainer):
    """`counter`: None, or the word the counter counts ("epoch")."""
    if counter is None:
        return None
    if not isinstance(counter, str):
        raise TypeError(f"Explorer: counter must be a word such as "
                        f"'epoch', got {_short(counter)}")
    if not counter.strip():
        raise ValueError(f"Explorer: counter must be a word such as "
                         f"'epoch', got the empty string {counter!r}")
    if play is None and trainer is None:
        raise ValueError(f"Explorer: counter={counter!r} names what Play "
                         f"counts, but there is no play slider nor "
                         f"trainer (play=None, trainer=None)")
    return counter


def figure(nrows=1, ncols=1, figsize=(8, 3.6), **subplot_kw):
    """A figure for an explorer: (fig, axes), like `plt.subplots`.

    The figure is not managed by pyplot, so the notebook does not also
    show a static copy of it under the cell.
    """
    nrows = validation.as_positive(nrows, "nrows", "figure", integer=True)
    ncols = validation.as_positive(ncols, "ncols", "figure", integer=True)
    size = validation.as_vector(figsize, "figsize", 2, "figure")
    if np.any(size <= 0):
        raise ValueError(f"figure: figsize must be (width, height) in "
                         f"inches, both positive, got {figsize!r}")
    fig = Figure(figsize=figsize, layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(nrows, ncols, **subplot_kw)
    return fig, axes


class Explorer:
    """Sliders that re-run `update(**values)` and redraw `fig`.

    Parameters
    ----------
    fig : matplotlib Figure whose artists `update` changes in place
    update : function called with every slider's value by name; it may
        return a string, shown under the figure (plain text, monospaced);
        None when a `trainer` draws
    sliders : dict of name -> ipywidgets slider, in display order
    dpi : resolution of the picture sent to the browser
    play : None (no play controls), or the name of an ipywidgets.IntSlider
        among `sliders` (e.g. "epoch"): Play / Pause / Step / Reset, a
        speed in frames per second and a counter then sit above the
        sliders, and move that slider by its step
    trainer : None, or an object with ``reset(**values)``, ``step(k)`` and
        ``draw()`` (and, optionally, ``tune(**values)``) that trains as it
        plays (see the module's docstring); then `update` is None and the
        play controls also hold a "steps/frame" control
    restart : with a trainer, the names of the sliders whose move restarts
        the run (default: all of them); a move of any other is passed on
        to the running model
    counter : the word the counter counts ("epoch"); default: the play
        slider's description (or name), or "step" for a trainer
    max_steps : with a trainer, None (Play runs until paused) or the
        steps of a whole run (Play pauses there; the counter says "of")
    per_frame : with a trainer, the steps Play takes per frame at first

    Attributes
    ----------
    sliders : the dict of sliders; ``explorer.sliders["lr"].value = 0.1``
        redraws, as does `set`
    error : None, or the message of the last failed update (shown in red,
        the previous picture kept)
    widget : the ipywidgets box the notebook displays
    playing : whether Play is running (read only; `play`, `pause`)
    count : where the run is: the play slider's value, or the steps the
        trainer took since its reset; None without play controls
    controls : None, or the row of play controls (not among `sliders`)
    counter : None, or the label in `controls` that shows `count`
    per_frame : None, or the "steps/frame" control (with a trainer)
    """

    def __init__(self, fig, update, sliders, dpi=80, play=None, *,
                 trainer=None, restart=None, counter=None, max_steps=None,
                 per_frame=1):
        if not isinstance(fig, Figure):
            raise TypeError(
                f"Explorer: fig must be a matplotlib Figure, "
                f"got {'None' if fig is None else type(fig).__name__}")
        self.trainer = _check_trainer(trainer, update, play)
        if trainer is None:
            validation.as_function(update, "update", "Explorer",
                                   takes="the sliders' values by name")
        if not isinstance(sliders, dict):
            got = "None" if sliders is None else type(sliders).__name__
            raise TypeError(f"Explorer: sliders must be a dict of name -> "
                            f"ipywidgets slider, got {got}")
        if not sliders:
            raise ValueError("Explorer: sliders must name at least one "
                             "slider, got none")
        for name, slider in sliders.items():
            if not isinstance(name, str):
                raise TypeError(f"Explorer: slider names must be strings "
                                f"(update's argument names), got {name!r}")
            if not isinstance(slider, ipywidgets.ValueWidget):
                raise TypeError(
                    f"Explorer: slider {name!r} must be an ipywidgets "
                    f"slider, got {type(slider).__name__}")
        self.fig, self.update, self.sliders = fig, update, dict(sliders)
        self.dpi = validation.as_positive(dpi, "dpi", "Explorer")
        self._play = _check_play(play, self.sliders)
        self.restart = _check_restart(restart, self.sliders, trainer)
        self._counter_name = _check_counter(counter, play, trainer)
        self.max_steps = None
        if max_steps is not None:
            self.max_steps = validation.as_positive(
                max_steps, "max_steps", "Explorer", integer=True)
        first = validation.as_positive(per_frame, "per_frame", "Explorer",
                                       integer=True)
        if trainer is None and (max_steps is not None or first != 1):
            raise ValueError(
                f"Explorer: max_steps and per_frame are for a trainer, "
                f"but there is no trainer (trainer=None); got "
                f"max_steps={max_steps!r}, per_frame={per_frame!r}")
        self.error = None
        self._count = 0                     # a trainer's steps
        self._frame = self._background = None
        self._playing, self._timer = False, None
        self.image = ipywidgets.Image(format="png")
        self.text = ipywidgets.HTML()
        for name, slider in self.sliders.items():
            slider.style.description_width = "initial"
            slider.observe(lambda change, name=name:
                           self._on_change(change, name), names="value")
        rows = [ipywidgets.HBox(list(self.sliders.values()),
                                layout=ipywidgets.Layout(
                                    flex_flow="row wrap")),
                self.image, self.text]
        self.controls = self.counter = self.per_frame = None
        if self._play is not None or trainer is not None:
            self.controls = self._make_controls(first)
            rows.insert(0, self.controls)
        self.widget = ipywidgets.VBox(rows)
        if trainer is None:
            self.redraw()
            return
        self._restart_run()
        if self.error is None and not hasattr(trainer, "tune"):
            for name in self.sliders:     # a move must reach the model
                if name not in self.restart and not hasattr(trainer, name):
                    raise ValueError(
                        f"Explorer: slider {name!r} does not restart the "
                        f"run (restart={list(self.restart)}), so the "
                        f"trainer must have a method tune(**values) or an "
                        f"attribute {name!r} to set; "
                        f"{type(trainer).__name__} has neither")

    @property
    def values(self):
        """The sliders' current values, by name."""
        return {name: s.value for name, s in self.sliders.items()}

    def set(self, **values):
        """Move sliders by name, as a learner would; each move redraws."""
        for name, value in values.items():
            if name not in self.sliders:
                raise ValueError(
                    f"Explorer.set: no slider named {name!r}; "
                    f"the sliders are {sorted(self.sliders)}")
            _check_move(self.sliders[name], name, value)
            try:
                self.sliders[name].value = value
            except traitlets.TraitError:    # not an option, not a text
                options = getattr(self.sliders[name], "options", None)
                known = "" if options is None else \
                    f"; its options are {list(options)}"
                raise ValueError(f"Explorer.set: slider {name!r} cannot "
                                 f"take {value!r}{known}") from None
        return self

    def png(self):
        """The figure as PNG bytes, at the explorer's dpi.

        Most of a full draw goes on the axes' frames, ticks and labels,
        which a slider rarely changes. So they are drawn once, kept as a
        background, and each move draws only what sits inside the axes
        (lines, points, images, texts, titles, legends) on top of a copy
        of it. When any axes' limits, scale or place change, everything is
        drawn afresh and a new background kept.
        """
        canvas = self.fig.canvas
        self.fig.set_dpi(self.dpi)
        frame = self._frame_state()
        if frame != self._frame:
            self._draw_background()
            self._frame = frame
        canvas.restore_region(self._background)
        for ax in self.fig.axes:
            for artist in _inner_artists(ax):
                ax.draw_artist(artist)
        for artist in sorted(self.fig.texts + self.fig.legends,
                             key=lambda a: a.get_zorder()):
            self.fig.draw_artist(artist)
        pixels = np.asarray(canvas.buffer_rgba())
        buffer = io.BytesIO()
        Image.fromarray(pixels).save(buffer, format="png", compress_level=1)
        return buffer.getvalue()

    def _frame_state(self):
        # what the background depends on: size, and each axes' frame
        # (a figure may show or hide axes between frames: a network's
        # layers when its depth changes)
        return (tuple(self.fig.get_size_inches()), self.fig.dpi,
                tuple((ax.get_visible(), ax.get_position().bounds,
                       ax.get_xlim(),
                       ax.get_ylim(), ax.get_xscale(), ax.get_yscale(),
                       ax.get_xlabel(), ax.get_ylabel(),
                       tuple(ax.get_xticks()), tuple(ax.get_yticks()))
                      for ax in self.fig.axes))

    def _draw_background(self):
        # a full draw (which also places the titles), then one without the
        # inner artists, kept as the background
        inner = [a for ax in self.fig.axes for a in _inner_artists(ax)]
        inner += self.fig.texts + self.fig.legends
        self.fig.canvas.draw()
        # The layout is worked out by that first full draw, then kept: it
        # must not change when the inner artists are hidden, and re-doing
        # it on every move would cost as much as the drawing itself.
        self.fig.set_layout_engine("none")
        placed = [(a, a.get_position()) for a in inner
                  if hasattr(a, "get_position") and hasattr(a, "get_text")]
        shown = [a.get_visible() for a in inner]
        for artist in inner:
            artist.set_visible(False)
        self.fig.canvas.draw()
        self._background = self.fig.canvas.copy_from_bbox(self.fig.bbox)
        for artist, visible in zip(inner, shown):
            artist.set_visible(visible)
        for text, position in placed:       # titles stay where they were
            text.set_position(position)

    def redraw(self):
        """Run `update` with the current values (or the trainer's `draw`)
        and show the new figure."""
        self._show_count()
        try:
            if self.trainer is None:
                message = self.update(**self.values)
            else:
                message = self.trainer.draw()
            picture = self.png()
        except Exception as exc:           # shown to the learner, not lost
            self._show_error(exc)
            return
        self.error = None
        self.image.value = picture
        self.text.value = ("" if message is None else
                           f"<pre>{html.escape(str(message))}</pre>")

    def _show_error(self, exc):
        self.error = f"{type(exc).__name__}: {exc}"
        self.text.value = (
            "<pre style='color:#b00020'>Could not redraw: "
            f"{html.escape(self.error)}</pre>")

    def _on_change(self, change, name):
        if self.trainer is None:
            self.redraw()
        elif name in self.restart:          # a new problem: a new run
            self._restart_run()
        else:                               # the running model is tuned
            try:
                if hasattr(self.trainer, "tune"):
                    self.trainer.tune(**self.values)
                elif hasattr(self.trainer, name):
                    setattr(self.trainer, name, change["new"])
                else:
                    raise AttributeError(
                        f"{type(self.trainer).__name__} has no method "
                        f"tune(**values) nor an attribute {name!r}")
            except Exception as exc:
                self._show_error(exc)
            else:
                self.redraw()
        if self.trainer is not None and self.error is not None:
            self._set_playing(False)

    # -- Play ------------------------------------------------------------

    def _make_controls(self, per_frame):
        self.play_button = ipywidgets.ToggleButton(
            value=False, description="Play", icon="play",
            tooltip="play the training, one step per frame",
            layout=ipywidgets.Layout(width="90px"))
        self.step_button = ipywidgets.Button(
            description="Step", icon="step-forward", tooltip="one step",
            layout=ipywidgets.Layout(width="90px"))
        self.reset_button = ipywidgets.Button(
            description="Reset", icon="fast-backward",
            tooltip="back to the start", layout=ipywidgets.Layout(
                width="90px"))
        self.speed = ipywidgets.IntSlider(
            value=10, min=1, max=20, description="frames/s",
            style={"description_width": "initial"})
        self.play_button.observe(self._on_play_button, names="value")
        self.step_button.on_click(lambda _: self.step())
        self.reset_button.on_click(lambda _: self.reset())
        items = [self.play_button, self.step_button, self.reset_button,
                 self.speed]
        if self.trainer is not None:
            self.per_frame = ipywidgets.SelectionSlider(
                options=sorted({1, 2, 5, 10, 20, 50, 100, per_frame}),
                value=per_frame, description="steps/frame",
                style={"description_width": "initial"})
            items.append(self.per_frame)
        self.counter = ipywidgets.Label(
            layout=ipywidgets.Layout(min_width="9em"))
        self.counter.add_class("explorer-play-counter")
        items.append(self.counter)
        row = ipywidgets.HBox(items, layout=ipywidgets.Layout(
            flex_flow="row wrap", align_items="center"))
        row.add_class("explorer-play-controls")     # for the browser test
        return row

    @property
    def count(self):
        """Where the run is: the play slider's value, or the steps the
        trainer took since its reset (None without play controls)."""
        if self.trainer is not None:
            return self._count
        if self._play is not None:
            return self.sliders[self._play].value
        return None

    def _show_count(self):
        if self.counter is None:
            return
        if self.trainer is not None:
            name, end = self._counter_name or "step", self.max_steps
        else:
            slider = self.sliders[self._play]
            name = (self._counter_name or slider.description.strip()
                    or self._play)
            end = slider.max
        of = "" if end is None else f" of {end}"
        self.counter.value = f"{name} {self.count}{of}"

    def _needs_play(self, what):
        if self.controls is None:
            raise ValueError(f"Explorer.{what}: this explorer has no play "
                             f"controls (it was made with play=None and "
                             f"no trainer); give Explorer play='<name of "
                             f"an IntSlider>' or trainer=...")

    @property
    def playing(self):
        """Whether Play is running."""
        return self._playing

    def _at_end(self):
        if self.trainer is not None:
            if getattr(self.trainer, "done", False):
                return True
            return self.max_steps is not None and \
                self._count >= self.max_steps
        slider = self.sliders[self._play]
        return slider.value >= slider.max

    def play(self):
        """Start Play: one step per frame (a trainer: steps/frame steps),
        up to the end (the play slider's max, the trainer's max_steps),
        where Play pauses by itself. At the end it starts again from the
        start. In a kernel it returns at once (the frames run on the
        kernel's event loop); outside a running event loop it plays
        through to the end first (with a trainer: to max_steps or until
        it is done, or at once if it has neither)."""
        self._needs_play("play")
        if self._playing:
            return self
        if self._at_end():
            self._restart_run()
        self._set_playing(True)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:                # a script: play it out here
            loop = None
        if loop is not None:
            self._timer = loop.call_later(self._period(), self._tick)
            return self
        if self.trainer is not None and self.max_steps is None \
                and not hasattr(self.trainer, "done"):
            self._set_playing(False)        # no end to play to
        while self._playing:
            time.sleep(self._period())
            self._frame_once()
        return self

    def pause(self):
        """Stop Play; the picture stays where it is."""
        self._needs_play("pause")
        self._set_playing(False)
        return self

    def step(self, n=1):
        """Pause, and take `n` steps forward (the play slider's step, or
        steps of the trainer), with one redraw: the Step button takes
        one; a lesson may open its explorer further on with
        ``explorer.step(500)``. Never beyond the end."""
        self._needs_play("step")
        n = validation.as_positive(n, "n", "Explorer.step", integer=True)
        self._set_playing(False)
        if not self._at_end():
            self._advance(n)
        return self

    def reset(self):
        """Pause, and go back to the first picture (the play slider at its
        min, or the trainer reset from the sliders' values)."""
        self._needs_play("reset")
        self._set_playing(False)
        self._restart_run()
        return self

    def _period(self):
        return 1.0 / self.speed.value

    def _restart_run(self):
        if self.trainer is None:
            self._move_to(self.sliders[self._play].min)
            return
        self._count = 0
        try:
            self.trainer.reset(**self.values)
        except Exception as exc:
            self._show_count()
            self._show_error(exc)
            return
        self.redraw()

    def _advance(self, steps):
        # `steps` steps forward: the play slider's step each, or the
        # trainer's (never beyond the end)
        if self.trainer is None:
            slider = self.sliders[self._play]
            self._move_to(min(slider.value + steps * slider.step,
                              slider.max))
            return
        if self.max_steps is not None:
            steps = min(steps, self.max_steps - self._count)
        try:
            taken = self.trainer.step(steps)
            if taken is not None:
                taken = validation.as_positive(
                    taken, "the steps trainer.step(k) returned", "Explorer",
                    integer=True, allow_zero=True)
                if not 0 <= taken <= steps:
                    raise ValueError(
                        f"Explorer: trainer.step({steps}) must return the "
                        f"steps it took, from 0 to {steps} (or None), got "
                        f"{taken}")
        except Exception as exc:
            self._show_error(exc)
            return
        self._count += steps if taken is None else int(taken)
        self.redraw()

    def _move_to(self, value):
        slider = self.sliders[self._play]
        if slider.value == value:
            self.redraw()                   # e.g. after an error
        else:
            slider.value = value            # redraws

    def _set_playing(self, playing):
        self._playing = playing
        if not playing and self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self.play_button.value != playing:
            self.play_button.value = playing    # -> _on_play_button
        self.play_button.description = "Pause" if playing else "Play"
        self.play_button.icon = "pause" if playing else "play"

    def _on_play_button(self, change):
        if change["new"] and not self._playing:
            self.play()
        elif not change["new"] and self._playing:
            self.pause()

    def _frame_once(self):
        # one frame: forward; pause at the end or on an error
        if not self._at_end():
            self._advance(1 if self.trainer is None
                          else self.per_frame.value)
        if self.error is not None or self._at_end():
            self._set_playing(False)

    def _tick(self):
        # called by the event loop; schedules the next frame only once
        # this one is done, so frames never queue up. (A test may call it
        # by hand to drive a frame: the frame it replaces is cancelled.)
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if not self._playing:
            return
        start = time.perf_counter()
        try:
            self._frame_once()
        except Exception as exc:            # e.g. another observer failed
            self._show_error(exc)
            self._set_playing(False)
        if self._playing:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:            # driven by hand, no loop
                return
            took = time.perf_counter() - start
            self._timer = loop.call_later(
                max(0.0, self._period() - took), self._tick)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

"""The thin shared package the course's notebooks import.

Each module holds code that more than one lesson needs, promoted out of the
lesson that introduced it (its docstring says which). The models a lesson
teaches stay in that lesson's notebook, where the learner reads them.

Modules
-------
validation   clear ``ValueError`` and ``TypeError`` messages for bad input
             (shape, NaN, empty, strings, complex numbers, None, ...)
data         the bundled and toy datasets
activations  the numerically stable sigmoid and its derivative
gradcheck    centred finite differences and the relative error
timing       best-of-n timings printed in the forms the tests mask
trees        the course's decision trees (classification and regression)
plotting     class scatter plots, decision lines and regions, loss curves
widgets      the slider explorer that redraws one figure in place
checks       friendly verdicts for the exercises

Import them qualified, so a reader sees what came from outside the lesson::

    from helpers import plotting
    plotting.decision_regions(predict, X, y)
"""

"""scikit-learn's own estimator checks, run on a lesson's models.

Every model a lesson teaches inherits `sklearn.base.BaseEstimator` and the
mixin of its kind, so scikit-learn's suite of estimator checks applies to
it. A teaching simplification may fail a few of them; each such check is
named, with the reason, in the lesson's test file, and the run is strict:
a check named as failing that passes is an error too, so the list stays
true.

Use in a lesson's test file:

    from estimator_checks import COURSE_VALIDATION, sklearn_checks

    EXPECTED_FAILURES = {"KNNClassifier": COURSE_VALIDATION,
                         "KNNRegressor": COURSE_VALIDATION}

    @sklearn_checks([KNNClassifier(), KNNRegressor()], EXPECTED_FAILURES)
    def test_scikit_learn_estimator_checks(estimator, check):
        check(estimator)
"""
from sklearn.utils.estimator_checks import parametrize_with_checks

# The checks every model of the course fails on purpose: its input goes
# through helpers.validation, whose messages name the function, what was
# expected and what came, in the course's words rather than scikit-learn's,
# and which keeps two rules of its own (a 1-D X is one sample; a target is
# flat). A lesson adds its own, each with its reason.
COURSE_VALIDATION = {
    "check_n_features_in_after_fitting":
        "the wrong number of features is refused in the course's words "
        "('predict: X must have shape (n_samples, 4), got (10, 3)'), not "
        "scikit-learn's 'X has 3 features, but ... is expecting 4'",
    "check_fit2d_predict1d":
        "helpers.validation reads a 1-D X of n_features numbers as one "
        "sample (a learner's single query), where scikit-learn refuses it",
    "check_supervised_y_2d":
        "a y of shape (n, 1) is refused with 'flatten it with .ravel()' "
        "(the course's rule: (n,) and (n, 1) mixed make (n, n) matrices, "
        "lesson 05), where scikit-learn warns and flattens",
    "check_complex_data":
        "complex X is a TypeError naming the complex numbers, where "
        "scikit-learn expects a ValueError",
    "check_requires_y_none":
        "fit(X, None) is a TypeError ('y must be ... numbers, got None'), "
        "where scikit-learn expects a ValueError",
    "check_dtype_object":
        "an object array of dicts is refused in the course's words ('got "
        "an object array holding dict values'), not scikit-learn's",
    "check_estimators_empty_data_messages":
        "X with 0 features is refused as 'X must not be empty, got shape "
        "(12, 0)', not with scikit-learn's '0 feature(s)' message",
}


def sklearn_checks(estimators, expected_failures):
    """`parametrize_with_checks` over `estimators`, strict, with the
    checks each class is expected to fail: `expected_failures` maps a
    class name to {check name: why}."""
    known = {type(e).__name__ for e in estimators}
    unknown = set(expected_failures) - known
    if unknown:
        raise ValueError(f"expected failures name {sorted(unknown)}, which "
                         f"are not among the estimators {sorted(known)}")
    return parametrize_with_checks(
        list(estimators),
        expected_failed_checks=lambda e: expected_failures.get(
            type(e).__name__, {}),
        xfail_strict=True)

"""scikit-learn's own estimator checks, run on a lesson's models.

Every model a lesson teaches inherits `sklearn.base.BaseEstimator` and the
mixin of its kind, so scikit-learn's suite of estimator checks applies to
it. A teaching simplification may fail a few of them; each such check is
named, with the reason, in the lesson's test file, and the run is strict:
a check named as failing that passes is an error too, so the list stays
true.

Use in a lesson's test file:

    from estimator_checks import sklearn_checks

    EXPECTED_FAILURES = {
        "KNNClassifier": {
            "check_sample_weight_equivalence_on_dense_data":
                "fit takes no sample_weight: the lesson votes one per "
                "neighbour",
        },
    }

    @sklearn_checks([KNNClassifier(), KNNRegressor()], EXPECTED_FAILURES)
    def test_scikit_learn_estimator_checks(estimator, check):
        check(estimator)
"""
from sklearn.utils.estimator_checks import parametrize_with_checks


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

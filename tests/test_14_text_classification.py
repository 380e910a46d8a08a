"""The tokeniser, vectorisers and naive Bayes of 14-text-classification.ipynb
(its cells tagged `model`), checked against scikit-learn's CountVectorizer,
TfidfVectorizer and MultinomialNB, run through scikit-learn's own estimator
checks and its Pipeline, and fed bad input; and the lesson's Play."""
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse
from sklearn.base import clone
from sklearn.feature_extraction import text as sk_text
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.naive_bayes import MultinomialNB as SkMultinomialNB
from sklearn.pipeline import make_pipeline

from estimator_checks import COURSE_VALIDATION, sklearn_checks
from helpers import data
from notebook_code import load_model

NOTEBOOK = "14-text-classification.ipynb"
VECTORIZERS = ("CountVectorizer", "TfidfVectorizer")
SKLEARN_DEFAULT_PATTERN = r"(?u)\b\w\w+\b"


@pytest.fixture(scope="module")
def lesson():
    return load_model(NOTEBOOK)


@pytest.fixture(scope="module")
def sms():
    """The lesson's split: (texts_train, texts_test, y_train, y_test)."""
    texts, y = data.sms_spam()
    return train_test_split(texts, y, test_size=0.25, stratify=y,
                            random_state=0)


@pytest.fixture(scope="module")
def counts(lesson, sms):
    """Counts of the lesson's split with the full training vocabulary."""
    texts_train, texts_test, y_train, y_test = sms
    vectorizer = lesson["CountVectorizer"]().fit(texts_train)
    return (vectorizer.transform(texts_train), vectorizer.transform(
        texts_test), y_train, y_test)


# --- the tokeniser -------------------------------------------------------------

@pytest.mark.parametrize("text, tokens", [
    ("WIN £1000 cash!", ["win", "1000", "cash"]),
    ("T&C apply", ["t", "c", "apply"]),
    ("in &lt;#&gt; min", ["in", "lt", "gt", "min"]),
    ("gr8 2 C U", ["gr8", "2", "c", "u"]),
    ("Ü sure?", ["ü", "sure"]),
    (":-) :-)", []),
    ("", []),
])
def test_tokenize(lesson, text, tokens):
    assert lesson["tokenize"](text) == tokens


def test_tokenize_keeps_case_when_asked(lesson):
    assert lesson["tokenize"]("Free FREE", lowercase=False) == ["Free",
                                                                "FREE"]


# --- vectorisers against scikit-learn ------------------------------------------

@pytest.mark.parametrize("min_df", [1, 2, 3, 7])
@pytest.mark.parametrize("lowercase", [True, False])
@pytest.mark.parametrize("pattern", [r"\w+", SKLEARN_DEFAULT_PATTERN])
def test_counts_equal_sklearn(lesson, sms, min_df, lowercase, pattern):
    texts_train, texts_test, _, _ = sms
    ours = lesson["CountVectorizer"](min_df=min_df, lowercase=lowercase,
                                     token_pattern=pattern)
    theirs = sk_text.CountVectorizer(min_df=min_df, lowercase=lowercase,
                                     token_pattern=pattern)
    X_ours = ours.fit_transform(texts_train)
    X_theirs = theirs.fit_transform(texts_train).toarray()
    assert ours.vocabulary_ == theirs.vocabulary_
    assert list(ours.vocabulary_) == list(theirs.get_feature_names_out())
    assert list(ours.get_feature_names_out()) == list(
        theirs.get_feature_names_out())
    assert np.array_equal(X_ours, X_theirs)
    assert np.array_equal(ours.transform(texts_test),
                          theirs.transform(texts_test).toarray())
    assert np.array_equal(ours.fit(texts_train).transform(texts_train),
                          X_ours), "fit then transform = fit_transform"


@pytest.mark.parametrize("norm", ["l2", "l1", None])
@pytest.mark.parametrize("smooth_idf", [True, False])
@pytest.mark.parametrize("sublinear_tf", [False, True])
@pytest.mark.parametrize("min_df", [1, 3])
def test_tfidf_within_1e_12_of_sklearn(lesson, sms, norm, smooth_idf,
                                       sublinear_tf, min_df):
    texts_train, texts_test, _, _ = sms
    settings = dict(norm=norm, smooth_idf=smooth_idf,
                    sublinear_tf=sublinear_tf, min_df=min_df)
    ours = lesson["TfidfVectorizer"](**settings)
    theirs = sk_text.TfidfVectorizer(token_pattern=r"\w+", **settings)
    gap_train = np.max(np.abs(ours.fit_transform(texts_train)
                              - theirs.fit_transform(texts_train).toarray()))
    gap_test = np.max(np.abs(ours.transform(texts_test)
                             - theirs.transform(texts_test).toarray()))
    assert ours.vocabulary_ == theirs.vocabulary_
    assert np.max(np.abs(ours.idf_ - theirs.idf_)) < 1e-12
    assert gap_train < 1e-12 and gap_test < 1e-12


def test_tfidf_with_sklearns_default_pattern(lesson, sms):
    texts_train, texts_test, _, _ = sms
    ours = lesson["TfidfVectorizer"](token_pattern=SKLEARN_DEFAULT_PATTERN)
    theirs = sk_text.TfidfVectorizer().fit(texts_train)
    gap = np.max(np.abs(ours.fit(texts_train).transform(texts_test)
                        - theirs.transform(texts_test).toarray()))
    assert gap < 1e-12


def test_tfidf_rows_have_unit_length_and_empty_rows_stay_zero(lesson, sms):
    texts_train, _, _, _ = sms
    tfidf = lesson["TfidfVectorizer"]().fit(texts_train)
    X = tfidf.transform(["WIN a prize now", ":-)", "zzqx blorp", "ok lor"])
    assert np.all(np.isfinite(X))
    lengths = np.linalg.norm(X, axis=1)
    assert np.allclose(lengths, [1, 0, 0, 1])
    X_l1 = lesson["TfidfVectorizer"](norm="l1").fit(texts_train).transform(
        [":-)", "call me"])
    assert np.all(np.isfinite(X_l1))
    assert np.allclose(X_l1.sum(axis=1), [0, 1])


def test_normalize_rows_leaves_zero_rows(lesson):
    X = np.array([[3.0, 4.0], [0.0, 0.0]])
    assert np.allclose(lesson["normalize_rows"](X), [[0.6, 0.8], [0, 0]])
    assert np.allclose(lesson["normalize_rows"](X, "l1"),
                       [[3 / 7, 4 / 7], [0, 0]])
    assert lesson["normalize_rows"](X, None) is X


def test_idf_formulas(lesson):
    df = np.array([1, 5, 10])
    assert np.allclose(lesson["inverse_document_frequency"](df, 10),
                       np.log(11 / (1 + df)) + 1)
    assert np.allclose(lesson["inverse_document_frequency"](df, 10, False),
                       np.log(10 / df) + 1)


# --- the vocabulary -------------------------------------------------------------

def test_min_df_counts_documents_not_occurrences(lesson):
    texts = ["la la la", "ok", "ok then", "then"]
    vectorizer = lesson["CountVectorizer"](min_df=2).fit(texts)
    assert vectorizer.vocabulary_ == {"ok": 0, "then": 1}


def test_repeated_words_are_all_counted(lesson):
    X = lesson["CountVectorizer"]().fit_transform(["la la la", "la di"])
    assert np.array_equal(X, [[0, 3], [1, 1]])


def test_vocabulary_sorted_and_columns_match(lesson, sms):
    texts_train = sms[0]
    vectorizer = lesson["CountVectorizer"]().fit(texts_train)
    words = list(vectorizer.vocabulary_)
    assert words == sorted(words)
    assert list(vectorizer.vocabulary_.values()) == list(range(len(words)))


def test_vocabulary_is_the_same_under_any_hash_seed(sms):
    # the source's set-ordered vocabulary changed between processes
    code = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from notebook_code import load_model\n"
        "texts = json.load(sys.stdin)\n"
        f"v = load_model({NOTEBOOK!r})['CountVectorizer']().fit(texts)\n"
        "print(json.dumps(list(v.vocabulary_.items())))\n")
    orders = []
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", code], input=json.dumps(sms[0]),
            capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": seed})
        orders.append(done.stdout)
    assert orders[0] == orders[1]


def test_unknown_words_are_ignored(lesson, sms, counts):
    texts_train = sms[0]
    X_train, _, y_train, _ = counts
    vectorizer = lesson["CountVectorizer"]().fit(texts_train)
    model = lesson["MultinomialNB"]().fit(X_train, y_train)
    plain = vectorizer.transform(["call me now"])
    noisy = vectorizer.transform(["call zzqx me blorpf now qwxv"])
    assert np.array_equal(plain, noisy)
    assert not vectorizer.transform(["zzqx blorpf"]).any()
    assert np.allclose(model.predict_log_proba(noisy),
                       model.predict_log_proba(plain))


def test_refit_starts_afresh(lesson):
    vectorizer = lesson["TfidfVectorizer"]().fit(["a b c", "c d"])
    vectorizer.fit(["x y", "y z"])
    assert vectorizer.vocabulary_ == {"x": 0, "y": 1, "z": 2}
    assert vectorizer.idf_.shape == (3,)


# --- naive Bayes against scikit-learn --------------------------------------------

@pytest.mark.parametrize("alpha", [0.01, 0.1, 0.5, 1.0, 2.5, 10.0])
@pytest.mark.parametrize("min_df", [1, 2, 5])
def test_naive_bayes_equals_sklearn(lesson, sms, alpha, min_df):
    texts_train, texts_test, y_train, _ = sms
    vectorizer = lesson["CountVectorizer"](min_df=min_df).fit(texts_train)
    X_train = vectorizer.transform(texts_train)
    X_test = vectorizer.transform(texts_test)
    ours = lesson["MultinomialNB"](alpha=alpha).fit(X_train, y_train)
    theirs = SkMultinomialNB(alpha=alpha).fit(X_train, y_train)
    assert np.array_equal(ours.predict(X_test), theirs.predict(X_test))
    assert np.max(np.abs(ours.predict_log_proba(X_test)
                         - theirs.predict_log_proba(X_test))) < 1e-9
    assert np.max(np.abs(ours.feature_log_prob_
                         - theirs.feature_log_prob_)) < 1e-12
    assert np.max(np.abs(ours.class_log_prior_
                         - theirs.class_log_prior_)) < 1e-12
    assert np.array_equal(ours.classes_, theirs.classes_)
    assert np.allclose(ours.predict_proba(X_test).sum(axis=1), 1.0,
                       rtol=0, atol=1e-12)


def test_naive_bayes_three_string_classes_on_poisson_counts(lesson):
    rng = np.random.default_rng(1)
    y = rng.choice(np.array(["ham", "spam", "promo"]), size=300)
    rates = rng.gamma(0.5, 1.0, size=(3, 40))
    X = rng.poisson(rates[np.searchsorted(np.unique(y), y)]).astype(float)
    ours = lesson["MultinomialNB"](alpha=0.3).fit(X[:200], y[:200])
    theirs = SkMultinomialNB(alpha=0.3).fit(X[:200], y[:200])
    assert list(ours.classes_) == ["ham", "promo", "spam"]
    assert np.array_equal(ours.predict(X[200:]), theirs.predict(X[200:]))
    assert np.max(np.abs(ours.predict_proba(X[200:])
                         - theirs.predict_proba(X[200:]))) < 1e-9


def test_naive_bayes_on_tfidf_and_sparse_input(lesson, sms):
    texts_train, texts_test, y_train, _ = sms
    tfidf = lesson["TfidfVectorizer"]().fit(texts_train)
    X_train, X_test = tfidf.transform(texts_train), tfidf.transform(texts_test)
    ours = lesson["MultinomialNB"]().fit(X_train, y_train)
    theirs = SkMultinomialNB().fit(X_train, y_train)
    assert np.array_equal(ours.predict(X_test), theirs.predict(X_test))
    from_sparse = lesson["MultinomialNB"]().fit(sparse.csr_matrix(X_train),
                                                y_train)
    assert np.allclose(from_sparse.predict_log_proba(sparse.csr_matrix(
        X_test)), ours.predict_log_proba(X_test))


# --- naive Bayes: properties ------------------------------------------------------

def test_word_probabilities_sum_to_one(lesson, counts):
    X_train, _, y_train, _ = counts
    for alpha in (0.01, 1.0, 50.0):
        model = lesson["MultinomialNB"](alpha=alpha).fit(X_train, y_train)
        assert np.allclose(np.exp(model.feature_log_prob_).sum(axis=1), 1.0)
        assert np.isclose(np.exp(model.class_log_prior_).sum(), 1.0)


def test_smoothing_by_hand(lesson):
    X = np.array([[2.0, 0.0, 1.0], [0.0, 3.0, 0.0], [1.0, 1.0, 0.0]])
    y = np.array([0, 1, 1])
    model = lesson["MultinomialNB"](alpha=0.5).fit(X, y)
    # class 0: counts (2, 0, 1), N = 3; class 1: counts (1, 4, 0), N = 5
    want = np.array([[2.5, 0.5, 1.5], [1.5, 4.5, 0.5]]) / np.array(
        [[4.5], [6.5]])
    assert np.allclose(np.exp(model.feature_log_prob_), want)
    assert np.allclose(np.exp(model.class_log_prior_), [1 / 3, 2 / 3])


def test_empty_text_gets_the_prior(lesson, sms, counts):
    texts_train = sms[0]
    X_train, _, y_train, _ = counts
    vectorizer = lesson["CountVectorizer"]().fit(texts_train)
    model = lesson["MultinomialNB"]().fit(X_train, y_train)
    P = model.predict_proba(vectorizer.transform(["", ":-)"]))
    prior = np.bincount(y_train) / len(y_train)
    assert np.allclose(P, [prior, prior])
    assert np.array_equal(model.predict(vectorizer.transform([""])), [0])


def test_is_a_linear_model(lesson, counts):
    X_train, X_test, y_train, _ = counts
    model = lesson["MultinomialNB"]().fit(X_train, y_train)
    w = model.feature_log_prob_[1] - model.feature_log_prob_[0]
    b = model.class_log_prior_[1] - model.class_log_prior_[0]
    log_P = model.predict_log_proba(X_test)
    assert np.allclose(log_P[:, 1] - log_P[:, 0], X_test @ w + b)
    assert np.array_equal(model.predict(X_test), (X_test @ w + b > 0)
                          .astype(int))


def test_long_texts_do_not_underflow(lesson, counts):
    X_train, X_test, y_train, _ = counts
    model = lesson["MultinomialNB"]().fit(X_train, y_train)
    P = model.predict_proba(1000 * X_test[:20])          # huge counts
    assert np.all(np.isfinite(P)) and np.allclose(P.sum(axis=1), 1.0)


def test_accuracy_on_the_lesson_split(lesson, counts):
    X_train, X_test, y_train, y_test = counts
    y_hat = lesson["MultinomialNB"]().fit(X_train, y_train).predict(X_test)
    assert np.mean(y_hat == y_test) > 0.95
    assert np.mean(y_hat == y_test) > np.mean(y_test == 0) + 0.15


# --- scikit-learn's shape -------------------------------------------------------

@pytest.mark.parametrize("name, kwargs", [
    ("CountVectorizer", dict(min_df=3, lowercase=False)),
    ("TfidfVectorizer", dict(min_df=2, norm="l1", sublinear_tf=True)),
    ("MultinomialNB", dict(alpha=0.25)),
])
def test_init_only_stores(lesson, name, kwargs):
    model = lesson[name](**kwargs)
    for key, value in kwargs.items():
        assert getattr(model, key) == value
    assert not [a for a in vars(model) if a.endswith("_")]


def test_fit_returns_self(lesson, sms, counts):
    texts_train = sms[0]
    for name in VECTORIZERS:
        vectorizer = lesson[name]()
        assert vectorizer.fit(texts_train) is vectorizer
    X_train, _, y_train, _ = counts
    model = lesson["MultinomialNB"]()
    assert model.fit(X_train, y_train) is model
    assert model.n_features_in_ == X_train.shape[1]


def test_accepts_tuples_and_arrays_of_strings(lesson, sms):
    texts_train = sms[0][:50]
    from_list = lesson["CountVectorizer"]().fit_transform(texts_train)
    assert np.array_equal(
        lesson["CountVectorizer"]().fit_transform(tuple(texts_train)),
        from_list)
    assert np.array_equal(
        lesson["CountVectorizer"]().fit_transform(np.array(texts_train)),
        from_list)


# --- bad input --------------------------------------------------------------------

@pytest.mark.parametrize("name", VECTORIZERS)
def test_a_single_string_is_refused(lesson, name):
    with pytest.raises(TypeError, match=r"got a single str; for one "
                                        r"message pass \[text\]"):
        lesson[name]().fit("win a prize now")
    with pytest.raises(TypeError, match="got a single str"):
        lesson[name]().fit_transform("win a prize now")
    fitted = lesson[name]().fit(["win a prize", "ok lor"])
    with pytest.raises(TypeError, match="got a single str"):
        fitted.transform("win a prize now")


@pytest.mark.parametrize("name", VECTORIZERS)
@pytest.mark.parametrize("bad, kind", [
    (["ok", None], "NoneType"), (["ok", 3], "int"),
    (["ok", b"bytes"], "bytes"), (["ok", ["nested"]], "list")])
def test_items_must_be_strings(lesson, name, bad, kind):
    with pytest.raises(TypeError, match=rf"texts\[1\] is {kind}"):
        lesson[name]().fit(bad)
    fitted = lesson[name]().fit(["ok", "fine"])
    with pytest.raises(TypeError, match=rf"texts\[1\] is {kind}"):
        fitted.transform(bad)


@pytest.mark.parametrize("name", VECTORIZERS)
@pytest.mark.parametrize("bad", [5, {"a": "b"}, (t for t in ["ok"])])
def test_texts_must_be_a_list(lesson, name, bad):
    with pytest.raises(TypeError, match="texts must be a list of strings"):
        lesson[name]().fit(bad)


@pytest.mark.parametrize("name", VECTORIZERS)
def test_empty_list(lesson, name):
    with pytest.raises(ValueError, match="at least one text, got an empty"):
        lesson[name]().fit([])
    fitted = lesson[name]().fit(["ok", "fine"])
    with pytest.raises(ValueError, match="at least one text"):
        fitted.transform([])


@pytest.mark.parametrize("name", VECTORIZERS)
def test_transform_before_fit(lesson, name):
    with pytest.raises(ValueError, match=r"not fitted yet; call "
                                         r"fit\(texts\) first"):
        lesson[name]().transform(["ok"])


@pytest.mark.parametrize("name", VECTORIZERS)
@pytest.mark.parametrize("bad, error", [
    (0, ValueError), (-1, ValueError), (2.5, ValueError), (0.01, ValueError),
    ("two", TypeError), (True, TypeError), (None, TypeError)])
def test_bad_min_df(lesson, name, bad, error):
    with pytest.raises(error, match="min_df must be a positive whole "
                                    "number, got"):
        lesson[name](min_df=bad).fit(["ok", "ok then"])


@pytest.mark.parametrize("name", VECTORIZERS)
def test_empty_vocabulary(lesson, name):
    with pytest.raises(ValueError, match=r"no word occurs in at least "
                                         r"min_df=3 of the 2 texts"):
        lesson[name](min_df=3).fit(["ok", "ok then"])
    with pytest.raises(ValueError, match="vocabulary is empty"):
        lesson[name]().fit([":-)", "!!!"])


def test_bad_norm(lesson):
    with pytest.raises(ValueError, match="norm must be 'l2', 'l1' or None"):
        lesson["TfidfVectorizer"](norm="max").fit(["ok", "fine"])


def test_naive_bayes_y_of_the_wrong_length(lesson):
    X = np.ones((4, 3))
    with pytest.raises(ValueError, match=r"y must have shape \(4,\) to match X, "
                                         r"got \(3,\)"):
        lesson["MultinomialNB"]().fit(X, [0, 1, 0])
    with pytest.raises(ValueError, match=r"got \(4, 1\)"):
        lesson["MultinomialNB"]().fit(X, np.array([[0], [1], [0], [1]]))


def test_naive_bayes_nan(lesson):
    X = np.ones((4, 3))
    X_nan = X.copy()
    X_nan[1, 2] = np.nan
    with pytest.raises(ValueError, match="X must hold finite numbers"):
        lesson["MultinomialNB"]().fit(X_nan, [0, 1, 0, 1])
    with pytest.raises(ValueError, match="y must hold finite labels"):
        lesson["MultinomialNB"]().fit(X, [0, 1, np.nan, 1])
    model = lesson["MultinomialNB"]().fit(X, [0, 1, 0, 1])
    for method in ("predict", "predict_proba", "predict_log_proba"):
        with pytest.raises(ValueError, match="X must hold finite numbers"):
            getattr(model, method)(X_nan)


def test_naive_bayes_negative_counts(lesson):
    X = np.ones((4, 3))
    X[2, 0] = -2
    with pytest.raises(ValueError, match=r"counts >= 0, got 1 negative "
                                         r"value\(s\), the smallest -2"):
        lesson["MultinomialNB"]().fit(X, [0, 1, 0, 1])
    model = lesson["MultinomialNB"]().fit(np.ones((4, 3)), [0, 1, 0, 1])
    with pytest.raises(ValueError, match="counts >= 0"):
        model.predict(X)


def test_naive_bayes_wrong_number_of_columns(lesson, counts):
    X_train, _, y_train, _ = counts
    model = lesson["MultinomialNB"]().fit(X_train, y_train)
    V = X_train.shape[1]
    with pytest.raises(ValueError, match=rf"shape \(n_samples, {V}\), got "
                                         r"\(2, 5\)"):
        model.predict(np.ones((2, 5)))
    with pytest.raises(ValueError, match=r"X must have shape"):
        model.predict_proba(np.ones(V + 1))             # 1-D, too long
    # a 1-D row of V counts is one text (helpers.validation's rule)
    assert model.predict_proba(np.ones(V)).shape == (1, 2)


@pytest.mark.parametrize("bad", [0, -1.0, np.nan, np.inf])
def test_naive_bayes_bad_alpha(lesson, bad):
    with pytest.raises(ValueError, match=r"alpha must be a positive "
                                         r"number, got"):
        lesson["MultinomialNB"](alpha=bad).fit(np.ones((2, 2)), [0, 1])


def test_naive_bayes_alpha_not_a_number(lesson):
    with pytest.raises(TypeError, match="alpha must be a positive number"):
        lesson["MultinomialNB"](alpha="one").fit(np.ones((2, 2)), [0, 1])


@pytest.mark.parametrize("method", ["predict", "predict_proba",
                                    "predict_log_proba"])
def test_naive_bayes_predict_before_fit(lesson, method):
    with pytest.raises(ValueError, match="not fitted yet"):
        getattr(lesson["MultinomialNB"](), method)(np.ones((2, 3)))


def test_naive_bayes_single_class_as_sklearn(lesson):
    # one class is no error (as in scikit-learn): every text is of it
    X = np.array([[1.0, 0.0], [2.0, 1.0], [0.0, 3.0]])
    ours = lesson["MultinomialNB"]().fit(X, ["spam"] * 3)
    theirs = SkMultinomialNB().fit(X, ["spam"] * 3)
    assert list(ours.predict(X)) == list(theirs.predict(X)) == ["spam"] * 3
    assert np.allclose(ours.predict_proba(X), theirs.predict_proba(X))


def test_naive_bayes_empty_and_one_dimensional_x(lesson):
    with pytest.raises(ValueError, match="must not be empty"):
        lesson["MultinomialNB"]().fit(np.zeros((0, 3)), [])
    with pytest.raises(ValueError, match=r"X must have shape"):
        lesson["MultinomialNB"]().fit(np.ones(4), [0, 1, 0, 1])
    with pytest.raises(TypeError, match="X must be numbers"):
        lesson["MultinomialNB"]().fit([["a", "b"]], [0])


def test_naive_bayes_refuses_a_continuous_y(lesson):
    X = np.ones((4, 3))
    with pytest.raises(ValueError, match=r"y looks continuous"):
        lesson["MultinomialNB"]().fit(X, [0.5, 1.25, 0.0, 2.75])


# --- scikit-learn's estimator checks, Pipeline and GridSearchCV ----------------

LESSON = load_model(NOTEBOOK)

# MultinomialNB fails the checks every course model fails on purpose, and
# one more of the same kind: its refusal of negative counts is in the
# course's words. The vectorisers are not run through the checks: they read texts, and
# scikit-learn's checks feed numeric 2-D arrays (scikit-learn skips its own
# CountVectorizer and TfidfVectorizer there, by their tags: string input,
# no 2-D array). Their estimator API is tested below instead.
EXPECTED_FAILURES = {"MultinomialNB": {
    **COURSE_VALIDATION,
    "check_positive_only_tag_during_fit":
        "negative counts are refused in the course's words ('X must hold "
        "counts >= 0, got 328 negative value(s), the smallest -3.36'), "
        "not with scikit-learn's 'Negative values in data'",
}}


@sklearn_checks([LESSON["MultinomialNB"](alpha=0.5)], EXPECTED_FAILURES)
def test_scikit_learn_estimator_checks(estimator, check):
    check(estimator)


@pytest.mark.parametrize("name", VECTORIZERS)
def test_vectorizers_clone_and_get_params(lesson, name):
    vectorizer = lesson[name](min_df=2, lowercase=False)
    params = vectorizer.get_params()
    assert params["min_df"] == 2 and params["lowercase"] is False
    copy = clone(vectorizer).set_params(min_df=3)
    assert copy.min_df == 3 and vectorizer.min_df == 2
    texts = ["ok then", "ok lor", "then ok", "lor"]
    fitted = clone(vectorizer).fit(texts)
    assert np.array_equal(fitted.fit_transform(texts),
                          fitted.transform(texts))
    assert not hasattr(clone(fitted), "vocabulary_")


def test_pipeline_and_grid_search_equal_sklearns(lesson, sms):
    texts_train, texts_test, y_train, _ = sms
    labels_train = np.where(y_train == 1, "spam", "ham")
    ours = make_pipeline(lesson["TfidfVectorizer"](), lesson["MultinomialNB"]())
    theirs = make_pipeline(sk_text.TfidfVectorizer(token_pattern=r"\w+"),
                           SkMultinomialNB())
    grid = {"tfidfvectorizer__min_df": [1, 2],
            "multinomialnb__alpha": [0.1, 1.0]}
    search_ours = GridSearchCV(ours, grid, cv=3).fit(texts_train,
                                                     labels_train)
    search_theirs = GridSearchCV(theirs, grid, cv=3).fit(texts_train,
                                                         labels_train)
    assert search_ours.best_params_ == search_theirs.best_params_
    assert np.allclose(search_ours.cv_results_["mean_test_score"],
                       search_theirs.cv_results_["mean_test_score"])
    assert np.array_equal(search_ours.predict(texts_test),
                          search_theirs.predict(texts_test))
    P = search_ours.predict_proba(texts_test)
    assert P.shape == (len(texts_test), 2)
    assert list(search_ours.classes_) == ["ham", "spam"]


def test_string_labels_and_predict_proba_shape(lesson, counts):
    X_train, X_test, y_train, _ = counts
    labels = np.where(y_train == 1, "spam", "ham")
    model = lesson["MultinomialNB"]().fit(X_train, labels)
    by_number = lesson["MultinomialNB"]().fit(X_train, y_train)
    assert list(model.classes_) == ["ham", "spam"]
    assert model.predict_proba(X_test).shape == (len(X_test), 2)
    assert np.array_equal(model.predict(X_test) == "spam",
                          by_number.predict(X_test) == 1)
    assert model.score(X_test, np.where(by_number.predict(X_test) == 1,
                                        "spam", "ham")) == 1.0


# --- Try it ---------------------------------------------------------------------

def test_dropping_columns_is_min_df(lesson, sms):
    # the explorer counts once with min_df = 1 and keeps the columns of
    # the words in >= min_df texts: the same as CountVectorizer(min_df)
    texts_train, texts_test, _, _ = sms
    full = lesson["CountVectorizer"]().fit(texts_train)
    X_full = full.transform(texts_test)
    doc_freq = np.sum(full.transform(texts_train) > 0, axis=0)
    for min_df in (2, 5, 10):
        kept = lesson["CountVectorizer"](min_df=min_df).fit(texts_train)
        assert np.array_equal(kept.transform(texts_test),
                              X_full[:, doc_freq >= min_df])


PLAY_CHECKS = """
assert explorer.error is None, explorer.error
assert explorer.count == 20 and "20 messages (2 spam)" in \\
    explorer.text.value, explorer.text.value   # it opens at the start
explorer.set(messages=450)
assert "450 messages (113 spam), alpha = 1, min_df = 1: test accuracy " \\
    "0.967" in explorer.text.value, explorer.text.value
explorer.set(min_df=2)
assert "test accuracy 0.973" in explorer.text.value, explorer.text.value
explorer.set(min_df=1)
explorer.reset()
assert explorer.count == 20 and "20 messages (2 spam)" in \\
    explorer.text.value, explorer.text.value
explorer.play()
for _ in range(100):                        # Play's frames, by hand
    if not explorer.playing:
        break
    explorer._tick()
assert explorer.count == 450 and not explorer.playing, explorer.count
assert "450 messages (113 spam)" in explorer.text.value
assert explorer.error is None, explorer.error
print("play checks passed")
"""


def test_play_feeds_every_training_message():
    # Play on the explorer of "Try it", run after the lesson: from 20
    # messages to all 450, where it pauses by itself; the model at the
    # end is the lesson's (test accuracy 0.967 at alpha = 1, min_df = 1)
    from execute import ROOT, execute
    nb = execute(ROOT / "notebooks" / NOTEBOOK, extra=[PLAY_CHECKS])
    assert nb.cells[-1].outputs[0].text == "play checks passed\n"

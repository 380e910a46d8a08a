"""Wrong answers to the exercises of lesson 14 (text classification),
one per solution region, for `python tests/student.py --try`."""

WRONG = [
    # Exercise 1: the total count of each word, not the texts holding it
    """
n = X.shape[0]
doc_freq = X.sum(axis=0)
return np.log((1 + n) / (1 + doc_freq)) + 1
""",
    # Exercise 2: alpha * V left out of the denominator
    """
N_cw = np.stack([X[y == c].sum(axis=0) for c in (0, 1)])
N_c = N_cw.sum(axis=1, keepdims=True)
return (N_cw + alpha) / N_c
""",
    # Exercise 3: each distinct word once, so repeated words count once
    """
log_odds = model.class_log_prior_[1] - model.class_log_prior_[0]
for token in set(tokenize(text)):
    j = vectorizer.vocabulary_.get(token)
    if j is not None:
        log_odds += (model.feature_log_prob_[1, j]
                     - model.feature_log_prob_[0, j])
return log_odds
""",
]

"""Lesson 14: naive Bayes and the vectorisers against scikit-learn.

Naive Bayes: a seeded Poisson count matrix (numpy default_rng(0)), 2000
rows ("texts") x 1000 columns ("words"), two classes (1 in 4 of class 1)
whose word rates differ; fit on all 2000 rows, then predict the same
2000. alpha = 1 on both sides. Our model takes the dense matrix as it is;
scikit-learn's MultinomialNB gets the same dense array.

Vectorisers: the lesson's workload, the 600 messages of
helpers.data.sms_spam(), fit_transform with token_pattern r"\\w+" and
min_df = 1 on both sides (2,289 words). Ours returns a dense array, which
suits 600 short texts; scikit-learn a sparse matrix (its natural output,
not densified here, which would only add to its time). A dense matrix
grows as texts x words, so ours is not meant for large corpora.

All three are the lesson's readable models (the counts in a loop over the
texts, naive Bayes as the equations): timed to be honest about them, with
no budget.
"""
NOTEBOOK = "14-text-classification.ipynb"

COUNTS = """
import numpy as np
from sklearn.naive_bayes import MultinomialNB as SkMultinomialNB

rng = np.random.default_rng(0)
n_texts, n_words = 2000, 1000
y_train = (rng.random(n_texts) < 0.25).astype(int)
rates = rng.gamma(0.5, 0.2, size=(2, n_words))      # word rates per class
X_train = rng.poisson(rates[y_train]).astype(float)  # (2000, 1000) counts
X_test = X_train
"""

TEXTS = """
from sklearn.feature_extraction import text as sk_text
from helpers import data

texts, _ = data.sms_spam()                          # 600 messages
"""

CASES = [
    dict(workload="MultinomialNB alpha=1: fit + predict, seeded Poisson "
                  "counts 2000 x 1000, 2 classes (dense)",
         setup=COUNTS,
         ours="y_hat = MultinomialNB(alpha=1.0).fit(X_train, y_train)"
              ".predict(X_test)",
         sklearn="y_hat = SkMultinomialNB(alpha=1.0).fit(X_train, y_train)"
                 ".predict(X_test)",
         budget=None),
    dict(workload="CountVectorizer min_df=1: fit_transform the 600 SMS, "
                  "token_pattern \\w+",
         setup=TEXTS,
         ours="X = CountVectorizer(min_df=1).fit_transform(texts)",
         sklearn="X = sk_text.CountVectorizer(min_df=1, "
                 "token_pattern=r'\\w+').fit_transform(texts)",
         budget=None),
    dict(workload="TfidfVectorizer min_df=1: fit_transform the 600 SMS, "
                  "token_pattern \\w+",
         setup=TEXTS,
         ours="X = TfidfVectorizer(min_df=1).fit_transform(texts)",
         sklearn="X = sk_text.TfidfVectorizer(min_df=1, "
                 "token_pattern=r'\\w+').fit_transform(texts)",
         budget=None),
]

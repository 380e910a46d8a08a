"""Plausible wrong answers to the exercises of 09-gradient-boosting, one
per solution region in notebook order, for `tests/student.py --try`."""

WRONG = [
    # 1: the gradient itself, not its negative (a sign error)
    """\
return np.sign(F - y)
""",
    # 2: the argmin as the number of trees, forgetting row 0 is 1 tree
    """\
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train,
                                              random_state=0)
booster = GradientBoostingRegressor(n_estimators=100, learning_rate=0.1,
                                    max_depth=3).fit(X_fit, y_fit)
val_mse = mse(y_val, booster.staged_predict(X_val))
best_n = int(np.argmin(val_mse))          # off by one
""",
    # 3: the fast model's error after its first tree, not its tenth
    """\
fast_model = GradientBoostingRegressor(n_estimators=10, learning_rate=0.5,
                                       max_depth=3).fit(X_train, y_train)
slow_model = GradientBoostingRegressor(n_estimators=150,
                                       learning_rate=0.05,
                                       max_depth=3).fit(X_train, y_train)
target = fast_model.train_score_[0]       # should be [-1]
n_needed = int(np.argmax(slow_model.train_score_ <= target)) + 1
""",
]

"""Decision trees for the ensemble lessons: a classification tree (entropy
or Gini) and a regression tree (squared error) that share one split search.

Introduced in 07-decision-trees.ipynb, which builds the classification tree
step by step and checks that this module grows the same tree (same splits,
same thresholds, same predictions). Lesson 08 (random forests) fits a
hundred trees with `max_features` features drawn at each split; lesson 09
(gradient boosting) fits a regression tree per round. So this module grows
a tree *level by level*: all the nodes of one depth share each numpy call,
where the notebook's version handles one node at a time.

What it is: exact CART trees in the shape of scikit-learn's estimators
(`DecisionTreeClassifier`, `DecisionTreeRegressor`; the fitted `Tree` keeps
flat arrays as scikit-learn's `tree_` does). Every feature is sorted once
in `fit` (each value becomes its rank among the feature's distinct values);
in a node, one `np.bincount` counts the classes (or sums the targets) at
every rank of every feature, a cumulative sum gives both sides of every
threshold, and the best split is the one with the lowest weighted
impurity. Thresholds lie halfway between consecutive distinct values of the
node, as in scikit-learn; a split that gains nothing is not made (where
scikit-learn would still split, e.g. at the root of XOR). On the course's
datasets it grows trees of the same size as scikit-learn's, with the same
training predictions; deeper down, equally good splits may be chosen
differently (scikit-learn visits features in a random order, we take the
lowest index).

Each public function checks its arguments (with helpers.validation) and
hands them to a private twin of the same name with a leading underscore
(`best_splits` -> `_best_splits`), which does the work; the trees call
the twins directly, on arrays they made themselves, so a fit checks its
training set once, not at every level (lesson 09 grows thousands of
small trees).

What it is not: a replacement for scikit-learn. No sample weights, no
pruning, no missing values, one output, and plain numpy: a few times slower
than scikit-learn's compiled trees, more so on deep trees over continuous
features, where the histograms of the many small nodes are costly. Right
for the course's datasets of a few thousand samples.
"""
import numpy as np

from helpers import validation

LEAF = -1           # children_left and children_right of a leaf
UNDEFINED = -2      # feature and threshold of a leaf
MIN_GAIN = 1e-12    # information gain this small is zero plus round-off
REL_GAIN = 1e-12    # regression: a drop in squared error below this
#                     fraction of the node's is zero plus round-off
MAX_CELLS = 1 << 22  # histogram cells per numpy call (memory bound)


NODE_ARRAYS = ("feature", "threshold", "children_left", "children_right",
               "value", "n_node_samples", "impurity")   # a Tree's arrays
PROBLEM_KEYS = ("ranks", "values", "cell", "y", "n_classes", "criterion",
                "min_samples_leaf", "max_features", "xlogx", "yc")


# ----------------------------------------------------------------------
# Checking the arguments (the functions below are used by lesson 08 too)
# ----------------------------------------------------------------------

def _is_whole(value):
    """True for an int (Python's or numpy's), False for a bool."""
    return (isinstance(value, (int, np.integer))
            and not isinstance(value, bool))


def _check_choice(value, name, choices, where):
    if not (isinstance(value, str) and value in choices):
        shown = " or ".join(repr(choice) for choice in choices)
        raise ValueError(f"{where}: {name} must be {shown}, got {value!r}")


def _check_axis(axis, ndim, where):
    if not (_is_whole(axis) and -ndim <= axis < ndim):
        raise ValueError(f"{where}: axis must be a whole number from "
                         f"{-ndim} to {ndim - 1} (counts has {ndim} "
                         f"dimension(s)), got {axis!r}")


def _check_max_features(max_features, n_features, where):
    """max_features as a whole number from 1 to n_features."""
    mf = max_features
    whole = (isinstance(mf, (int, float, np.integer, np.floating))
             and not isinstance(mf, bool) and np.isfinite(mf)
             and mf == int(mf))
    if not whole or not 1 <= mf <= n_features:
        raise ValueError(
            f"{where}: max_features must be None, 'sqrt' or a whole "
            f"number from 1 to n_features={n_features}, got {mf!r}")
    return int(mf)


def _random_generator(random_state, where):
    """np.random.default_rng(random_state), or a ValueError."""
    try:
        if isinstance(random_state, (bool, np.bool_)):
            raise TypeError
        return np.random.default_rng(random_state)
    except (TypeError, ValueError):
        raise ValueError(f"{where}: random_state must be None, a whole "
                         f"number >= 0 or a numpy Generator, got "
                         f"{random_state!r}") from None


def _check_problem(problem, where):
    """`problem` must be the dict that `make_problem` returned."""
    if not isinstance(problem, dict):
        got = "None" if problem is None else type(problem).__name__
    elif not all(key in problem for key in PROBLEM_KEYS):
        missing = [key for key in PROBLEM_KEYS if key not in problem]
        got = f"a dict without {missing}"
    else:
        return
    raise TypeError(f"{where}: problem must be the dict that make_problem "
                    f"returns, got {got}")


def _check_nodes(problem, rows, slot, counts, feats, usable, n_nodes,
                 where):
    """The arguments of `best_splits`, checked; see its docstring."""
    _check_problem(problem, where)
    n_samples, n_features = problem["ranks"].shape
    n_nodes = validation.as_positive(n_nodes, "n_nodes", where, integer=True)
    rows = validation.as_indices(rows, "rows", n_samples, where,
                                 shape=("n_rows",))
    slot = validation.as_indices(slot, "slot", n_nodes, where,
                                 shape=(len(rows),))
    empty = np.flatnonzero(np.bincount(slot, minlength=n_nodes) == 0)
    if len(empty):
        raise ValueError(f"{where}: every node 0..{n_nodes - 1} must hold "
                         f"rows, but slot sends none to node {empty[0]}")
    k = problem["n_classes"]
    if k:                          # the class counts of each node's rows
        counts = validation.as_indices(counts, "counts", len(rows) + 1,
                                       where, shape=(n_nodes, k))
        actual = np.bincount(slot * k + problem["y"][rows],
                             minlength=n_nodes * k).reshape(n_nodes, k)
        if not np.array_equal(counts, actual):
            raise ValueError(f"{where}: counts must be the class counts of "
                             f"each node's rows; they differ from those of "
                             f"rows and slot")
    elif counts is not None:
        raise ValueError(f"{where}: counts must be None in a regression "
                         f"problem, got {type(counts).__name__}")
    if feats is not None:
        feats = validation.as_indices(feats, "feats", n_features, where,
                                      shape=(n_nodes, "m"))
    if usable is not None:
        want = (n_nodes, n_features if feats is None else feats.shape[1])
        usable = np.asarray(usable)
        if usable.dtype != bool or usable.shape != want:
            raise ValueError(f"{where}: usable must be None or a bool array "
                             f"of shape {want}, got {usable.dtype} values "
                             f"of shape {usable.shape}")
    return rows, slot, counts, feats, usable, n_nodes


def _check_levels(levels, where):
    """`levels` must be a list of dicts, one per depth, each holding the
    arrays NODE_ARRAYS with one entry per node of that depth."""
    if not isinstance(levels, (list, tuple)):
        got = "None" if levels is None else type(levels).__name__
        raise TypeError(f"{where}: levels must be a list of dicts, one per "
                        f"depth, got {got}")
    if len(levels) == 0:
        raise ValueError(f"{where}: levels must not be empty: a tree has "
                         f"at least its root")
    for depth, level in enumerate(levels):
        if not isinstance(level, dict) or any(name not in level
                                              for name in NODE_ARRAYS):
            raise TypeError(f"{where}: levels[{depth}] must be a dict of "
                            f"the arrays {', '.join(NODE_ARRAYS)}, got "
                            f"{type(level).__name__}")
        n_nodes = None                          # the length of 'feature'
        for name in NODE_ARRAYS:
            arr = validation.as_numbers(level[name],
                                        f"levels[{depth}][{name!r}]", where)
            n_nodes = arr.shape[:1] if n_nodes is None else n_nodes
            if (arr.ndim == 0 or arr.size == 0 or arr.shape[:1] != n_nodes
                    or not np.all(np.isfinite(arr))):
                raise ValueError(
                    f"{where}: levels[{depth}][{name!r}] must hold finite "
                    f"numbers, one per node ({n_nodes[0] if n_nodes else 0}"
                    f" nodes, as in 'feature'), got shape {arr.shape}")
    values = {np.shape(level["value"])[1:] for level in levels}
    if len(values) > 1:
        raise ValueError(f"{where}: the levels' 'value' arrays must have "
                         f"the same number of columns, got {values}")


# ----------------------------------------------------------------------
# Sorting once, and the impurity of class counts
# ----------------------------------------------------------------------

def rank_values(X):
    """Sort every feature once: its distinct values and each sample's rank.

    X : (n_samples, n_features), finite floats.
    Returns ranks (n_samples, n_features) ints, ranks[i, j] = position of
    X[i, j] among the sorted distinct values of feature j, and values
    (n_features, n_values), values[j, r] = that r-th distinct value
    (rows padded with inf).
    """
    return _rank_values(validation.as_matrix(X, "X", where="rank_values"))


def _rank_values(X):
    # `rank_values` for an X already checked
    n_samples, n_features = X.shape
    columns = X.T.copy()                        # (n_features, n_samples)
    distinct = [np.unique(column) for column in columns]    # sorted
    values = np.full((n_features, max(map(len, distinct))), np.inf)
    ranks = np.empty((n_features, n_samples), dtype=np.intp)
    for j, column_values in enumerate(distinct):
        values[j, :len(column_values)] = column_values
        ranks[j] = np.searchsorted(column_values, columns[j])
    return ranks.T.copy(), values


def impurity_sums(counts, criterion, xlogx, axis=-1):
    """n times the impurity of the class counts along `axis`.

    counts : whole numbers, one class per entry along `axis`;
    xlogx[c] = c * log2(c), looked up instead of computed.
    entropy: n * H = n log2(n) - sum_k c_k log2(c_k)
    gini:    n * G = n - sum_k c_k**2 / n
    """
    where = "impurity_sums"
    _check_choice(criterion, "criterion", ("entropy", "gini"), where)
    xlogx = validation.as_vector(xlogx, "xlogx", where=where)
    counts = validation.as_indices(counts, "counts", len(xlogx), where)
    _check_axis(axis, counts.ndim, where)
    largest = counts.sum(axis=axis).max()          # the largest node
    if criterion == "entropy" and largest >= len(xlogx):
        raise ValueError(f"{where}: xlogx must hold c log2 c for c = "
                         f"0..{largest}, got {len(xlogx)} values")
    return _impurity_sums(counts, criterion, xlogx, axis)


def _impurity_sums(counts, criterion, xlogx, axis=-1):
    # `impurity_sums` for arguments already checked
    n = counts.sum(axis=axis)
    if criterion == "entropy":
        return xlogx[n] - xlogx[counts].sum(axis=axis)
    return n - (counts ** 2).sum(axis=axis) / np.maximum(n, 1)


# ----------------------------------------------------------------------
# The split search of many nodes at once
# ----------------------------------------------------------------------
#
# A classification histogram has one slice per (node, class present in the
# node): hist[row, p, j] counts that node's samples of that class whose
# feature j sits at position p (its rank, see `_positions`). A cumulative
# sum over p gives the class counts left of every threshold of every node
# at once, and np.add.reduceat sums each node's rows into its impurity.
# Classes absent from a node take no room (0 log 0 = 0), and the sums run
# over the classes in the same order as in the lesson's one-node version,
# so both find the very same splits.

def _positions(problem, rows, slot, feats, n_nodes):
    """Where each sample of a level goes on the histogram's value axis.

    Usually its rank. But a node's histogram has a cell per distinct value
    of a feature in the whole training set, mostly empty in a small node of
    continuous data; when the level's nodes would have many more cells than
    samples, the ranks present in each (node, feature) are renumbered
    0, 1, 2, ... in order. Empty cells change no cumulative sum, so the
    costs, and the splits, are exactly the same either way.
    Returns cell (n_rows, m) = position * m + feature column, n_pos, and
    rank_at (n_nodes, n_pos, m), the rank at each position (None when the
    positions are the ranks).
    """
    n_values = problem["values"].shape[1]
    if feats is None:
        r = problem["ranks"][rows]                          # (n_rows, d)
    else:
        r = problem["ranks"][rows[:, None], feats[slot]]    # (n_rows, m)
    m = r.shape[1]
    if n_nodes * n_values <= 2 * len(rows):
        if feats is None:
            return problem["cell"][rows], n_values, None
        return r * m + np.arange(m), n_values, None
    key = ((slot[:, None] * m + np.arange(m)) * n_values + r).ravel()
    distinct, index = np.unique(key, return_inverse=True)
    group, rank = np.divmod(distinct, n_values)     # node * m + feature
    position = np.arange(len(distinct)) - np.searchsorted(group, group)
    n_pos = int(position.max()) + 1
    rank_at = np.zeros((n_nodes * m, n_pos), dtype=np.intp)
    rank_at[group, position] = rank
    rank_at = rank_at.reshape(n_nodes, m, n_pos).transpose(0, 2, 1)
    cell = position[index].reshape(r.shape) * m + np.arange(m)
    return cell, n_pos, rank_at


def _histograms(problem, rows, slot, counts, cell, n_pos, n_nodes):
    """Histograms of n_nodes nodes over (row, position, feature).

    rows : (n_rows,) samples; slot : (n_rows,) their node, 0..n_nodes-1;
    counts : (n_nodes, K) class counts, None for regression; cell, n_pos :
    from `_positions`.
    Returns hist, starts: classification hist (n_hist_rows, n_pos, m)
    ints with starts (n_nodes,) the first row of each node; regression
    hist (2, n_nodes, n_pos, m), samples and sums of centred targets.
    """
    m = cell.shape[1]
    size = n_pos * m                            # cells of one row
    if counts is None:
        key = (cell + (slot * size)[:, None]).ravel()
        count = np.bincount(key, minlength=n_nodes * size)
        total = np.bincount(key, weights=np.repeat(problem["yc"][rows], m),
                            minlength=n_nodes * size)
        return np.stack([count, total]).reshape(2, n_nodes, n_pos, m), None
    present = (counts > 0).ravel()
    row_of = (np.cumsum(present) - 1).reshape(counts.shape)   # (S, K)
    n_hist_rows = int(present.sum())
    starts = row_of[np.arange(n_nodes), np.argmax(counts > 0, axis=1)]
    row = row_of[slot, problem["y"][rows]]
    key = cell + (row * size)[:, None]
    hist = np.bincount(key.ravel(), minlength=n_hist_rows * size)
    return hist.reshape(n_hist_rows, n_pos, m), starts


def _split_costs(problem, hist, starts):
    """Cost of every threshold of every node, n_l * imp_l + n_r * imp_r.

    Returns (cost, present, n_left, n_right), each (S, n_pos, m):
    threshold p of a node sends its samples at positions <= p to the left.
    """
    left = np.cumsum(hist, axis=-2)          # statistics at positions <= p
    right = left[..., -1:, :] - left         # statistics at positions > p
    if starts is None:
        # squared error: sum (y - mean)^2 = Q - S^2 / n on each side, and
        # Q is the same for every threshold: cost = -(S_l^2/n_l + S_r^2/n_r)
        n_left, n_right = left[0], right[0]
        cost = -(left[1] ** 2 / np.maximum(n_left, 1)
                 + right[1] ** 2 / np.maximum(n_right, 1))
        return cost, hist[0] > 0, n_left, n_right
    n_left = np.add.reduceat(left, starts, axis=0)
    n_right = n_left[:, -1:] - n_left
    present = np.add.reduceat(hist, starts, axis=0) > 0
    xlogx = problem["xlogx"]
    if problem["criterion"] == "entropy":       # n log2 n - sum c log2 c
        cost = ((xlogx[n_left]
                 - np.add.reduceat(xlogx[left], starts, axis=0))
                + (xlogx[n_right]
                   - np.add.reduceat(xlogx[right], starts, axis=0)))
    else:                                       # n - sum c^2 / n
        cost = ((n_left - np.add.reduceat(left ** 2, starts, axis=0)
                 / np.maximum(n_left, 1))
                + (n_right - np.add.reduceat(right ** 2, starts, axis=0)
                   / np.maximum(n_right, 1)))
    return cost, present, n_left, n_right


def make_problem(X, y, n_classes, criterion, min_samples_leaf,
                 max_features):
    """What the split search needs to know about a training set, once.

    X : (n_samples, n_features) finite floats; y : (n_samples,) class
    codes 0..n_classes-1, or the targets when n_classes is None
    (regression, squared error). Returns a dict: ranks and values (from
    `rank_values`), cell, y, n_classes, criterion, min_samples_leaf,
    max_features, xlogx (c log2 c for c = 0..n_samples), yc. Used by
    `best_splits`, by the trees here and by 08-random-forests.ipynb, which
    grows all the trees of a forest at once.
    """
    where = "make_problem"
    X = validation.as_matrix(X, "X", where=where)
    n_samples, n_features = X.shape
    if n_classes is None or (_is_whole(n_classes) and n_classes == 0):
        y = validation.as_vector(y, "y", n_samples, where)   # regression
        if not (isinstance(criterion, str) and criterion == "squared_error"):
            raise ValueError(f"{where}: n_classes={n_classes!r} means a "
                             f"regression, whose criterion is "
                             f"'squared_error', got {criterion!r}")
    else:
        n_classes = validation.as_positive(n_classes, "n_classes", where,
                                           integer=True)
        y = validation.as_indices(y, "y", n_classes, where,
                                  shape=(n_samples,))
        _check_choice(criterion, "criterion", ("entropy", "gini"), where)
    min_samples_leaf = validation.as_positive(
        min_samples_leaf, "min_samples_leaf", where, integer=True)
    max_features = _check_max_features(max_features, n_features, where)
    return _make_problem(X, y, n_classes, criterion, min_samples_leaf,
                         max_features)


def _make_problem(X, y, n_classes, criterion, min_samples_leaf,
                  max_features):
    # `make_problem` for arguments already checked
    n_samples, n_features = X.shape
    ranks, values = _rank_values(X)
    c = np.arange(n_samples + 1)
    return dict(ranks=ranks, values=values,
                cell=ranks * n_features + np.arange(n_features), y=y,
                n_classes=n_classes, criterion=criterion,
                min_samples_leaf=min_samples_leaf, max_features=max_features,
                xlogx=c * np.log2(np.maximum(c, 1)),
                yc=None if n_classes else np.zeros(n_samples))


def best_splits(problem, rows, slot, counts, feats, usable, n_nodes):
    """The best (feature, rank, cost, threshold) of each of n_nodes nodes.

    problem : from `make_problem`; rows, slot : (n_rows,) the samples of
    the nodes and the node 0..n_nodes-1 of each; counts : (n_nodes,
    n_classes) class counts; feats : None (every feature) or (n_nodes, m)
    the features each node may use; usable : None or (n_nodes, m) bool,
    the drawn features worth a search.
    Returns four (n_nodes,) arrays; cost is inf where no threshold leaves
    `min_samples_leaf` samples on both sides.
    """
    rows, slot, counts, feats, usable, n_nodes = _check_nodes(
        problem, rows, slot, counts, feats, usable, n_nodes, "best_splits")
    return _best_splits(problem, rows, slot, counts, feats, usable, n_nodes)


def _best_splits(problem, rows, slot, counts, feats, usable, n_nodes):
    # `best_splits` for arguments already checked
    cell, n_pos, rank_at = _positions(problem, rows, slot, feats, n_nodes)
    hist, starts = _histograms(problem, rows, slot, counts, cell, n_pos,
                               n_nodes)
    cost, present, n_left, n_right = _split_costs(problem, hist, starts)
    msl = problem["min_samples_leaf"]
    allowed = present & (n_left >= msl) & (n_right >= msl)
    if usable is not None:
        allowed &= usable[:, None, :]
    cost = np.where(allowed, cost, np.inf).transpose(0, 2, 1)  # (S, m, P)
    column, at = np.divmod(np.argmin(cost.reshape(n_nodes, -1), axis=1),
                           n_pos)
    nodes = np.arange(n_nodes)
    best = cost[nodes, column, at]
    feature = column if feats is None else feats[nodes, column]
    # halfway between the value at `at` and the next one in the node
    later = present[nodes, :, column] & (np.arange(n_pos) > at[:, None])
    at_next = np.argmax(later, axis=1)
    rank, rank_next = at, at_next
    if rank_at is not None:
        rank = rank_at[nodes, at, column]
        rank_next = rank_at[nodes, at_next, column]
    low = problem["values"][feature, rank]
    high = problem["values"][feature, rank_next]
    middle = low / 2 + high / 2
    threshold = np.where(middle < high, middle, low)   # low <= t < high
    return feature, rank, best, threshold


def _draw_features(problem, rows, slot, n_nodes, rng):
    """Features each node may use when `max_features` < n_features.

    As in scikit-learn: features are visited in a random order until
    max_features were visited and at least one of them takes two values
    in the node. Returns feats (n_nodes, m) and a mask (n_nodes, m) of
    those worth searching (the non-constant ones).
    """
    ranks, m = problem["ranks"], problem["max_features"]
    n_features = ranks.shape[1]
    order = np.argsort(slot, kind="stable")
    r = ranks[rows[order]]                              # grouped by node
    starts = np.searchsorted(slot[order], np.arange(n_nodes))
    varies = (np.maximum.reduceat(r, starts, axis=0)
              > np.minimum.reduceat(r, starts, axis=0))     # (S, d)
    perm = np.argsort(rng.random((n_nodes, n_features)), axis=1)
    varies = np.take_along_axis(varies, perm, axis=1)   # in visiting order
    chosen = varies & (np.arange(n_features) < m)
    alone = ~chosen.any(axis=1) & varies.any(axis=1)
    chosen[alone, np.argmax(varies[alone], axis=1)] = True
    first = np.argsort(~chosen, axis=1, kind="stable")[:, :m]
    feats = np.take_along_axis(perm, first, axis=1)
    return feats, np.take_along_axis(chosen, first, axis=1)


# ----------------------------------------------------------------------
# Growing level by level, and the fitted tree
# ----------------------------------------------------------------------

class Tree:
    """A fitted tree as flat arrays, one entry per node; node 0 is the root.

    feature, threshold : (node_count,) the test "x[feature] <= threshold"
        (UNDEFINED at leaves)
    children_left, children_right : (node_count,) node ids, LEAF at leaves
    value : (node_count, n_classes) class fractions, or (node_count,) means
    n_node_samples, impurity : (node_count,)
    max_depth : the depth of the deepest leaf (the root has depth 0)
    """

    def __init__(self, levels, max_depth):
        _check_levels(levels, "Tree")
        max_depth = validation.as_positive(max_depth, "max_depth", "Tree",
                                           integer=True, allow_zero=True)
        self._join(levels, max_depth)

    def _join(self, levels, max_depth):
        # each array of the levels, one after the other: root first
        for name in NODE_ARRAYS:
            setattr(self, name,
                    np.concatenate([level[name] for level in levels]))
        self.node_count = len(self.feature)
        self.max_depth = max_depth
        return self

    def apply(self, X):
        """Leaf id of every row of X (n_samples, n_features), all at once.

        Every sample moves one level down per round; a sample in a leaf
        stays. `max_depth` rounds, each a few numpy operations.
        """
        X = validation.as_matrix(X, "X", where="Tree.apply")
        needed = int(self.feature.max()) + 1     # features the tree tests
        if X.shape[1] < needed:
            raise ValueError(f"Tree.apply: X must have at least {needed} "
                             f"columns (the tree tests feature "
                             f"{needed - 1}), got {X.shape}")
        return self._apply(X)

    def _apply(self, X):
        # `apply` for an X already checked
        node = np.zeros(len(X), dtype=np.intp)
        while True:
            moving = np.flatnonzero(self.children_left[node] != LEAF)
            if len(moving) == 0:
                return node
            at = node[moving]                   # their nodes, not leaves
            go_left = X[moving, self.feature[at]] <= self.threshold[at]
            node[moving] = np.where(go_left, self.children_left[at],
                                    self.children_right[at])


def _node_statistics(problem, rows, slot, n_nodes):
    """Statistics of the n_nodes nodes of a level, from their samples.

    Returns value ((S, K) class fractions or (S,) means), n (S,), cost
    (S,) = n * impurity, pure (S,) bool, and counts ((S, K) class counts,
    None for regression).
    """
    n = np.bincount(slot, minlength=n_nodes)
    if problem["n_classes"]:
        k = problem["n_classes"]
        counts = np.bincount(slot * k + problem["y"][rows],
                             minlength=n_nodes * k).reshape(n_nodes, k)
        cost = _impurity_sums(counts, problem["criterion"], problem["xlogx"])
        pure = np.count_nonzero(counts, axis=1) == 1
        return counts / n[:, None], n, cost, pure, counts
    y = problem["y"][rows]
    mean = np.bincount(slot, weights=y, minlength=n_nodes) / n
    yc = y - mean[slot]                          # centred in its node
    problem["yc"][rows] = yc
    s = np.bincount(slot, weights=yc, minlength=n_nodes)
    cost = np.bincount(slot, weights=yc ** 2, minlength=n_nodes) - s ** 2 / n
    return mean, n, cost, cost <= 0, None


def _search_level(problem, rows, slot, counts, n_nodes, rng):
    """Best split of each node of a level that may split.

    rows, slot : the samples of those nodes and their node, 0..n_nodes-1;
    counts : (n_nodes, K) class counts, or None for regression.
    Returns feature, rank, cost, threshold, each (n_nodes,).
    """
    found = [np.zeros(n_nodes, dtype=np.intp), np.zeros(n_nodes, np.intp),
             np.full(n_nodes, np.inf), np.zeros(n_nodes)]
    if n_nodes == 0:
        return found
    feats = usable = None
    n_features = problem["ranks"].shape[1]
    if problem["max_features"] < n_features:
        feats, usable = _draw_features(problem, rows, slot, n_nodes, rng)
    m = n_features if feats is None else feats.shape[1]
    k = 2 if counts is None else int(np.count_nonzero(counts, axis=1).max())
    n_pos = min(problem["values"].shape[1], int(np.bincount(slot).max()))
    step = max(1, MAX_CELLS // (n_pos * k * m))
    for lo in range(0, n_nodes, step):           # a few nodes at a time
        hi = min(lo + step, n_nodes)
        part = slice(None) if step >= n_nodes else (slot >= lo) & (slot < hi)
        got = _best_splits(
            problem, rows[part], slot[part] - lo,
            None if counts is None else counts[lo:hi],
            None if feats is None else feats[lo:hi],
            None if usable is None else usable[lo:hi], hi - lo)
        for array, part_of_it in zip(found, got):
            array[lo:hi] = part_of_it
    return found


def _grow(problem, max_depth, min_samples_split, rng):
    """Grow the tree breadth first; returns a `Tree`.

    At each depth, every node of that depth gets its statistics, and the
    nodes that may split search all their thresholds together.
    """
    n_samples = len(problem["ranks"])
    msl = problem["min_samples_leaf"]
    rows = np.arange(n_samples)                   # samples still moving
    slot = np.zeros(n_samples, dtype=np.intp)     # their node in the level
    n_nodes, first_id, depth, levels = 1, 0, 0, []
    while n_nodes:
        value, n, cost, pure, counts = _node_statistics(problem, rows, slot,
                                                        n_nodes)
        level = dict(value=value, n_node_samples=n, impurity=cost / n,
                     feature=np.full(n_nodes, UNDEFINED),
                     threshold=np.full(n_nodes, float(UNDEFINED)),
                     children_left=np.full(n_nodes, LEAF),
                     children_right=np.full(n_nodes, LEAF))
        levels.append(level)
        may_split = ((depth < max_depth) & (n >= min_samples_split)
                     & (n >= 2 * msl) & ~pure)
        candidates = np.flatnonzero(may_split)        # their ids in the level
        keep = may_split[slot]
        rows, slot = rows[keep], (np.cumsum(may_split) - 1)[slot[keep]]
        feature, rank, best, threshold = _search_level(
            problem, rows, slot, None if counts is None else
            counts[candidates], len(candidates), rng)
        if counts is not None:
            gain = (cost[candidates] - best) / n[candidates]   # in bits
            split = gain > MIN_GAIN
        else:
            s = np.bincount(slot, weights=problem["yc"][rows],
                            minlength=len(candidates))
            gain = -best - s ** 2 / n[candidates]     # drop in squared error
            split = np.isfinite(best) & (gain > REL_GAIN * cost[candidates])
        # the children of splitting node j get ids next_first + 2j, + 2j + 1
        split_ids = candidates[split]
        n_split = len(split_ids)
        next_first = first_id + n_nodes
        level["feature"][split_ids] = feature[split]
        level["threshold"][split_ids] = threshold[split]
        level["children_left"][split_ids] = next_first + 2 * np.arange(n_split)
        level["children_right"][split_ids] = next_first + 2 * np.arange(
            n_split) + 1
        # move the samples of splitting nodes down to their child
        new_slot = np.cumsum(split) - 1
        keep = split[slot]
        rows, slot = rows[keep], new_slot[slot[keep]]
        goes_left = (problem["ranks"][rows, feature[split][slot]]
                     <= rank[split][slot])
        slot = 2 * slot + ~goes_left
        first_id, n_nodes = next_first, 2 * n_split
        depth += 1
    # levels grown here need no checks: join them into a Tree directly
    return Tree.__new__(Tree)._join(levels, max_depth=depth - 1)


# ----------------------------------------------------------------------
# The estimators
# ----------------------------------------------------------------------

class _BaseTree:
    """Arguments, checks and prediction shared by both trees."""

    def _check_params(self, where, n_features):
        depth = self.max_depth
        if depth is not None:
            depth = validation.as_positive(depth, "max_depth", where,
                                           integer=True)
        split = validation.as_positive(self.min_samples_split,
                                       "min_samples_split", where,
                                       integer=True)
        if split < 2:
            raise ValueError(f"{where}: min_samples_split must be at least "
                             f"2, got {self.min_samples_split!r}")
        leaf = validation.as_positive(self.min_samples_leaf,
                                      "min_samples_leaf", where, integer=True)
        mf = self.max_features
        if mf is None:
            mf = n_features
        elif isinstance(mf, str) and mf == "sqrt":
            mf = max(1, int(np.sqrt(n_features)))
        else:
            mf = _check_max_features(mf, n_features, where)
        return (np.inf if depth is None else depth), split, leaf, int(mf)

    def _fit(self, X, y, n_classes, where, criterion):
        max_depth, split, leaf, mf = self._check_params(where, X.shape[1])
        rng = _random_generator(self.random_state, where)
        problem = _make_problem(X, y, n_classes, criterion, leaf, mf)
        self.max_features_ = mf
        self.n_features_in_ = X.shape[1]
        self.tree_ = _grow(problem, max_depth, split, rng)
        return self

    def _checked(self, X, where):
        validation.check_fitted(self, "tree_", where)
        return validation.as_matrix(X, "X", self.n_features_in_, where)

    def apply(self, X):
        """Leaf id of each sample: X (n_samples, n_features) -> (n_samples,).
        """
        X = self._checked(X, f"{type(self).__name__}.apply")
        return self.tree_._apply(X)

    def get_depth(self):
        """Depth of the deepest leaf (a single leaf has depth 0)."""
        validation.check_fitted(self, "tree_",
                                f"{type(self).__name__}.get_depth")
        return self.tree_.max_depth


class DecisionTreeClassifier(_BaseTree):
    """A classification tree that splits by information gain or Gini.

    Parameters
    ----------
    criterion : "entropy" (information gain, the default here) or "gini"
    max_depth : None (grow until pure) or a positive whole number
    min_samples_split : a node with fewer samples is a leaf (>= 2)
    min_samples_leaf : every child keeps at least this many samples
    max_features : None (every feature), "sqrt" or a whole number: the
        features drawn at random at each split (random forests)
    random_state : seed of the draw of features; None draws fresh

    Attributes after `fit`: classes_ (K,), n_features_in_, max_features_,
    tree_ (a `Tree`: flat arrays, value holds class fractions).
    """

    def __init__(self, criterion="entropy", max_depth=None,
                 min_samples_split=2, min_samples_leaf=1, max_features=None,
                 random_state=None):
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.max_features = max_features
        self.random_state = random_state

    def fit(self, X, y):
        """Grow the tree on X (n_samples, n_features) and labels y
        (n_samples,) of any kind (ints, -1/+1, strings). Returns self."""
        where = "DecisionTreeClassifier.fit"
        _check_choice(self.criterion, "criterion", ("entropy", "gini"),
                      where)
        X = validation.as_matrix(X, "X", where=where)
        classes, codes = class_codes(y, len(X), where,
                                     regressor="DecisionTreeRegressor")
        self.tree_ = None                       # refit starts afresh
        self._fit(X, codes, len(classes), where, self.criterion)
        self.classes_ = classes
        return self

    def predict_proba(self, X):
        """Class fractions of each sample's leaf: (n_samples, K)."""
        X = self._checked(X, "DecisionTreeClassifier.predict_proba")
        return self.tree_.value[self.tree_._apply(X)]

    def predict(self, X):
        """The most frequent class of each sample's leaf: (n_samples,)."""
        X = self._checked(X, "DecisionTreeClassifier.predict")
        proba = self.tree_.value[self.tree_._apply(X)]
        return self.classes_[np.argmax(proba, axis=1)]


class DecisionTreeRegressor(_BaseTree):
    """A regression tree: splits that most reduce the squared error, and
    the mean target of each leaf as its prediction.

    Parameters and attributes as `DecisionTreeClassifier`, without
    `criterion` (always the squared error) and `classes_`; tree_.value
    holds the leaf means, shape (node_count,).
    """

    def __init__(self, max_depth=None, min_samples_split=2,
                 min_samples_leaf=1, max_features=None, random_state=None):
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.max_features = max_features
        self.random_state = random_state

    def fit(self, X, y):
        """Grow the tree on X (n_samples, n_features) and targets y
        (n_samples,). Returns self."""
        where = "DecisionTreeRegressor.fit"
        X = validation.as_matrix(X, "X", where=where)
        y = validation.as_vector(y, "y", len(X), where)
        self.tree_ = None
        return self._fit(X, y, 0, where, "squared_error")

    def predict(self, X):
        """The mean target of each sample's leaf: (n_samples,)."""
        X = self._checked(X, "DecisionTreeRegressor.predict")
        return self.tree_.value[self.tree_._apply(X)]


def class_codes(y, n_samples, where, regressor="a regressor"):
    """Labels of any kind -> (classes (K,), codes (n_samples,) in 0..K-1).

    np.unique sorts the distinct labels; codes[i] is the position of y[i]
    among them. At least two classes are required, and a continuous y (a
    regression target) is refused with a pointer to `regressor`. `where`
    names the caller in the messages ("RandomForestClassifier.fit").
    """
    if not isinstance(where, str):
        raise TypeError(f"class_codes: where must be the caller's name (a "
                        f"string), got {where!r}")
    n_samples = validation.as_positive(n_samples, "n_samples", where,
                                       integer=True)
    y = validation.as_class_labels(y, "y", n_samples, where, regressor)
    classes, codes = np.unique(y, return_inverse=True)
    if len(classes) < 2:
        raise ValueError(f"{where}: y must hold at least 2 classes, got "
                         f"only one: {classes[0]}")
    return classes, codes

"""The GridWorld, value_iteration and q_learning of 13-q-learning.ipynb
(its cells tagged `model`): the environment's transitions, value iteration
against shortest paths and against a plain loop, Q-learning against value
iteration for several seeds and another world, and bad input.

q_learning is a plain loop over episodes, not a scikit-learn estimator:
it takes an environment (Gymnasium's reset/step), not a table X, y, so
scikit-learn's estimator checks do not apply to it."""
import numpy as np
import pytest

from notebook_code import load_model

NOTEBOOK = "13-q-learning.ipynb"
UP, RIGHT, DOWN, LEFT = range(4)


@pytest.fixture(scope="module")
def lesson():
    return load_model(NOTEBOOK)


@pytest.fixture
def env(lesson):
    return lesson["GridWorld"]()


def shortest_steps(layout):
    """Fewest moves from each cell into a goal, around the pits: a plain
    breadth-first search on the grid, independent of the lesson's code."""
    n_rows, n_cols = len(layout), len(layout[0])
    cells = "".join(layout)
    d = np.full(len(cells), np.inf)
    frontier = [s for s, c in enumerate(cells) if c == "G"]
    for s in frontier:
        d[s] = 0
    while frontier:
        after = []
        for s in frontier:
            row, col = divmod(s, n_cols)
            for d_row, d_col in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                r, c = row + d_row, col + d_col
                if 0 <= r < n_rows and 0 <= c < n_cols:
                    t = r * n_cols + c
                    if cells[t] not in "GP" and np.isinf(d[t]):
                        d[t] = d[s] + 1
                        after.append(t)
        frontier = after
    return d


def play(env, actions):
    """reset, then the actions; the list of step results."""
    env.reset()
    return [env.step(a) for a in actions]


# --- the environment ----------------------------------------------------------

def test_sizes_and_reset(env):
    assert (env.n_states, env.n_actions) == (25, 4)
    assert (env.n_rows, env.n_cols) == (5, 5)
    state, info = env.reset(seed=3)
    assert state == env.start_state == 0
    assert isinstance(info, dict)
    assert list(np.flatnonzero(env.terminal)) == [6, 8, 13, 15, 22, 24]


def test_walls_leave_the_agent_in_place(env):
    # up and left from the top left corner; right along the top row to
    # the corner, then right again
    (s1, r1, te1, tr1, _), (s2, r2, te2, tr2, _) = play(env, [UP, LEFT])
    assert (s1, r1, te1, tr1) == (0, 0.0, False, False)
    assert (s2, r2, te2, tr2) == (0, 0.0, False, False)
    steps = play(env, [RIGHT] * 5)
    assert [s for s, *_ in steps] == [1, 2, 3, 4, 4]
    assert all(r == 0.0 and not te for _, r, te, _, _ in steps)


def test_a_pit_ends_the_episode_with_minus_one(env):
    *_, (state, reward, terminated, truncated, _) = play(env, [RIGHT, DOWN])
    assert (state, reward, terminated, truncated) == (6, -1.0, True, False)


def test_the_goal_ends_the_episode_with_plus_one(env):
    route = [RIGHT] * 4 + [DOWN] * 4
    steps = play(env, route)
    assert [s for s, *_ in steps] == [1, 2, 3, 4, 9, 14, 19, 24]
    assert [r for _, r, *_ in steps] == [0.0] * 7 + [1.0]
    assert [te for _, _, te, _, _ in steps] == [False] * 7 + [True]
    assert not any(tr for *_, tr, _ in steps)


def test_truncation_after_max_steps(lesson):
    env = lesson["GridWorld"](max_steps=7)
    steps = play(env, [UP] * 7)
    assert [tr for *_, tr, _ in steps] == [False] * 6 + [True]
    assert not any(te for _, _, te, _, _ in steps)
    assert steps[-1][4]["steps"] == 7
    with pytest.raises(RuntimeError, match="call reset"):
        env.step(UP)
    # the goal on the last allowed step terminates, it is not truncated
    env = lesson["GridWorld"](max_steps=8)
    *_, last = play(env, [RIGHT] * 4 + [DOWN] * 4)
    assert last[2:4] == (True, False)


def test_step_agrees_with_the_transition_table(env):
    rng = np.random.default_rng(0)
    checked = 0
    for _ in range(300):
        s, _ = env.reset()
        while True:
            a = int(rng.integers(4))
            s_next, r, terminated, truncated, _ = env.step(a)
            assert s_next == env.next_state[s, a]
            assert r == env.reward[s, a]
            assert terminated == env.terminal[s_next]
            checked += 1
            if terminated or truncated:
                break
            s = s_next
    assert checked > 1000


def test_table_moves_one_cell_or_stays(env):
    for s in np.flatnonzero(~env.terminal):
        row, col = env.cell(int(s))
        for a, (d_row, d_col) in enumerate(((-1, 0), (0, 1), (1, 0),
                                            (0, -1))):
            r, c = row + d_row, col + d_col
            if not (0 <= r < 5 and 0 <= c < 5):
                r, c = row, col
            assert env.next_state[s, a] == r * 5 + c
    assert np.all(env.reward[env.terminal] == 0)


def test_step_after_the_end_and_before_reset(lesson, env):
    with pytest.raises(RuntimeError, match=r"call reset\(\) first"):
        lesson["GridWorld"]().step(RIGHT)
    play(env, [RIGHT, DOWN])                        # into the pit
    with pytest.raises(RuntimeError, match=r"no episode is running"):
        env.step(RIGHT)
    env.reset()                                     # and it works again
    assert env.step(RIGHT)[0] == 1


@pytest.mark.parametrize("action", [7, 4, -1])
def test_unknown_action(env, action):
    env.reset()
    with pytest.raises(ValueError,
                       match=rf"action must be an int in 0\.\.3 .*got "
                             rf"{action}"):
        env.step(action)


@pytest.mark.parametrize("action", [1.0, "up", None])
def test_action_of_the_wrong_type(env, action):
    env.reset()
    with pytest.raises(ValueError, match="action must be an int in 0..3"):
        env.step(action)


def test_numpy_integer_actions_are_fine(env):
    env.reset()
    assert env.step(np.int64(1))[0] == 1


def test_step_returns_plain_python_values(env):
    env.reset()
    state, reward, terminated, truncated, info = env.step(RIGHT)
    assert (type(state), type(reward), type(terminated),
            type(truncated)) == (int, float, bool, bool)
    assert env.cell(np.int64(7)) == (1, 2)
    assert type(env.cell(np.int64(7))[0]) is int


def test_bad_layouts_and_settings(lesson):
    GridWorld = lesson["GridWorld"]
    for bad in (["S..", "..G", "."], ["S.#", "..G"], ["...", "..G"],
                ["S.S", "..G"], ["S..", "..."], []):
        with pytest.raises(ValueError, match="layout must be rows of equal "
                                             "length made of 'S' \\(once\\)"):
            GridWorld(bad)
    for bad in (0, -3, 2.5):
        with pytest.raises(ValueError, match="max_steps must be a positive"):
            GridWorld(max_steps=bad)


# --- value iteration ----------------------------------------------------------

@pytest.mark.parametrize("gamma", [0.5, 0.9, 0.99])
def test_value_iteration_matches_shortest_paths(lesson, env, gamma):
    V, Q, sweeps = lesson["value_iteration"](env, gamma)
    d = shortest_steps(env.layout)
    want = np.where(env.terminal, 0.0, gamma ** (d - 1))
    assert np.max(np.abs(V - want)) < 1e-12
    assert sweeps <= 12


def test_value_iteration_satisfies_bellman(lesson, env):
    gamma = 0.9
    V, Q, _ = lesson["value_iteration"](env, gamma)
    goes_on = ~env.terminal[env.next_state]
    backup = env.reward + gamma * goes_on * V[env.next_state]
    live = ~env.terminal
    assert np.allclose(Q[live], backup[live], rtol=0, atol=1e-10)
    assert np.allclose(V, Q.max(axis=1), rtol=0, atol=0)
    assert np.all(Q[env.terminal] == 0)
    assert Q[0, UP] == pytest.approx(gamma * V[0])     # a wall: one step lost
    assert Q[20, UP] == -1.0                            # into the pit


def test_value_iteration_gamma_zero_and_one(lesson, env):
    V0, Q0, _ = lesson["value_iteration"](env, 0.0)
    assert np.array_equal(Q0, np.where(env.terminal[:, None], 0.0,
                                       env.reward))
    V1, _, _ = lesson["value_iteration"](env, 1.0)
    assert np.allclose(V1[~env.terminal], 1.0)


def test_value_iteration_on_another_layout(lesson):
    layout = ["S.P...", "..P.P.", "....PG", "PP...."]
    env = lesson["GridWorld"](layout)
    V, _, _ = lesson["value_iteration"](env, 0.8)
    d = shortest_steps(layout)
    reachable = ~env.terminal & np.isfinite(d)
    assert np.allclose(V[reachable], 0.8 ** (d[reachable] - 1), atol=1e-12)


def test_value_iteration_bad_input(lesson, env):
    vi = lesson["value_iteration"]
    for bad in (-0.1, 1.5):
        with pytest.raises(ValueError, match=r"gamma must be in \[0, 1\]"):
            vi(env, bad)
    with pytest.raises(ValueError, match="gamma must be a finite number"):
        vi(env, float("nan"))
    with pytest.raises(TypeError, match="gamma must be a finite number"):
        vi(env, "high")


def value_iteration_loops(env, gamma, tol=1e-10):
    """The lesson's loop version (section 3), one state and action at a
    time: the arrays of value_iteration must give the same values."""
    V, sweeps = np.zeros(env.n_states), 0
    while True:
        sweeps += 1
        V_new = np.zeros(env.n_states)
        for s in np.flatnonzero(~env.terminal):
            V_new[s] = max(
                env.reward[s, a] + (0.0 if env.terminal[env.next_state[s, a]]
                                    else gamma * V[env.next_state[s, a]])
                for a in range(env.n_actions))
        change, V = np.max(np.abs(V_new - V)), V_new
        if change < tol:
            return V, sweeps


@pytest.mark.parametrize("gamma", [0.5, 0.9])
def test_value_iteration_loops_and_arrays_agree(lesson, gamma):
    rng = np.random.default_rng(0)
    layout = ["".join("P" if pit else "." for pit in row)
              for row in rng.random((12, 12)) < 0.15]
    layout[0] = "S" + layout[0][1:]
    layout[-1] = layout[-1][:-1] + "G"
    env = lesson["GridWorld"](layout)
    V, _, sweeps = lesson["value_iteration"](env, gamma)
    V_loops, sweeps_loops = value_iteration_loops(env, gamma)
    assert sweeps == sweeps_loops
    assert np.max(np.abs(V - V_loops)) < 1e-12


# --- Q-learning against value iteration ---------------------------------------

def train(lesson, env, seed, lr=0.5, gamma=0.9, epsilon=0.1,
          num_episodes=200):
    return lesson["q_learning"](env, lr, gamma, epsilon, num_episodes,
                                np.random.default_rng(seed))


def route_check(lesson, env, Q, gamma):
    """The greedy route reaches the goal by a shortest route, and Q agrees
    with value iteration on it (the lesson's checks cell)."""
    V_star, _, _ = lesson["value_iteration"](env, gamma)
    route, reward, terminated = lesson["greedy_route"](env, Q)
    assert terminated and reward == 1.0
    assert len(route) - 1 == shortest_steps(env.layout)[env.start_state]
    on_route = np.array(route[:-1])
    policy = np.argmax(Q, axis=1)
    assert np.max(np.abs(Q[on_route, policy[on_route]]
                         - V_star[on_route])) < 1e-3


@pytest.mark.parametrize("seed", range(8))
def test_greedy_route_is_shortest_and_matches_value_iteration(lesson, env,
                                                              seed):
    Q, *_ = train(lesson, env, seed)
    route_check(lesson, env, Q, 0.9)


@pytest.mark.parametrize("seed", range(3))
def test_learns_another_layout(lesson, seed):
    layout = ["S.P...", "..P.P.", "....PG", "PP...."]
    env = lesson["GridWorld"](layout, max_steps=60)
    Q, *_ = train(lesson, env, seed, gamma=0.8, epsilon=0.2,
                  num_episodes=400)
    route_check(lesson, env, Q, 0.8)


def test_values_never_exceed_the_largest_reward(lesson, env):
    # bootstrapping across the end of an episode would push them above 1
    for seed in range(3):
        Q, *_ = train(lesson, env, seed, gamma=0.95, epsilon=0.2,
                      num_episodes=300)
        assert Q.max() <= 1.0 + 1e-12
        assert Q.min() >= -1.0 - 1e-12
        assert np.all(Q[env.terminal] == 0.0)    # never acted from


def test_ties_are_broken_at_random(lesson):
    rng = np.random.default_rng(0)
    picks = [lesson["greedy_action"](np.zeros(4), rng) for _ in range(400)]
    assert set(picks) == {UP, RIGHT, DOWN, LEFT}
    q = np.array([0.0, 0.5, 0.5, -1.0])
    assert {lesson["greedy_action"](q, rng) for _ in range(50)} == {1, 2}
    assert lesson["greedy_action"](np.array([0.0, 2.0, 0.1, 0.0]), rng) == 1


def test_epsilon_greedy_explores(lesson):
    rng = np.random.default_rng(1)
    q = np.array([0.0, 1.0, 0.0, 0.0])
    picks = np.array([lesson["epsilon_greedy"](q, 0.4, rng)
                      for _ in range(4000)])
    # greedy 60% + a random action that happens to be 1, 10%
    assert abs(np.mean(picks == 1) - 0.7) < 0.03
    assert set(picks) == {UP, RIGHT, DOWN, LEFT}
    assert all(lesson["epsilon_greedy"](q, 0.0, rng) == 1 for _ in range(50))


def test_q_update_ends_at_terminal_states(lesson):
    Q = np.full((3, 2), 0.5)
    lesson["q_update"](Q, 0, 1, 1.0, 2, True, 0.5, 0.9)
    assert Q[0, 1] == pytest.approx(0.5 + 0.5 * (1.0 - 0.5))
    lesson["q_update"](Q, 1, 0, 0.0, 2, False, 0.5, 0.9)
    assert Q[1, 0] == pytest.approx(0.5 + 0.5 * (0.9 * 0.5 - 0.5))


def test_returns_lengths_and_visits_are_consistent(lesson, env):
    Q, returns, lengths, visits = train(lesson, env, 1, num_episodes=50)
    assert returns.shape == lengths.shape == (50,)
    assert visits.sum() == lengths.sum()
    assert np.all(lengths <= env.max_steps)
    assert np.all(np.abs(returns) <= 1.0)
    goal = returns > 0
    assert np.allclose(returns[goal], 0.9 ** (lengths[goal] - 1))
    assert Q.shape == (25, 4)


def test_deterministic_given_the_generator(lesson, env):
    one, two, other = (train(lesson, env, seed) for seed in (7, 7, 8))
    assert all(np.array_equal(a, b) for a, b in zip(one, two))
    assert not np.array_equal(one[1], other[1])


def test_run_episode_continues_a_table(lesson, env):
    # what the lesson's Play does: episodes one at a time on one table
    rng_a, rng_b = np.random.default_rng(3), np.random.default_rng(3)
    Q_all, returns, lengths, visits = lesson["q_learning"](
        env, 0.5, 0.9, 0.1, 30, rng_a)
    Q = np.zeros((25, 4))
    seen = np.zeros(25, dtype=int)
    played = [lesson["run_episode"](env, Q, 0.5, 0.9, 0.1, rng_b, seen)
              for _ in range(30)]
    assert np.array_equal(Q, Q_all) and np.array_equal(seen, visits)
    assert [g for g, _ in played] == list(returns)
    assert [n for _, n in played] == list(lengths)


def test_a_tiny_world(lesson):
    env = lesson["GridWorld"](["S.G"])
    Q, *_ = train(lesson, env, 0, num_episodes=30)
    route, reward, terminated = lesson["greedy_route"](env, Q)
    assert route == [0, 1, 2] and reward == 1.0 and terminated


# --- bad input ----------------------------------------------------------------

@pytest.mark.parametrize("name, bad", [
    ("lr", 1.5), ("lr", -0.1), ("gamma", -0.1), ("gamma", 1.01),
    ("epsilon", 1.5), ("epsilon", -0.5),
])
def test_hyperparameters_out_of_range(lesson, env, name, bad):
    settings = dict(lr=0.5, gamma=0.9, epsilon=0.1)
    settings[name] = bad
    with pytest.raises(ValueError, match=rf"q_learning: {name} must be in "
                                         rf"\[0, 1\], got"):
        lesson["q_learning"](env, num_episodes=5,
                             rng=np.random.default_rng(0), **settings)


def test_hyperparameters_of_the_wrong_type(lesson, env):
    with pytest.raises(TypeError, match="lr must be a finite number"):
        lesson["q_learning"](env, "fast", 0.9, 0.1, 5,
                             np.random.default_rng(0))
    with pytest.raises(ValueError, match="lr must be a finite number"):
        lesson["q_learning"](env, float("nan"), 0.9, 0.1, 5,
                             np.random.default_rng(0))

"""The GridWorld, value_iteration and QLearningAgent of 13-q-learning.ipynb
(its cells tagged `model`): the environment's transitions, value iteration
against shortest paths, Q-learning against value iteration for several
seeds, and bad input."""
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
    with pytest.raises(RuntimeError, match="terminated or was truncated"):
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


@pytest.mark.parametrize("action", [1.0, "up", None, True])
def test_action_of_the_wrong_type(env, action):
    env.reset()
    with pytest.raises(TypeError, match="action must be an int in 0..3"):
        env.step(action)


def test_numpy_integer_actions_are_fine(env):
    env.reset()
    assert env.step(np.int64(1))[0] == 1


@pytest.mark.parametrize("state", [25, -1, 100])
def test_state_outside_the_grid(env, state):
    with pytest.raises(ValueError, match=r"state must be an int in 0\.\.24"):
        env.cell(state)


def test_bad_layouts_and_settings(lesson):
    GridWorld = lesson["GridWorld"]
    with pytest.raises(ValueError, match="equal lengths"):
        GridWorld(["S..", "..G", "."])
    with pytest.raises(ValueError, match=r"only 'S', 'G', 'P'.*\['#'\]"):
        GridWorld(["S.#", "..G"])
    with pytest.raises(ValueError, match="exactly one 'S'"):
        GridWorld(["...", "..G"])
    with pytest.raises(ValueError, match="exactly one 'S'"):
        GridWorld(["S.S", "..G"])
    with pytest.raises(ValueError, match="at least one 'G'"):
        GridWorld(["S..", "..."])
    with pytest.raises(TypeError, match="list of strings"):
        GridWorld("S..G")
    with pytest.raises(ValueError, match="at least one row"):
        GridWorld([])
    for bad in (0, -3, 2.5):
        with pytest.raises(ValueError, match="max_steps must be a positive"):
            GridWorld(max_steps=bad)
    with pytest.raises(TypeError, match="seed must be None or an int"):
        GridWorld().reset(seed="zero")


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
    for bad in (-0.1, 1.5, float("nan")):
        with pytest.raises(ValueError, match=r"gamma must be in \[0, 1\]"):
            vi(env, bad)
    with pytest.raises(TypeError, match="gamma must be a number"):
        vi(env, "high")
    with pytest.raises(ValueError, match="tol must be a positive"):
        vi(env, 0.9, tol=0)
    with pytest.raises(TypeError, match="transition table"):
        vi(object(), 0.9)


# --- Q-learning against value iteration ---------------------------------------

@pytest.mark.parametrize("seed", range(8))
def test_greedy_route_is_shortest_and_matches_value_iteration(lesson, env,
                                                              seed):
    agent = lesson["QLearningAgent"](lr=0.5, gamma=0.9, epsilon=0.1,
                                     num_episodes=200, random_state=seed)
    policy = agent.fit(env).policy()
    V_star, _, _ = lesson["value_iteration"](env, 0.9)
    states, rewards, terminated = lesson["greedy_rollout"](env, policy)
    d = shortest_steps(env.layout)
    assert terminated and rewards[-1] == 1.0
    assert len(rewards) == d[env.start_state] == 8
    route = np.array(states[:-1])
    gap = np.abs(agent.q_table_[route, policy[route]] - V_star[route])
    assert gap.max() < 1e-3


@pytest.mark.parametrize("seed", range(3))
def test_learns_another_layout(lesson, seed):
    layout = ["S.P...", "..P.P.", "....PG", "PP...."]
    env = lesson["GridWorld"](layout, max_steps=60)
    agent = lesson["QLearningAgent"](lr=0.5, gamma=0.8, epsilon=0.2,
                                     num_episodes=400, random_state=seed)
    policy = agent.fit(env).policy()
    V_star, _, _ = lesson["value_iteration"](env, 0.8)
    states, rewards, terminated = lesson["greedy_rollout"](env, policy)
    assert terminated and rewards[-1] == 1.0
    assert len(rewards) == shortest_steps(layout)[env.start_state]
    route = np.array(states[:-1])
    assert np.max(np.abs(agent.q_table_[route, policy[route]]
                         - V_star[route])) < 1e-3


def test_values_never_exceed_the_largest_reward(lesson, env):
    # bootstrapping across the end of an episode would push them above 1
    for seed in range(3):
        Q = lesson["QLearningAgent"](lr=0.5, gamma=0.95, epsilon=0.2,
                                     num_episodes=300,
                                     random_state=seed).fit(env).q_table_
        assert Q.max() <= 1.0 + 1e-12
        assert Q.min() >= -1.0 - 1e-12
        assert np.all(Q[env.terminal] == 0.0)    # never acted from


def test_ties_are_broken_at_random(lesson, env):
    # with epsilon = 0 and a fresh all-zero table, an argmax agent presses
    # "up" at the start until it is cut off; ours wanders off at random
    first_moves = set()
    for seed in range(20):
        agent = lesson["QLearningAgent"](epsilon=0.0, num_episodes=1,
                                         random_state=seed).fit(env)
        assert agent.visits_[env.start_state, UP] < env.max_steps
        first_moves |= set(np.flatnonzero(agent.visits_[env.start_state]))
    assert first_moves == {UP, RIGHT, DOWN, LEFT}


def test_choose_action_ties_and_exploration(lesson):
    choose = lesson["choose_action"]
    q = [0.0, 0.5, 0.5, -1.0]
    assert choose(q, 0.1, 0.5, 3, 0.0) == 1           # exploit, tie draw 0
    assert choose(q, 0.1, 0.5, 3, 0.99) == 2          # exploit, tie draw ~1
    assert choose(q, 0.1, 0.05, 3, 0.0) == 3          # explore
    assert choose([0.0, 2.0, 0.1, 0.0], 0.0, 0.0, 0, 0.9) == 1
    counts = np.bincount([choose([0.0] * 4, 0.0, 0.5, 0, t)
                          for t in np.linspace(0, 0.999, 400)], minlength=4)
    assert np.array_equal(counts, [100] * 4)


def test_returns_and_lengths_are_consistent(lesson, env):
    agent = lesson["QLearningAgent"](num_episodes=50, random_state=1).fit(env)
    assert agent.returns_.shape == agent.episode_lengths_.shape == (50,)
    assert agent.visits_.sum() == agent.episode_lengths_.sum()
    assert np.all(agent.episode_lengths_ <= env.max_steps)
    assert np.all(np.abs(agent.returns_) <= 1.0)
    goal = agent.returns_ > 0
    assert np.allclose(agent.returns_[goal],
                       0.9 ** (agent.episode_lengths_[goal] - 1))


# --- scikit-learn's shape -----------------------------------------------------

def test_init_only_stores(lesson):
    agent = lesson["QLearningAgent"](lr=0.3, gamma=0.7, epsilon=0.2,
                                     num_episodes=9, random_state=4)
    assert (agent.lr, agent.gamma, agent.epsilon, agent.num_episodes,
            agent.random_state) == (0.3, 0.7, 0.2, 9, 4)
    assert not [a for a in vars(agent) if a.endswith("_")]


def test_fit_returns_self_and_is_deterministic(lesson, env):
    one = lesson["QLearningAgent"](random_state=7)
    assert one.fit(env) is one
    two = lesson["QLearningAgent"](random_state=7).fit(env)
    assert np.array_equal(one.q_table_, two.q_table_)
    assert np.array_equal(one.returns_, two.returns_)
    other = lesson["QLearningAgent"](random_state=8).fit(env)
    assert not np.array_equal(one.returns_, other.returns_)
    assert one.q_table_.shape == (25, 4)


def test_refit_starts_afresh(lesson, env):
    agent = lesson["QLearningAgent"](num_episodes=100, random_state=2)
    agent.fit(env)
    first = agent.q_table_.copy()
    agent.fit(env)
    assert np.array_equal(agent.q_table_, first)
    small = lesson["GridWorld"](["S.G"])
    agent.fit(small)
    assert agent.q_table_.shape == (3, 4)
    assert agent.act(0) == RIGHT


def test_generator_as_random_state(lesson, env):
    a = lesson["QLearningAgent"](
        random_state=np.random.default_rng(5)).fit(env)
    b = lesson["QLearningAgent"](random_state=5).fit(env)
    assert np.array_equal(a.q_table_, b.q_table_)


def test_act_and_policy(lesson, env):
    agent = lesson["QLearningAgent"](random_state=0).fit(env)
    policy = agent.policy()
    assert policy.shape == (25,)
    assert all(agent.act(s) == policy[s] for s in range(25))
    assert agent.act(np.int64(0)) == policy[0]


# --- bad input ----------------------------------------------------------------

@pytest.mark.parametrize("name, bad, interval", [
    ("lr", 0.0, r"\(0, 1\]"), ("lr", 1.5, r"\(0, 1\]"),
    ("lr", -0.1, r"\(0, 1\]"), ("lr", float("nan"), r"\(0, 1\]"),
    ("gamma", -0.1, r"\[0, 1\]"), ("gamma", 1.01, r"\[0, 1\]"),
    ("epsilon", 1.5, r"\[0, 1\]"), ("epsilon", -0.5, r"\[0, 1\]"),
])
def test_hyperparameters_out_of_range(lesson, env, name, bad, interval):
    agent = lesson["QLearningAgent"](**{name: bad})
    with pytest.raises(ValueError, match=rf"{name} must be in {interval}, "
                                         rf"got"):
        agent.fit(env)


def test_hyperparameters_of_the_wrong_type(lesson, env):
    with pytest.raises(TypeError, match="lr must be a number"):
        lesson["QLearningAgent"](lr="fast").fit(env)
    for bad in (0, -5, 2.5):
        with pytest.raises(ValueError, match="num_episodes must be a "
                                             "positive whole number"):
            lesson["QLearningAgent"](num_episodes=bad).fit(env)
    for bad in ("seed", -1, 1.5):
        with pytest.raises(TypeError, match="random_state must be None"):
            lesson["QLearningAgent"](random_state=bad).fit(env)


def test_bad_environment(lesson):
    with pytest.raises(TypeError, match=r"env must have n_states, n_actions,"
                                        r" reset\(\) and step\(\)"):
        lesson["QLearningAgent"]().fit(object())


def test_act_before_fit(lesson):
    agent = lesson["QLearningAgent"]()
    with pytest.raises(ValueError, match=r"not fitted yet; call fit\(env\)"):
        agent.act(0)
    with pytest.raises(ValueError, match=r"not fitted yet; call fit\(env\)"):
        agent.policy()


def test_act_on_unknown_state(lesson, env):
    agent = lesson["QLearningAgent"](num_episodes=5, random_state=0).fit(env)
    for bad in (25, -1):
        with pytest.raises(ValueError, match=r"state must be an int in "
                                             r"0\.\.24, got"):
            agent.act(bad)
    with pytest.raises(TypeError, match=r"state must be an int"):
        agent.act(2.0)


def test_rollout_with_a_policy_of_the_wrong_shape(lesson, env):
    with pytest.raises(ValueError, match=r"policy must have shape \(25,\), "
                                         r"got \(24,\)"):
        lesson["greedy_rollout"](env, np.zeros(24, dtype=int))

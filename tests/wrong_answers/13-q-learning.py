"""Wrong answers to the exercises of lesson 13 (Q-learning), one per
solution region, for `python tests/student.py --try`."""

WRONG = [
    # Exercise 1: off by one, a factor GAMMA for every move, the last too
    """
v_corner = GAMMA ** 6
q_corner_up = -1.0
q_start_up = GAMMA * GAMMA ** 7
""",
    # Exercise 2: value iteration's max over actions, not the policy's
    """
V = np.zeros(env.n_states)
goes_on = ~env.terminal[env.next_state]                 # (S, A)
while True:
    Q = env.reward + gamma * goes_on * V[env.next_state]
    V_new = np.where(env.terminal, 0.0, Q.max(axis=1))  # the best action
    if np.max(np.abs(V_new - V)) < tol:
        return V_new
    V = V_new
""",
    # Exercise 3: Q-learning's target, the best next action, not a_next
    """
target = r if terminated else r + gamma * np.max(Q[s_next])
Q[s, a] += lr * (target - Q[s, a])
""",
]

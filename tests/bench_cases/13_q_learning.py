"""Lesson 13: value iteration with arrays against the lesson's loops, and
the readable Q-learning loop timed honestly.

Data: the lesson's own worlds. The 20 x 20 grid of section 3 (pits in the
cells where numpy default_rng(0).random((20, 20)) < 0.15, start top left,
goal bottom right; in the lesson the same generator has drawn nothing
before it), gamma = 0.9, 39 sweeps; and the 5 x 5 grid of the lesson.
The setup loads the lesson's `model` cells for the worlds (both sides);
the loops are the lesson's value_iteration_loops, written out here.

1. value iteration, 20 x 20: ours (arrays) against the loops; budget 0.2
   (at least 5x faster; the lesson measures about 25x or more).
2. Q-learning, 200 episodes on the 5 x 5 grid (lr 0.5, gamma 0.9,
   epsilon 0.1, seed 0: 2,232 steps), the readable loop of the lesson.
   No library does this work; the reference is the same loop with the
   source's choice (argmax, ties to action 0), which never finds the
   goal and so plays 8,719 steps: per step the two cost about the same.
   Budget None: timed to be honest about the readable loop.
"""
NOTEBOOK = "13-q-learning.ipynb"

WORLDS = """
import numpy as np
from notebook_code import load_model

lesson = load_model("13-q-learning.ipynb")
pits = np.random.default_rng(0).random((20, 20)) < 0.15
layout = ["".join("P" if pit else "." for pit in row) for row in pits]
layout[0] = "S" + layout[0][1:]
layout[-1] = layout[-1][:-1] + "G"
big = lesson["GridWorld"](layout)
env = lesson["GridWorld"]()


def value_iteration_loops(env, gamma, tol=1e-10):
    V = np.zeros(env.n_states)
    sweeps = 0
    while True:
        sweeps += 1
        V_new = np.zeros(env.n_states)
        for s in range(env.n_states):
            if env.terminal[s]:
                continue
            best = -np.inf
            for a in range(env.n_actions):
                s_next = env.next_state[s, a]
                q = env.reward[s, a]
                if not env.terminal[s_next]:
                    q += gamma * V[s_next]
                best = max(best, q)
            V_new[s] = best
        change = np.max(np.abs(V_new - V))
        V = V_new
        if change < tol:
            return V, sweeps


def first_of_a_tie(q, epsilon, rng):
    if rng.random() < epsilon:
        return int(rng.integers(len(q)))
    return int(np.argmax(q))
"""

CASES = [
    dict(workload="value iteration, the lesson's 20 x 20 grid, gamma 0.9 "
                  "(reference: the lesson's loops)",
         setup=WORLDS,
         ours="V, Q, sweeps = value_iteration(big, 0.9)",
         reference="V, sweeps = value_iteration_loops(big, 0.9)",
         reference_name="lesson's loops",
         budget=0.2),
    dict(workload="Q-learning, 200 episodes on the 5 x 5 grid, lr 0.5, "
                  "gamma 0.9, epsilon 0.1, seed 0 (reference: the same "
                  "loop, ties to argmax)",
         setup=WORLDS,
         ours="out = q_learning(env, 0.5, 0.9, 0.1, 200, "
              "np.random.default_rng(0))",
         reference="out = lesson['q_learning'](env, 0.5, 0.9, 0.1, 200, "
                   "np.random.default_rng(0), choose=first_of_a_tie)",
         reference_name="ties to argmax (source's choice)",
         budget=None),
]

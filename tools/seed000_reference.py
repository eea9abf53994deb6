"""Independent reference for seed 000 (2-2-1 sigmoid net): plain Python floats, no project code.

Prints the forward passes for the update orders and optimizers the golden tests use.
Run: python3 tools/seed000_reference.py
"""
from math import exp, sqrt


def f(x):
    return 1 / (1 + exp(-x))


def run(order, optimizer):
    ya = 0.5
    w = {(1, 3): 0.1, (2, 3): 0.8, (1, 4): 0.4, (2, 4): 0.6, (3, 5): 0.3, (4, 5): 0.9}
    s = {k: 0.0 for k in w}
    x1, x2 = 0.35, 0.9

    def update(n, g):
        if optimizer == "sgd":
            w[n] -= 1.0 * g
        else:  # rmsprop as in the seed: lr .1, beta .999, eps .01
            s[n] = 0.999 * s[n] + (1 - 0.999) * g ** 2
            w[n] -= 0.1 / (sqrt(s[n]) + 0.01) * g

    out = []
    step = 1
    while True:
        z3 = w[1, 3] * x1 + w[2, 3] * x2
        z4 = w[1, 4] * x1 + w[2, 4] * x2
        y3, y4 = f(z3), f(z4)
        z5 = w[3, 5] * y3 + w[4, 5] * y4
        y5 = f(z5)
        e = 0.5 * (y5 - ya) ** 2
        out.append((step, y5, e))
        if e < 1e-7 or step > 100000:
            break
        step += 1
        d5 = (y5 - ya) * y5 * (1 - y5)
        g35, g45 = d5 * y3, d5 * y4
        if order == "eager":
            update((3, 5), g35)
            update((4, 5), g45)
            d3 = d5 * w[3, 5] * y3 * (1 - y3)
            d4 = d5 * w[4, 5] * y4 * (1 - y4)
            update((1, 3), d3 * x1)
            update((2, 3), d3 * x2)
            update((1, 4), d4 * x1)
            update((2, 4), d4 * x2)
        else:
            d3 = d5 * w[3, 5] * y3 * (1 - y3)
            d4 = d5 * w[4, 5] * y4 * (1 - y4)
            grads = {(3, 5): g35, (4, 5): g45, (1, 3): d3 * x1, (2, 3): d3 * x2,
                     (1, 4): d4 * x1, (2, 4): d4 * x2}
            for k, g in grads.items():
                update(k, g)
    return out


for order in ("eager", "simultaneous"):
    for opt in ("sgd", "rmsprop"):
        out = run(order, opt)
        print(order, opt, "passes", len(out))
        for st, y, e in out[:2] + out[-1:]:
            print(f"  step {st}: y={y!r} E={e!r}")

"""Independent check of the XOR scenario's seed (Scenarios.XOR_SEED): no project code.

Reproduces java.util.Random(seed).nextDouble() (48-bit LCG 0x5DEECE66D, ((next(26) << 27) + next(27)) * 2^-53),
fills W_hidden (2x3, row by row) and then W_output (3x1) as Scenarios.xor does, and runs seed 003's
training loop exactly (50,000 epochs, lr .1, sigmoid hidden layer, linear output, no biases).
The seed's loop updates w_output first and back-propagates through the updated w_output ("eager");
the "simultaneous" variant uses the old w_output for dH.

Run: python3 tools/xor_seed_check.py [seed ...]
"""
import sys

import numpy as np

MASK = (1 << 48) - 1


class JavaRandom:
    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & MASK

    def next(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & MASK
        return self.seed >> (48 - bits)

    def next_double(self):
        return ((self.next(26) << 27) + self.next(27)) * 2.0 ** -53


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_prime(x):
    return x * (1 - x)


def initial_weights(seed):
    r = JavaRandom(seed)
    w_hidden = np.array([[r.next_double() for _ in range(3)] for _ in range(2)])
    w_output = np.array([[r.next_double()] for _ in range(3)])
    return w_hidden, w_output


def train(seed, order, epochs=50000):
    w_hidden, w_output = initial_weights(seed)
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    y = np.array([[0], [1], [1], [0]])
    LR = .1
    for epoch in range(epochs):
        act_hidden = sigmoid(np.dot(X, w_hidden))
        output = np.dot(act_hidden, w_output)
        error = y - output
        dZ = error * LR
        if order == "eager":  # seed 003 as written
            w_output += act_hidden.T.dot(dZ)
            dH = dZ.dot(w_output.T) * sigmoid_prime(act_hidden)
        else:
            dH = dZ.dot(w_output.T) * sigmoid_prime(act_hidden)
            w_output += act_hidden.T.dot(dZ)
        w_hidden += X.T.dot(dH)
    return np.dot(sigmoid(np.dot(X, w_hidden)), w_output).ravel()


if __name__ == "__main__":
    seeds = [int(s) for s in sys.argv[1:]] or [3]
    target = np.array([0, 1, 1, 0])
    for seed in seeds:
        w_hidden, w_output = initial_weights(seed)
        print(f"seed {seed}: W_hidden {w_hidden.tolist()!r}")
        print(f"seed {seed}: W_output {w_output.ravel().tolist()!r}")
        for order in ("eager", "simultaneous"):
            out = train(seed, order)
            err = np.abs(out - target).max()
            print(f"seed {seed} {order}: outputs {out.tolist()!r} max |error| {err!r} "
                  f"{'converged' if err < 0.1 else 'NOT converged'}")

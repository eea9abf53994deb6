package backprop.engine;

import java.util.List;

/**
 * One small step of an iteration, in the order the executor takes them: forward steps in
 * topological order, the loss, backward steps in reverse order, parameter updates (interleaved with
 * the backward steps in the eager update order). Steps are plain immutable records holding what the
 * screen needs; replaying them (see {@link Trace#frameAt}) rebuilds any moment exactly.
 */
public sealed interface Step {

    /** The node this step is about (for an update, the param). */
    int node();

    /** An op node evaluated: value = op(inputs). */
    record ForwardStep(int node, List<Tensor> inputs, Tensor value) implements Step {
    }

    /** The output reached; backward starts from ∂output/∂output = 1. */
    record LossStep(int node, Tensor value) implements Step {
        public double loss() {
            return value.scalar();
        }
    }

    /**
     * An op node passes its gradient back to its inputs: for each input edge,
     * contribution = upstreamGrad × local derivative, added to that input's gradient.
     * In the eager order an op with param inputs takes two steps: first the params' edges, then
     * (after their updates) the other edges, computed with the updated param values.
     */
    record BackwardStep(int node, Tensor upstreamGrad, List<EdgeGradient> edges) implements Step {
    }

    /**
     * The gradient flowing along one edge.
     *
     * @param slot            which operand of the op node
     * @param input           the node at the other end of the edge
     * @param localDerivative ∂node/∂input, for elementwise and reducing ops; null for matrix ops
     * @param contribution    this edge's term of ∂L/∂input
     * @param accumulated     ∂L/∂input summed over the consumers seen so far, this one included
     * @param complete        whether every consumer of the input has now contributed
     */
    record EdgeGradient(int slot, int input, Tensor localDerivative, Tensor contribution, Tensor accumulated,
                        boolean complete) {
    }

    /** A param moved by the optimizer. */
    record UpdateStep(int node, Tensor before, Tensor gradient, Tensor after, Optimizer.Slot slot) implements Step {
    }
}

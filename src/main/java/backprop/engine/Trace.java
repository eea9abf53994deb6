package backprop.engine;

import backprop.engine.Step.BackwardStep;
import backprop.engine.Step.EdgeGradient;
import backprop.engine.Step.ForwardStep;
import backprop.engine.Step.LossStep;
import backprop.engine.Step.UpdateStep;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorded steps of one iteration and the state it started from. Any moment of it can be
 * rebuilt by replaying records, never by recomputing, so scrubbing back and forth is exact.
 */
public record Trace(Graph graph, ModelState start, List<Step> steps) {

    public Trace {
        steps = List.copyOf(steps);
    }

    /** Records a whole iteration; {@code optimizer} null records forward and backward only. */
    public static Trace record(Graph graph, ModelState start, Optimizer optimizer, UpdateOrder order) {
        Iteration it = new Iteration(ExecutionPlan.of(graph), start, optimizer, order);
        List<Step> steps = new ArrayList<>();
        while (it.hasNext()) {
            steps.add(it.next());
        }
        return new Trace(graph, start, steps);
    }

    public int size() {
        return steps.size();
    }

    public Step step(int i) {
        return steps.get(i);
    }

    /** Index of the loss step, the end of the forward pass. */
    public int lossIndex() {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof LossStep) {
                return i;
            }
        }
        return -1;
    }

    /** The moment after the first {@code applied} steps (0: nothing computed yet; size(): all done). */
    public Frame frameAt(int applied) {
        if (applied < 0 || applied > steps.size()) {
            throw new IndexOutOfBoundsException("step " + applied + " of " + steps.size());
        }
        int n = graph.size();
        Tensor[] values = new Tensor[n];
        Tensor[] grads = new Tensor[n];
        Tensor[] leaves = new Tensor[n];
        for (Graph.Node node : graph.nodes()) {
            if (node.isLeaf()) {
                values[node.id()] = start.value(node.id());
                leaves[node.id()] = start.value(node.id());
            }
        }
        for (int i = 0; i < applied; i++) {
            Step s = steps.get(i);
            if (s instanceof ForwardStep f) {
                values[f.node()] = f.value();
            } else if (s instanceof LossStep l) {
                grads[l.node()] = Tensor.filled(l.value().rows(), l.value().cols(), 1.0);
            } else if (s instanceof BackwardStep b) {
                for (EdgeGradient e : b.edges()) {
                    grads[e.input()] = e.accumulated();
                }
            } else if (s instanceof UpdateStep u) {
                leaves[u.node()] = u.after();
            }
        }
        return new Frame(applied, values, grads, leaves);
    }

    /**
     * What is known at one moment of a trace.
     *
     * @param applied how many steps have been applied
     */
    public record Frame(int applied, Tensor[] values, Tensor[] grads, Tensor[] leaves) {
        /** The forward value of a node, null before it is computed. */
        public Tensor value(int node) {
            return values[node];
        }

        /** ∂output/∂node accumulated so far, null before any share arrived. */
        public Tensor grad(int node) {
            return grads[node];
        }

        /** A leaf's current value (params change with update steps). */
        public Tensor leaf(int node) {
            return leaves[node];
        }
    }
}

package backprop.engine;

import backprop.engine.Graph.Kind;
import backprop.engine.Graph.Node;
import java.util.Arrays;
import java.util.List;

/**
 * What an iteration visits, worked out once per graph: the forward order, the op nodes the
 * backward pass goes through (ancestors of the output that lead to a leaf needing a gradient), and
 * how many of those read each node, which tells when a gradient is complete.
 */
public final class ExecutionPlan {
    final Graph graph;
    final int[] forwardOrder;
    final int[] backwardOrder;
    final boolean[] needsGrad;
    final int[] backwardConsumers;
    final int[] updatableParams;
    /** Per node: the ids of its operands (empty for leaves), unboxed for the executor's inner loops. */
    final int[][] inputs;
    final boolean[] isParam;
    /** Per op node: the slots whose operand needs a gradient, in slot order; and those split by param or not. */
    final int[][] gradSlots;
    final int[][] paramGradSlots;
    final int[][] otherGradSlots;
    /**
     * Eager order: per op node, the params whose gradient is complete once this node has passed its
     * share back (it is their last consumer in the backward order), so their update follows it. Both
     * executors place eager updates by it.
     */
    final int[][] eagerUpdates;

    // plain loops, no streams: the plan is made on the way to a training run's first pass, where a
    // cold JVM would pay for bootstrapping stream pipelines and lambdas
    private ExecutionPlan(Graph graph) {
        this.graph = graph;
        int n = graph.size();
        inputs = new int[n][];
        isParam = new boolean[n];
        for (Node node : graph.nodes()) {
            int id = node.id();
            List<Integer> in = node.inputs();
            inputs[id] = new int[in.size()];
            for (int slot = 0; slot < in.size(); slot++) {
                inputs[id][slot] = in.get(slot);
            }
            isParam[id] = node.kind() == Kind.PARAM;
        }
        needsGrad = new boolean[n];
        boolean[] ancestor = new boolean[n];
        ancestor[graph.output()] = true;
        for (int id = n - 1; id >= 0; id--) {
            if (ancestor[id]) {
                for (int in : inputs[id]) {
                    ancestor[in] = true;
                }
            }
        }
        int[] forward = new int[n];
        int forwardCount = 0;
        for (Node node : graph.nodes()) {
            int id = node.id();
            if (node.isLeaf()) {
                needsGrad[id] = node.requiresGrad();
            } else {
                forward[forwardCount++] = id;
                for (int in : inputs[id]) {
                    needsGrad[id] |= needsGrad[in];
                }
            }
        }
        forwardOrder = Arrays.copyOf(forward, forwardCount);
        gradSlots = new int[n][];
        paramGradSlots = new int[n][];
        otherGradSlots = new int[n][];
        for (int id = 0; id < n; id++) {
            int[] in = inputs[id];
            gradSlots[id] = slots(in, true, true);
            paramGradSlots[id] = slots(in, true, false);
            otherGradSlots[id] = slots(in, false, true);
        }
        int[] backward = new int[forwardCount];
        int backwardCount = 0;
        backwardConsumers = new int[n];
        for (int i = forwardOrder.length - 1; i >= 0; i--) {
            int id = forwardOrder[i];
            if (ancestor[id] && needsGrad[id]) {
                backward[backwardCount++] = id;
                int[] slots = gradSlots[id];
                for (int k = 0; k < slots.length; k++) {
                    if (firstRead(inputs[id], slots, k)) {
                        backwardConsumers[inputs[id][slots[k]]]++;
                    }
                }
            }
        }
        backwardOrder = Arrays.copyOf(backward, backwardCount);
        eagerUpdates = new int[n][];
        Arrays.fill(eagerUpdates, new int[0]);
        int[] consumersLeft = backwardConsumers.clone();
        for (int id : backwardOrder) {
            int[] slots = paramGradSlots[id];
            int[] complete = new int[slots.length];
            int count = 0;
            for (int k = 0; k < slots.length; k++) {
                int p = inputs[id][slots[k]];
                if (firstRead(inputs[id], slots, k) && --consumersLeft[p] == 0) {
                    complete[count++] = p;
                }
            }
            eagerUpdates[id] = Arrays.copyOf(complete, count);
        }
        int[] params = new int[n];
        int paramCount = 0;
        for (int id = 0; id < n; id++) {
            if (isParam[id] && backwardConsumers[id] > 0) {
                params[paramCount++] = id;
            }
        }
        updatableParams = Arrays.copyOf(params, paramCount);
    }

    /**
     * Whether slots[k] is the first of {@code slots} that reads its input: an input read twice by one
     * op passes its gradient back once as far as counting consumers goes. The plan counts consumers
     * (and places eager updates) with it; the trace's iteration counts them down with it to mark a
     * gradient complete.
     */
    static boolean firstRead(int[] ins, int[] slots, int k) {
        for (int j = 0; j < k; j++) {
            if (ins[slots[j]] == ins[slots[k]]) {
                return false;
            }
        }
        return true;
    }

    /** The slots whose operand needs a gradient, keeping those on params and/or the others. */
    private int[] slots(int[] in, boolean params, boolean others) {
        int[] out = new int[in.length];
        int count = 0;
        for (int slot = 0; slot < in.length; slot++) {
            if (needsGrad[in[slot]] && (isParam[in[slot]] ? params : others)) {
                out[count++] = slot;
            }
        }
        return Arrays.copyOf(out, count);
    }

    public static ExecutionPlan of(Graph graph) {
        return new ExecutionPlan(graph);
    }

    public Graph graph() {
        return graph;
    }

    /** Whether the backward pass computes ∂output/∂node. */
    public boolean needsGrad(int node) {
        return needsGrad[node];
    }

    /** Params the backward pass reaches, in id order: the ones an update step moves. */
    public int[] updatableParams() {
        return updatableParams.clone();
    }

    /**
     * An op node's forward value; a shape error names the node. Here rather than in {@link Iteration}, which
     * uses it, because the trainer's first pass does too, and loading the trace executor's classes cost
     * the trainer ~1 ms of a 50-ms XOR run.
     */
    static Tensor forwardOf(Graph.Node node, Tensor[] in) {
        try {
            return node.op().forward(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("node " + node.name() + ": " + e.getMessage(), e);
        }
    }

    /** The values of {@code ins}, in slot order. */
    static Tensor[] operands(int[] ins, Tensor[] source) {
        Tensor[] in = new Tensor[ins.length];
        for (int slot = 0; slot < in.length; slot++) {
            in[slot] = source[ins[slot]];
        }
        return in;
    }
}

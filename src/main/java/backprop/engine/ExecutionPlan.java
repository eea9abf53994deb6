package backprop.engine;

import backprop.engine.Graph.Kind;
import backprop.engine.Graph.Node;
import java.util.ArrayList;
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

    private ExecutionPlan(Graph graph) {
        this.graph = graph;
        int n = graph.size();
        needsGrad = new boolean[n];
        boolean[] ancestor = new boolean[n];
        ancestor[graph.output()] = true;
        for (int id = n - 1; id >= 0; id--) {
            if (ancestor[id]) {
                for (int in : graph.node(id).inputs()) {
                    ancestor[in] = true;
                }
            }
        }
        List<Integer> forward = new ArrayList<>();
        for (Node node : graph.nodes()) {
            if (node.isLeaf()) {
                needsGrad[node.id()] = node.requiresGrad();
            } else {
                forward.add(node.id());
                needsGrad[node.id()] = node.inputs().stream().anyMatch(in -> needsGrad[in]);
            }
        }
        forwardOrder = forward.stream().mapToInt(Integer::intValue).toArray();
        List<Integer> backward = new ArrayList<>();
        backwardConsumers = new int[n];
        for (int i = forwardOrder.length - 1; i >= 0; i--) {
            int id = forwardOrder[i];
            if (ancestor[id] && needsGrad[id]) {
                backward.add(id);
                graph.node(id).inputs().stream().distinct().filter(in -> needsGrad[in])
                        .forEach(in -> backwardConsumers[in]++);
            }
        }
        backwardOrder = backward.stream().mapToInt(Integer::intValue).toArray();
        updatableParams = graph.nodes().stream()
                .filter(node -> node.kind() == Kind.PARAM && backwardConsumers[node.id()] > 0)
                .mapToInt(Node::id).toArray();
        inputs = new int[n][];
        isParam = new boolean[n];
        gradSlots = new int[n][];
        paramGradSlots = new int[n][];
        otherGradSlots = new int[n][];
        for (Node node : graph.nodes()) {
            int id = node.id();
            inputs[id] = node.inputs().stream().mapToInt(Integer::intValue).toArray();
            isParam[id] = node.kind() == Kind.PARAM;
        }
        for (Node node : graph.nodes()) {
            int id = node.id();
            int[] in = inputs[id];
            gradSlots[id] = slots(in, slot -> needsGrad[in[slot]]);
            paramGradSlots[id] = slots(in, slot -> needsGrad[in[slot]] && isParam[in[slot]]);
            otherGradSlots[id] = slots(in, slot -> needsGrad[in[slot]] && !isParam[in[slot]]);
        }
    }

    private static int[] slots(int[] in, java.util.function.IntPredicate keep) {
        return java.util.stream.IntStream.range(0, in.length).filter(keep).toArray();
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
}

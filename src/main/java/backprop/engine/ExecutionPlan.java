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

package backprop.engine;

import backprop.engine.Graph.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Central differences, (f(x + h) − f(x − h)) / 2h, for every element of every leaf that needs a
 * gradient, compared with backprop. The check backprop must pass for any graph.
 */
public final class GradientCheck {
    private GradientCheck() {
    }

    /** One element's two gradients. */
    public record Entry(String leaf, int element, double backprop, double numeric) {
        public double absoluteError() {
            return Math.abs(backprop - numeric);
        }

        /** |a − n| / max(1, |a|, |n|): relative for large gradients, absolute for small ones. */
        public double error() {
            return absoluteError() / Math.max(1, Math.max(Math.abs(backprop), Math.abs(numeric)));
        }
    }

    public static List<Entry> check(Graph graph, ModelState state, double h) {
        ExecutionPlan plan = ExecutionPlan.of(graph);
        Iteration it = Iteration.gradients(graph, state);
        it.runToEnd();
        List<Entry> out = new ArrayList<>();
        for (Node leaf : graph.nodes()) {
            if (!leaf.isLeaf() || !plan.needsGrad(leaf.id())) {
                continue;
            }
            Tensor x = state.value(leaf.id());
            Tensor grad = it.grad(leaf.id());
            for (int k = 0; k < x.size(); k++) {
                double plus = outputSum(graph, plan, state.withValue(leaf.id(), x.with(k, x.at(k) + h)));
                double minus = outputSum(graph, plan, state.withValue(leaf.id(), x.with(k, x.at(k) - h)));
                double analytic = grad == null ? 0 : grad.at(k);
                out.add(new Entry(leaf.name(), k, analytic, (plus - minus) / (2 * h)));
            }
        }
        return out;
    }

    public static double maxError(List<Entry> entries) {
        return entries.stream().mapToDouble(Entry::error).max().orElse(0);
    }

    /** The forward pass alone, through the same executor; a non-scalar output is summed (its seed is all ones). */
    static double outputSum(Graph graph, ExecutionPlan plan, ModelState state) {
        Tensor out = new Iteration(plan, state, null, UpdateOrder.SIMULTANEOUS).runForward().value();
        double sum = 0;
        for (int k = 0; k < out.size(); k++) {
            sum += out.at(k);
        }
        return sum;
    }
}

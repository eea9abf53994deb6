package backprop.scenarios;

import backprop.engine.Graph;
import backprop.engine.UpdateOrder;

/**
 * A built-in example: a graph with its inputs, weights and targets, and the training settings it is
 * taught with.
 *
 * @param id          the command-line name ("seed-221")
 * @param description one line for the scenario list
 */
public record Scenario(String id, String title, String description, Graph graph, Defaults defaults) {

    /** Training settings the scenario's seed uses; the command line and the app start from these. */
    public record Defaults(String optimizer, double learningRate, UpdateOrder order, double untilLoss, int maxSteps) {
        public static final Defaults SGD = new Defaults("sgd", 0.1, UpdateOrder.SIMULTANEOUS, Double.NaN, 1000);
    }
}

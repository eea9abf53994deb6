package backprop.cli;

import backprop.engine.Graph;
import backprop.engine.Graph.Node;
import backprop.engine.ModelState;
import backprop.engine.Optimizer;
import backprop.engine.Trainer;
import backprop.engine.Trainer.Pass;
import backprop.engine.Trainer.Result;
import backprop.engine.UpdateOrder;
import backprop.scenarios.Scenario;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "train", description = "Train a scenario or program; print every forward pass's loss as JSON.")
final class TrainCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    GraphSource source;

    @Mixin
    OptimizerMixin optimizer;

    @Option(names = "--update-order", paramLabel = "ORDER", description = "simultaneous (default) or eager (seed 000)")
    String updateOrder = "simultaneous";

    @Option(names = "--until-loss", paramLabel = "X", description = "stop at the first pass whose loss is below X")
    Double untilLoss;

    @Option(names = "--max-steps", paramLabel = "N", description = "stop after N forward passes")
    Integer maxSteps;

    @Option(names = "--at", split = ",", paramLabel = "NAME=VALUE", description = "set inputs or params before training")
    Map<String, String> at = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    /** Picocli mixes options in from a class with a public no-arg constructor. */
    public static final class OptimizerMixin {
        @ArgGroup(exclusive = false)
        OptimizerOptions options = new OptimizerOptions();
    }

    @Override
    public Integer call() {
        Scenario scenario = source.scenarioOrNull();
        Graph graph = source.graph();
        Optimizer opt = optimizer.options.build(scenario);
        UpdateOrder order;
        try {
            order = UpdateOrder.parse(updateOrder);
        } catch (IllegalArgumentException e) {
            throw new UserError("--update-order: " + e.getMessage());
        }
        double until = untilLoss != null ? untilLoss : scenario != null ? scenario.defaults().untilLoss() : Double.NaN;
        int max = maxSteps != null ? maxSteps
                : scenario != null ? scenario.defaults().maxSteps()
                : Double.isNaN(until) ? 1000 : 1_000_000;
        if (max < 1) {
            throw new UserError("--max-steps must be at least 1, got " + max);
        }
        if (graph.params().isEmpty()) {
            throw new UserError("nothing to train: declare a trainable parameter, as in param w = 0.5");
        }
        ModelState start = GraphSource.withOverrides(graph, at);
        Result result = Trainer.train(graph, start, new Trainer.Config(opt, order, until, max));
        Json.print(spec.commandLine().getOut(), report(graph, result));
        return 0;
    }

    private static ObjectNode report(Graph graph, Result result) {
        ObjectNode out = Json.object();
        ArrayNode steps = out.putArray("steps");
        List<Integer> reported = graph.reported();
        for (Pass p : result.passes()) {
            ObjectNode step = steps.addObject();
            step.put("step", p.step());
            step.set("loss", Json.number(p.loss()));
            ObjectNode outputs = step.putObject("outputs");
            for (int k = 0; k < reported.size(); k++) {
                outputs.set(graph.node(reported.get(k)).name(), Json.tensor(p.reported().get(k)));
            }
        }
        ObjectNode params = out.putObject("params");
        for (Node p : graph.params()) {
            params.set(p.name(), Json.tensor(result.finalState().value(p.id())));
        }
        out.put("stopped", result.stopped().cliName());
        if (result.divergence() != null) {
            out.put("divergence", result.divergence());
        }
        out.put("seconds", result.seconds());
        return out;
    }
}

package backprop.cli;

import backprop.engine.Graph;
import backprop.engine.Graph.Node;
import backprop.engine.Iteration;
import backprop.engine.ModelState;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "grad", description = "Evaluate a program or scenario and print its value and every gradient as JSON.")
final class GradCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    GraphSource source;

    @Option(names = "--at", split = ",", paramLabel = "NAME=VALUE", description = "set inputs or params, e.g. --at x=2,y=3")
    Map<String, String> at = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Graph graph = source.graph();
        ModelState state = GraphSource.withOverrides(graph, at);
        Iteration it = Iteration.gradients(graph, state);
        it.runToEnd();
        ObjectNode out = Json.object();
        out.put("output", graph.node(graph.output()).name());
        out.set("value", Json.tensor(it.value(graph.output())));
        ObjectNode gradients = out.putObject("gradients");
        for (Node leaf : graph.namedLeaves()) {
            if (leaf.requiresGrad()) {
                gradients.set(leaf.name(), Json.tensor(gradientOrZero(it, leaf)));
            }
        }
        ArrayNode nodes = out.putArray("nodes");
        for (Node n : graph.nodes()) {
            ObjectNode node = nodes.addObject();
            node.put("id", n.id());
            node.put("name", n.name());
            node.put("kind", n.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (n.op() != null) {
                node.put("op", n.op().opName());
                ArrayNode inputs = node.putArray("inputs");
                n.inputs().forEach(inputs::add);
            }
            node.set("value", Json.tensor(it.value(n.id())));
            node.set("grad", Json.tensor(it.grad(n.id())));
        }
        Json.print(spec.commandLine().getOut(), out);
        return 0;
    }

    /** A leaf the output does not depend on has gradient zero, not "unknown". */
    private static backprop.engine.Tensor gradientOrZero(Iteration it, Node leaf) {
        backprop.engine.Tensor g = it.grad(leaf.id());
        return g != null ? g : backprop.engine.Tensor.zerosLike(it.value(leaf.id()));
    }
}

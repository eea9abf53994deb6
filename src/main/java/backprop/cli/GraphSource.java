package backprop.cli;

import backprop.engine.Graph;
import backprop.engine.Graph.Node;
import backprop.engine.ModelState;
import backprop.engine.Tensor;
import backprop.engine.program.ProgramException;
import backprop.engine.program.ProgramParser;
import backprop.scenarios.Scenario;
import backprop.scenarios.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** Where a command's graph comes from: a built-in scenario, a program given inline, or a program file. */
final class GraphSource {
    @Option(names = "--scenario", paramLabel = "NAME", description = "a built-in scenario (see: scenarios)")
    String scenario;

    @Option(names = {"-e", "--program"}, paramLabel = "PROGRAM", description = "a program, statements separated by ';' or newlines")
    String program;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "a file holding a program")
    Path file;

    /** The scenario, when one was named; its defaults seed the training settings. */
    Scenario scenarioOrNull() {
        if (scenario == null) {
            return null;
        }
        return Scenarios.byId(scenario).orElseThrow(() -> new UserError(
                "unknown scenario '" + scenario + "' (known: " + String.join(", ", Scenarios.ids()) + ")"));
    }

    Graph graph() {
        Scenario s = scenarioOrNull();
        if (s != null) {
            return s.graph();
        }
        String text = program;
        String where = "-e";
        if (file != null) {
            where = file.toString();
            try {
                text = Files.readString(file);
            } catch (NoSuchFileException e) {
                throw new UserError("cannot read " + file + ": no such file");
            } catch (IOException e) {
                throw new UserError("cannot read " + file + ": " + e.getMessage());
            }
        }
        try {
            return ProgramParser.parse(text);
        } catch (ProgramException e) {
            throw new UserError(where + ": " + e.getMessage());
        }
    }

    /** The graph's initial state with {@code name=value} overrides applied to its inputs and params. */
    static ModelState withOverrides(Graph graph, Map<String, String> at) {
        ModelState state = graph.initialState();
        for (Map.Entry<String, String> e : at.entrySet()) {
            Node leaf = graph.namedLeaves().stream().filter(n -> n.name().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new UserError("--at: '" + e.getKey() + "' is not an input or param (known: "
                            + graph.namedLeaves().stream().map(Node::name).collect(Collectors.joining(", ")) + ")"));
            if (!leaf.initialValue().isScalar()) {
                throw new UserError("--at: " + leaf.name() + " is a " + leaf.initialValue().shape()
                        + " matrix; only single numbers can be set here");
            }
            state = state.withValue(leaf.id(), Tensor.scalar(parseNumber("--at " + e.getKey(), e.getValue())));
        }
        return state;
    }

    static double parseNumber(String what, String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new UserError(what + ": '" + text + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new UserError(what + ": " + text + " is not a finite number");
        }
        return v;
    }
}

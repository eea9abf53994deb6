package backprop.ui.model;

import backprop.engine.Graph;
import backprop.scenarios.Scenario;

/**
 * What is being taught: a built-in scenario or a program typed in the formula box.
 *
 * @param scenario the scenario, or null for a program
 * @param program  the program text, or null for a scenario
 */
public record Lesson(String title, Graph graph, Scenario scenario, String program) {

    public static Lesson of(Scenario s) {
        return new Lesson(s.title(), s.graph(), s, null);
    }

    public static Lesson ofProgram(String text, Graph graph) {
        return new Lesson("Your formula", graph, null, text);
    }

    /**
     * The lesson's formula, typed or the example's own ({@link backprop.scenarios.Scenarios#program}),
     * with its inputs and params written as they are in {@code s} (edited, trained); null for a
     * lesson that has no formula.
     */
    public String formulaWith(backprop.engine.ModelState s) {
        String base = program != null ? program
                : scenario != null ? backprop.scenarios.Scenarios.program(scenario.id()).orElse(null) : null;
        if (base == null || s == null) {
            return base;
        }
        java.util.Map<String, Double> values = new java.util.HashMap<>();
        boolean asWritten = true;
        for (Graph.Node n : graph.namedLeaves()) {
            backprop.engine.Tensor v = n.id() < s.size() ? s.value(n.id()) : null;
            if (v != null && v.isScalar()) {
                values.put(n.name(), v.scalar());
                asWritten &= v.scalar() == n.initialValue().scalar();
            }
        }
        // as written: no second parse (a lesson's start, on the FX thread)
        return asWritten ? base : backprop.engine.program.ProgramParser.withLeafValues(base, values);
    }

    /** The id shown in the scenario picker. */
    public String id() {
        return scenario != null ? scenario.id() : "formula";
    }
}

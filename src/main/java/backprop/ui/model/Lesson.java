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

    /** The id shown in the scenario picker. */
    public String id() {
        return scenario != null ? scenario.id() : "formula";
    }
}

package backprop.ui.chain;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Graph;
import backprop.engine.Optimizer;
import backprop.engine.Step;
import backprop.engine.Step.BackwardStep;
import backprop.engine.Trace;
import backprop.engine.UpdateOrder;
import backprop.engine.program.ProgramParser;
import backprop.scenarios.Scenarios;
import org.junit.jupiter.api.Test;

/** The chain-rule text of a step, with numbers worked out by hand (or in tools/seed000_reference.py). */
class ChainRuleTest {

    private static Trace trace(Graph g) {
        return Trace.record(g, g.initialState(), null, UpdateOrder.SIMULTANEOUS);
    }

    /** Applied steps up to and including the backward step that passes a gradient to {@code leaf}. */
    private static int stepReaching(Trace t, String leaf) {
        int id = t.graph().byName(leaf).orElseThrow().id();
        for (int i = 0; i < t.size(); i++) {
            if (t.step(i) instanceof BackwardStep b && b.edges().stream().anyMatch(e -> e.input() == id)) {
                return i + 1;
            }
        }
        throw new AssertionError("no step reaches " + leaf);
    }

    @Test
    void appleMultiplyShowsUpstreamTimesLocal() {
        Trace t = trace(Scenarios.apple().graph());
        Explanation x = ChainRule.at(t, t.size(), null);
        assertThat(x.tex()).contains("1.1 \\times 2 = 2.2").contains("1.1 \\times 100 = 110");
        assertThat(x.terms()).isEmpty();
    }

    @Test
    void forwardStepFillsTheNumbersIn() {
        Trace t = trace(Scenarios.apple().graph());
        Explanation x = ChainRule.at(t, 1, null); // apple * count
        assertThat(x.tex()).contains("100 \\cdot 2 = 200");
    }

    @Test
    void aValueUsedThreeTimesIsASumOfThreeColouredTerms() {
        Trace t = trace(ProgramParser.parse("x = 3; y = x * x + x"));
        Explanation x = ChainRule.at(t, t.size(), null);
        // y = x·x + x: going backward the sum passes 1·1 first, then the product 1·3 twice; 1 + 3 + 3 = 7
        assertThat(x.terms()).hasSize(3);
        assertThat(x.terms()).extracting(Explanation.Term::colour).containsExactly(0, 1, 2);
        assertThat(x.tex()).contains("\\textcolor{" + ChainRule.TERM_COLOURS.get(0) + "}{1} + \\textcolor{"
                + ChainRule.TERM_COLOURS.get(1) + "}{3} + \\textcolor{" + ChainRule.TERM_COLOURS.get(2) + "}{3} = 7");
    }

    @Test
    void aSumStillWaitingForConsumersSaysSo() {
        Trace t = trace(ProgramParser.parse("x = 3; y = x * 2 + exp(x)"));
        int first = stepReaching(t, "x");
        assertThat(ChainRule.at(t, first, null).tex()).contains("\\ldots");
    }

    @Test
    void seed221WritesSeed000sWholeChainForAWeight() {
        Trace t = trace(Scenarios.seed221().graph());
        Explanation x = ChainRule.at(t, stepReaching(t, "w13"), null);
        // ∂E/∂w13 = (y5 − t) · y5(1 − y5) · w35 · y3(1 − y3) · x1, from tools/seed000_reference.py's formulas
        assertThat(x.tex()).contains("\\frac{\\partial E}{\\partial y_{5}}")
                .contains("0.190283 \\times 0.213792 \\times 0.3 \\times 0.217504 \\times 0.35 = 0.000929071");
    }

    @Test
    void anUpdateStepShowsTheRuleAndBothValues() {
        Graph g = Scenarios.seed221().graph();
        Optimizer sgd = new Optimizer.Sgd(1);
        Trace t = Trace.record(g, g.initialState(), sgd, UpdateOrder.SIMULTANEOUS);
        Step last = t.step(t.size() - 1);
        Explanation x = ChainRule.at(t, t.size(), sgd);
        assertThat(last).isInstanceOf(Step.UpdateStep.class);
        assertThat(x.tex()).contains("w \\leftarrow w - \\eta\\, g").contains("\\longrightarrow");
    }

    @Test
    void theEagerOrderSaysWhichWeightWasAlreadyUpdated() {
        Graph g = Scenarios.seed221().graph();
        Trace t = Trace.record(g, g.initialState(), new Optimizer.Sgd(1), UpdateOrder.EAGER);
        int w35 = g.byName("w35").orElseThrow().id();
        int y3 = g.byName("y3").orElseThrow().id();
        for (int i = 0; i < t.size(); i++) {
            if (t.step(i) instanceof BackwardStep b && b.edges().stream().anyMatch(e -> e.input() == y3)) {
                // the step passing the gradient to y3 comes right after w35's update, with w35's new value
                assertThat(t.step(i - 1)).isInstanceOf(Step.UpdateStep.class);
                assertThat(ChainRule.at(t, i + 1, null).tex()).contains("eager order").contains("w_{35}: 0.3 \\to ");
                return;
            }
        }
        throw new AssertionError("no step passes a gradient to y3");
    }
}

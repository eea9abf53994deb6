package backprop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Graph;
import backprop.scenarios.Scenarios;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inspector's formulas in plain text (no toolkit needed). */
class InspectorTextTest {

    @Test
    void aMatrixOpsGradientIsWrittenAsItsProductWithTransposesAsSuperscripts() {
        Graph g = Scenarios.logistic().graph();
        Graph.Node affine = g.node(g.consumers(g.byName("w").orElseThrow().id())[0]);
        // ∂L/∂w = Xᵀ · ∂L/∂z, ∂L/∂b = 1ᵀ · ∂L/∂z (the column sums), as seed 001's dot node
        assertThat(InspectorPanel.plain(affine.op().gradientTex(1), affine, g, "∂L/∂z")).isEqualTo("Xᵀ · ∂L/∂z");
        assertThat(InspectorPanel.plain(affine.op().gradientTex(2), affine, g, "∂L/∂z")).isEqualTo("1ᵀ · ∂L/∂z");
        assertThat(InspectorPanel.plain(affine.op().localDerivativeTex(2), affine, g, null)).isEqualTo("1ᵀ");
    }

    @Test
    void noOpsFormulaKeepsTeXInTheInspector() {
        List<Graph> graphs = new java.util.ArrayList<>();
        Scenarios.ids().forEach(id -> graphs.add(Scenarios.byId(id).orElseThrow().graph()));
        // every function and operator of the formula language, on compound operands
        graphs.add(backprop.engine.program.ProgramParser.parse("p = 2; q = 3; y = exp(p * q) + log(p + q) + sqrt(p + q) "
                + "+ (p + q) / (p * q) + (p + q) ^ (p * q) + sigmoid(p - q) * tanh(p / q) + relu(-p) - abs(q) "
                + "+ max(p, q * q) + sin(p * q) + cos(p + q)"));
        for (Graph g : graphs) {
            for (Graph.Node n : g.nodes()) {
                for (int slot = 0; n.op() != null && slot < n.inputs().size(); slot++) {
                    String local = InspectorPanel.plain(n.op().localDerivativeTex(slot), n, g, null);
                    assertThat(local).as("∂%s/∂ operand %d", n.name(), slot).doesNotContain("\\", "{", "}", "frac", "operatorname");
                    String product = n.op().gradientTex(slot);
                    if (product != null) {
                        assertThat(InspectorPanel.plain(product, n, g, "∂L/∂y")).doesNotContain("\\", "{", "}", "#");
                    }
                }
            }
        }
    }

    @Test
    void dataAndConstantsNeverGetAGradientWhatTheyFeedMay() {
        Graph xor = Scenarios.byId("xor").orElseThrow().graph();
        assertThat(InspectorPanel.neverGetsAGradient(xor, xor.byName("y").orElseThrow())).isTrue(); // the targets
        assertThat(InspectorPanel.neverGetsAGradient(xor, xor.byName("X").orElseThrow())).isTrue();
        assertThat(InspectorPanel.neverGetsAGradient(xor, xor.byName("W_hidden").orElseThrow())).isFalse();
        assertThat(InspectorPanel.neverGetsAGradient(xor, xor.byName("z_hidden").orElseThrow())).isFalse();
        // in a typed formula every input gets one (apples: ∂price/∂count = 110); a constant and what only it feeds do not
        Graph g = backprop.engine.program.ProgramParser.parse("x = 2; y = x * (3 + 4)");
        assertThat(InspectorPanel.neverGetsAGradient(g, g.byName("x").orElseThrow())).isFalse();
        Graph.Node sum = g.node(g.node(g.output()).input(1));
        assertThat(sum.name()).isEqualTo("3 + 4");
        assertThat(InspectorPanel.neverGetsAGradient(g, sum)).isTrue();
        assertThat(InspectorPanel.neverGetsAGradient(g, g.node(sum.input(0)))).isTrue();
    }

    @Test
    void aLargeMatrixIsGivenByItsRangeOrByItsOneValue() {
        assertThat(InspectorPanel.exact(backprop.engine.Tensor.filled(10, 20, 0.0))).isEqualTo("10×20\n  all 0");
        double[][] rows = new double[10][20];
        rows[3][4] = -0.5;
        rows[9][19] = 2;
        assertThat(InspectorPanel.exact(backprop.engine.Tensor.of(rows))).isEqualTo("10×20\n  from −0.5 to 2");
    }
}

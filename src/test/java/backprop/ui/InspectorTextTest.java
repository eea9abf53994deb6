package backprop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Graph;
import backprop.scenarios.Scenarios;
import org.junit.jupiter.api.Test;

/** The inspector's formulas in plain text (no toolkit needed). */
class InspectorTextTest {

    @Test
    void aMatrixOpsGradientIsWrittenAsItsProductWithTransposesAsSuperscripts() {
        Graph g = Scenarios.logistic().graph();
        Graph.Node affine = g.node(g.consumers(g.byName("w").orElseThrow().id())[0]);
        // ∂L/∂w = Xᵀ · ∂L/∂z, ∂L/∂b = 1ᵀ · ∂L/∂z (the column sums), as seed 001's dot node
        assertThat(InspectorPanel.plain(affine.op().gradientTex(1).replace("#g", "∂L/∂z"), affine, g)).isEqualTo("Xᵀ · ∂L/∂z");
        assertThat(InspectorPanel.plain(affine.op().gradientTex(2).replace("#g", "∂L/∂z"), affine, g)).isEqualTo("1ᵀ · ∂L/∂z");
        assertThat(InspectorPanel.plain(affine.op().localDerivativeTex(2), affine, g)).isEqualTo("1ᵀ");
    }

    @Test
    void aLargeMatrixIsGivenByItsRangeOrByItsOneValue() {
        assertThat(InspectorPanel.exact(backprop.engine.Tensor.filled(10, 20, 0.0))).isEqualTo("10×20, all 0");
        double[][] rows = new double[10][20];
        rows[3][4] = -0.5;
        rows[9][19] = 2;
        assertThat(InspectorPanel.exact(backprop.engine.Tensor.of(rows))).isEqualTo("10×20, from −0.5 to 2 (heat map below)");
    }
}

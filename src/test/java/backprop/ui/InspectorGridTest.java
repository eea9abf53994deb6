package backprop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Tensor;
import org.junit.jupiter.api.Test;

/** How the inspector writes out a small matrix: a row per line, five significant digits, columns aligned. */
class InspectorGridTest {
    @Test
    void rowsOnTheirOwnLinesWithRightAlignedColumns() {
        Tensor t = Tensor.of(new double[][] {{0.7166989310974133, -0.07011552132311605}, {12.5, 3}});
        assertThat(InspectorPanel.grid(t)).isEqualTo(
                "   0.7167  −0.070116\n"
              + "     12.5          3");
    }

    @Test
    void aColumnVectorIsOneNumberPerLine() {
        Tensor t = Tensor.of(new double[][] {{1}, {-0.25}, {100}});
        assertThat(InspectorPanel.grid(t)).isEqualTo("       1\n   −0.25\n     100");
    }

    @Test
    void aRowOfThreeSmallGradientsFitsTheInspectorsWidth() {
        Tensor t = Tensor.of(new double[][] {{-0.0168079, -0.000621284, -0.0169016}});
        assertThat(InspectorPanel.grid(t)).isEqualTo("   −0.016808  −6.213e−4  −0.016902");
    }
}

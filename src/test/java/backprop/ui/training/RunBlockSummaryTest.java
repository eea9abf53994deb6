package backprop.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Optimizer;
import backprop.engine.UpdateOrder;
import org.junit.jupiter.api.Test;

/** The per-block summaries a long curve is redrawn from agree with the losses themselves. */
class RunBlockSummaryTest {

    private static Run runOf(double... losses) {
        Run r = new Run("test", new Optimizer.Sgd(0.1), UpdateOrder.SIMULTANEOUS, 0, 1, 0, 1);
        for (int i = 0; i < losses.length; i++) {
            r.append(i + 1, losses[i], null, null);
        }
        return r;
    }

    @Test
    void eachBlockHoldsItsMinMaxAndLastDrawableLoss() {
        double[] losses = new double[Run.BLOCK * 2 + 5];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = 1000.0 / (i + 1) + (i % 7);
        }
        Run r = runOf(losses);
        assertThat(r.blocks()).isEqualTo(3);
        for (int b = 0; b < 3; b++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int from = b * Run.BLOCK;
            int to = Math.min(losses.length, from + Run.BLOCK);
            for (int i = from; i < to; i++) {
                min = Math.min(min, losses[i]);
                max = Math.max(max, losses[i]);
            }
            for (boolean log : new boolean[] {false, true}) {
                assertThat(r.blockMin(log, b)).isEqualTo(min);
                assertThat(r.blockMax(log, b)).isEqualTo(max);
                assertThat(r.blockLast(log, b)).isEqualTo(losses[to - 1]);
                assertThat(r.blockLastIndex(log, b)).isEqualTo(to - 1);
            }
        }
    }

    @Test
    void undrawableLossesAreLeftOutPerAxis() {
        Run r = runOf(0.5, -2, Double.NaN, 0);
        // the linear axis draws −2 and 0; the log axis only the positive 0.5
        assertThat(r.blockMin(false, 0)).isEqualTo(-2);
        assertThat(r.blockLastIndex(false, 0)).isEqualTo(3);
        assertThat(r.blockMin(true, 0)).isEqualTo(0.5);
        assertThat(r.blockMax(true, 0)).isEqualTo(0.5);
        assertThat(r.blockLastIndex(true, 0)).isEqualTo(0);
        Run none = runOf(Double.NaN, Double.POSITIVE_INFINITY);
        assertThat(none.blockLastIndex(false, 0)).isEqualTo(-1);
    }
}

package backprop.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backprop.engine.Graph;
import backprop.engine.Optimizer;
import backprop.engine.StateCodec;
import backprop.engine.Trainer;
import backprop.engine.UpdateOrder;
import backprop.engine.program.ProgramParser;
import org.junit.jupiter.api.Test;

/** The weights a run keeps per iteration, packed one after another in one array, through thinning. */
class RunWeightsTest {
    private final Graph graph = ProgramParser.parse("param w = 1; loss = w^2");
    private final int w = graph.byName("w").orElseThrow().id();
    private final StateCodec codec = codecOf(graph);

    private static StateCodec codecOf(Graph g) {
        StateCodec[] out = new StateCodec[1];
        Trainer.train(g, g.initialState(), new Trainer.Config(new Optimizer.Sgd(0.1), UpdateOrder.SIMULTANEOUS,
                Double.NaN, 1), (step, loss, weights) -> out[0] = weights.codec(), () -> false);
        return out[0];
    }

    @Test
    void eachKeptIterationGivesBackItsOwnWeightsAfterThinningAndTheCallerMayReuseItsArray() {
        assertThat(codec.width()).as("w, its update count, the updated flag").isEqualTo(3);
        // a run that counts each state as 100,000 weights: it thins to every 2nd, 4th, … iteration
        Run run = new Run("big", new Optimizer.Sgd(0.1), UpdateOrder.SIMULTANEOUS, 0, 1, 0, 100_000);
        double[] buffer = new double[5 * codec.width()];
        for (int it = 1; it <= 1000; it++) {
            int at = (it % 5) * codec.width(); // states at different offsets of one reused array
            buffer[at] = it * 10.0; // w of iteration it
            buffer[at + 1] = it;
            buffer[at + 2] = 1;
            run.append(it, 1.0 / it, buffer, at, codec);
            buffer[at] = -1; // overwritten at once: the run must have copied it
        }
        assertThat(run.stride()).isGreaterThan(2);
        for (int it : new int[] {1, 2, 3, 500, 777, 999, 1000}) {
            Run.Kept k = run.stateNear(it);
            assertThat(k.state().value(w).scalar()).as("iteration %d kept as %d", it, k.iteration())
                    .isEqualTo(k.iteration() * 10.0);
            assertThat(k.state().slot(w).t()).isEqualTo(k.iteration());
            assertThat(k.iteration()).isLessThanOrEqualTo(it).isGreaterThan(it - run.stride());
        }
        assertThat(run.stateNear(1000).iteration()).as("the last is always kept").isEqualTo(1000);
    }

    @Test
    void weightsOfAnotherWidthAreRefused() {
        Run run = new Run("r", new Optimizer.Sgd(0.1), UpdateOrder.SIMULTANEOUS, 0, 1, 0, 1);
        run.append(1, 1, new double[] {1, 1, 1}, codec);
        StateCodec wider = codecOf(ProgramParser.parse("param a = 1; param b = 2; loss = a * b"));
        assertThatThrownBy(() -> run.append(2, 1, new double[wider.width()], wider))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("doubles");
    }
}

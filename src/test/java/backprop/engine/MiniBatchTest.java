package backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.scenarios.Scenarios;
import org.junit.jupiter.api.Test;

/** Mini-batches: each pass sees a batch, the state keeps the whole data set, the same seed repeats a run. */
class MiniBatchTest {
    private final Graph xor = Scenarios.xor(Scenarios.XOR_SEED).graph();

    private Trainer.Result train(Trainer.Batches batches, int passes) {
        return Trainer.train(xor, xor.initialState(),
                new Trainer.Config(new Optimizer.Sgd(0.1), UpdateOrder.SIMULTANEOUS, Double.NaN, passes, batches));
    }

    @Test
    void theDataInputsAreTheRowsOfXAndTheTargets() {
        assertThat(Trainer.Batches.dataInputs(xor)).containsExactly(
                xor.byName("X").orElseThrow().id(), xor.byName("y").orElseThrow().id());
        assertThat(Trainer.Batches.dataInputs(Scenarios.seed221().graph())).isEmpty();
    }

    @Test
    void eachPassSeesABatchAndTheStateKeepsAllRows() {
        Trainer.Result r = train(new Trainer.Batches(2, 7), 20);
        assertThat(r.passes()).allSatisfy(p -> assertThat(p.reported().get(0).rows()).isEqualTo(2));
        int x = xor.byName("X").orElseThrow().id();
        assertThat(r.finalState().value(x)).isEqualTo(xor.node(x).initialValue());
    }

    @Test
    void theSameSeedRepeatsTheRunAndADifferentSeedDoesNot() {
        Trainer.Result a = train(new Trainer.Batches(1, 7), 30);
        Trainer.Result b = train(new Trainer.Batches(1, 7), 30);
        Trainer.Result c = train(new Trainer.Batches(1, 8), 30);
        int w = xor.byName("W_hidden").orElseThrow().id();
        assertThat(b.finalState().value(w)).isEqualTo(a.finalState().value(w));
        assertThat(c.finalState().value(w)).isNotEqualTo(a.finalState().value(w));
    }

    @Test
    void aBatchAsLargeAsTheDataIsFullBatchTraining() {
        Trainer.Result full = train(null, 25);
        Trainer.Result batch = train(new Trainer.Batches(4, 7), 25);
        for (int i = 0; i < 25; i++) {
            assertThat(batch.passes().get(i).loss()).isEqualTo(full.passes().get(i).loss());
        }
    }

    @Test
    void aGraphWithoutDataCannotBeBatched() {
        Graph g = Scenarios.seed221().graph();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Trainer.train(g, g.initialState(),
                        new Trainer.Config(new Optimizer.Sgd(1), UpdateOrder.SIMULTANEOUS, Double.NaN, 3, new Trainer.Batches(2, 1))))
                .hasMessageContaining("no data rows");
    }
}

package backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class PassLogTest {
    private final DMatrixRMaj column = new DMatrixRMaj(2, 1);
    private final DMatrixRMaj scalar = new DMatrixRMaj(1, 1);

    private void fill(int step) {
        column.data[0] = step;
        column.data[1] = -step;
        scalar.data[0] = step * 10;
    }

    @Test
    void keepsEveryPassPastItsFirstRoomWithTheValuesOfItsOwnPass() {
        PassLog log = new PassLog(new DMatrixRMaj[] {column, scalar}, true, 2);
        for (int step = 1; step <= 5; step++) {
            fill(step);
            log.add(step, step / 100.0, new DMatrixRMaj[] {column, scalar});
        }
        fill(99); // the buffers move on; the log keeps copies

        List<Trainer.Pass> passes = log.passes();
        assertThat(passes).hasSize(5);
        for (int k = 0; k < 5; k++) {
            Trainer.Pass p = passes.get(k);
            int step = k + 1;
            assertThat(p.step()).isEqualTo(step);
            assertThat(p.loss()).isEqualTo(step / 100.0);
            assertThat(p.reported()).containsExactly(Tensor.of(new double[][] {{step}, {-step}}),
                    Tensor.of(new double[][] {{step * 10}}));
        }
    }

    @Test
    void lastPassOnlyKeepsTheLastWithItsStep() {
        PassLog log = new PassLog(new DMatrixRMaj[] {scalar}, false, 1000);
        for (int step = 1; step <= 7; step++) {
            fill(step);
            log.add(step, step, new DMatrixRMaj[] {scalar});
        }
        assertThat(log.passes()).containsExactly(new Trainer.Pass(7, 7, List.of(Tensor.of(new double[][] {{70}}))));
    }
}

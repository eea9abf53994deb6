package backprop.engine.op;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;

/** Our products against EJML's, an independent implementation, on random shapes (both sum in k order). */
class MatrixKernelsTest {

    @Property(tries = 60)
    void productsMatchEjml(@ForAll @IntRange(min = 1, max = 40) int n, @ForAll @IntRange(min = 1, max = 40) int k,
                           @ForAll @IntRange(min = 1, max = 40) int m, @ForAll long seed) {
        Random random = new Random(seed);
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(n, k, -2, 2, random);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(k, m, -2, 2, random);
        DMatrixRMaj bt = CommonOps_DDRM.transpose(b, null);
        DMatrixRMaj at = CommonOps_DDRM.transpose(a, null);

        DMatrixRMaj expected = new DMatrixRMaj(n, m);
        CommonOps_DDRM.mult(a, b, expected);
        // output buffers full of old numbers, as the trainer reuses them
        assertThat(run(n, m, c -> MatrixKernels.mult(a, b, c)).data).containsExactly(expected.data, within());
        assertThat(run(n, m, c -> MatrixKernels.multTransA(at, b, c)).data).containsExactly(expected.data, within());
        assertThat(run(n, m, c -> MatrixKernels.multTransB(a, bt, c)).data).containsExactly(expected.data, within());
    }

    /**
     * Shapes around {@link MatrixKernels#NARROW}, where the loops nest one way or the other: every
     * element must be exactly the sum in increasing k from 0, whichever way they nest (both
     * executors, and the trace's golden numbers, rely on one summation order).
     */
    @Property(tries = 200)
    void bothLoopOrdersSumInKOrderToTheLastBit(@ForAll @IntRange(min = 1, max = 6) int n,
                                               @ForAll @IntRange(min = 1, max = 6) int k,
                                               @ForAll @IntRange(min = 1, max = 6) int m, @ForAll long seed) {
        Random random = new Random(seed);
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(n, k, -2, 2, random);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(k, m, -2, 2, random);
        double[] expected = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a.get(i, p) * b.get(p, j);
                }
                expected[i * m + j] = sum;
            }
        }
        DMatrixRMaj at = CommonOps_DDRM.transpose(a, null);
        DMatrixRMaj bt = CommonOps_DDRM.transpose(b, null);
        assertThat(run(n, m, c -> MatrixKernels.mult(a, b, c)).data).containsExactly(expected);
        assertThat(run(n, m, c -> MatrixKernels.multTransA(at, b, c)).data).containsExactly(expected);
        assertThat(run(n, m, c -> MatrixKernels.multTransB(a, bt, c)).data).containsExactly(expected);
    }

    private static DMatrixRMaj run(int rows, int cols, java.util.function.Consumer<DMatrixRMaj> kernel) {
        DMatrixRMaj c = new DMatrixRMaj(rows, cols);
        java.util.Arrays.fill(c.data, 7.5);
        kernel.accept(c);
        return c;
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-12);
    }
}

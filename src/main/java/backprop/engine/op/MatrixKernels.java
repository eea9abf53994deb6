package backprop.engine.op;

import org.ejml.data.DMatrixRMaj;

/**
 * The three products of a dense layer, written out so both executors share one summation order: each
 * element is Σₖ in increasing k, starting from 0. Loops run along rows (i-k-j), so large matrices
 * are read in memory order; tiny ones (the seed networks) pay no dispatch.
 * When the innermost loop would run fewer than {@link #NARROW} times (XOR's 3×1 output weights: once),
 * the loops are nested the other way, so the innermost one is the longer: a compiled loop's set-up
 * costs more than one trip of it (XOR's compiled passes ran 10-12% faster; a cold 50,000-pass run, mostly
 * spent before that code is compiled, no faster beyond noise). The sum of each element is the same
 * sequence of additions either way, so the numbers are identical to the last bit.
 * Operands are row-major with their shapes in numRows/numCols; c must not be a or b.
 */
final class MatrixKernels {
    /** Inner loops shorter than this are swapped for a longer one. */
    static final int NARROW = 4;

    private MatrixKernels() {
    }

    /** c = a·b; a: n×k, b: k×m, c: n×m. */
    static void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int n = a.numRows;
        int k = a.numCols;
        int m = b.numCols;
        double[] ad = a.data;
        double[] bd = b.data;
        double[] cd = c.data;
        if (m < NARROW) {
            for (int i = 0; i < n; i++) {
                int ai = i * k;
                for (int j = 0; j < m; j++) {
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum += ad[ai + p] * bd[p * m + j];
                    }
                    cd[i * m + j] = sum;
                }
            }
            return;
        }
        java.util.Arrays.fill(cd, 0, n * m, 0.0);
        for (int i = 0; i < n; i++) {
            int ci = i * m;
            for (int p = 0; p < k; p++) {
                double aip = ad[i * k + p];
                int bp = p * m;
                for (int j = 0; j < m; j++) {
                    cd[ci + j] += aip * bd[bp + j];
                }
            }
        }
    }

    /** c = aᵀ·b; a: k×n, b: k×m, c: n×m. */
    static void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int k = a.numRows;
        int n = a.numCols;
        int m = b.numCols;
        double[] ad = a.data;
        double[] bd = b.data;
        double[] cd = c.data;
        if (m < NARROW) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum += ad[p * n + i] * bd[p * m + j];
                    }
                    cd[i * m + j] = sum;
                }
            }
            return;
        }
        java.util.Arrays.fill(cd, 0, n * m, 0.0);
        for (int p = 0; p < k; p++) {
            int bp = p * m;
            for (int i = 0; i < n; i++) {
                double api = ad[p * n + i];
                int ci = i * m;
                for (int j = 0; j < m; j++) {
                    cd[ci + j] += api * bd[bp + j];
                }
            }
        }
    }

    /** c = a·bᵀ; a: n×k, b: m×k, c: n×m. */
    static void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int n = a.numRows;
        int k = a.numCols;
        int m = b.numRows;
        double[] ad = a.data;
        double[] bd = b.data;
        double[] cd = c.data;
        if (k < NARROW) {
            java.util.Arrays.fill(cd, 0, n * m, 0.0);
            for (int i = 0; i < n; i++) {
                int ci = i * m;
                for (int p = 0; p < k; p++) {
                    double aip = ad[i * k + p];
                    for (int j = 0; j < m; j++) {
                        cd[ci + j] += aip * bd[j * k + p];
                    }
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            int ai = i * k;
            for (int j = 0; j < m; j++) {
                int bj = j * k;
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += ad[ai + p] * bd[bj + p];
                }
                cd[i * m + j] = sum;
            }
        }
    }
}

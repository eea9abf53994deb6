package backprop.engine;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;

/**
 * An immutable dense matrix of doubles, row-major, backed by an EJML {@link DMatrixRMaj}.
 * A scalar is a 1×1 tensor. Tensors are never mutated after construction, so a trace step
 * can hold them by reference and stepping back never sees a later value.
 */
public final class Tensor {
    private final DMatrixRMaj m;

    private Tensor(DMatrixRMaj m) {
        this.m = m;
    }

    /** Takes ownership of {@code m}: the caller must not mutate it afterwards. */
    public static Tensor wrap(DMatrixRMaj m) {
        return new Tensor(m);
    }

    public static Tensor scalar(double v) {
        return new Tensor(new DMatrixRMaj(1, 1, true, v));
    }

    /** A matrix from rows of equal length. */
    public static Tensor of(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("a tensor needs at least one row");
        }
        int cols = rows[0].length;
        for (double[] row : rows) {
            if (row.length != cols) {
                throw new IllegalArgumentException("rows of unequal length: " + cols + " and " + row.length);
            }
        }
        return new Tensor(new DMatrixRMaj(rows));
    }

    /** A row vector (1×n). */
    public static Tensor row(double... values) {
        return new Tensor(new DMatrixRMaj(1, values.length, true, values.clone()));
    }

    /** A column vector (n×1). */
    public static Tensor column(double... values) {
        return new Tensor(new DMatrixRMaj(values.length, 1, true, values.clone()));
    }

    public static Tensor filled(int rows, int cols, double v) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        Arrays.fill(m.data, 0, rows * cols, v);
        return new Tensor(m);
    }

    public static Tensor zerosLike(Tensor t) {
        return new Tensor(new DMatrixRMaj(t.rows(), t.cols()));
    }

    public int rows() {
        return m.numRows;
    }

    public int cols() {
        return m.numCols;
    }

    public int size() {
        return m.numRows * m.numCols;
    }

    public boolean isScalar() {
        return size() == 1;
    }

    public boolean sameShape(Tensor o) {
        return rows() == o.rows() && cols() == o.cols();
    }

    public String shape() {
        return rows() + "×" + cols();
    }

    public double get(int r, int c) {
        return m.unsafe_get(r, c);
    }

    /** Element {@code i} in row-major order. */
    public double at(int i) {
        return m.data[i];
    }

    /** The value of a 1×1 tensor. */
    public double scalar() {
        if (!isScalar()) {
            throw new IllegalStateException("not a scalar: " + shape());
        }
        return m.data[0];
    }

    /** Read-only view for EJML operations; mutating it breaks every trace that holds this tensor. */
    public DMatrixRMaj matrix() {
        return m;
    }

    /** A copy of the elements in row-major order. */
    public double[] toArray() {
        return Arrays.copyOf(m.data, size());
    }

    public double[][] toRows() {
        double[][] out = new double[rows()][cols()];
        for (int r = 0; r < rows(); r++) {
            System.arraycopy(m.data, r * cols(), out[r], 0, cols());
        }
        return out;
    }

    public Tensor map(DoubleUnaryOperator f) {
        DMatrixRMaj out = new DMatrixRMaj(rows(), cols());
        for (int i = 0, n = size(); i < n; i++) {
            out.data[i] = f.applyAsDouble(m.data[i]);
        }
        return new Tensor(out);
    }

    /** A copy with element {@code i} (row-major) replaced; for numeric differentiation and editing. */
    public Tensor with(int i, double v) {
        DMatrixRMaj out = m.copy();
        out.data[i] = v;
        return new Tensor(out);
    }

    public boolean allFinite() {
        for (int i = 0, n = size(); i < n; i++) {
            if (!Double.isFinite(m.data[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tensor t) || !sameShape(t)) {
            return false;
        }
        for (int i = 0, n = size(); i < n; i++) {
            if (Double.doubleToLongBits(m.data[i]) != Double.doubleToLongBits(t.m.data[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 31 * rows() + cols();
        for (int i = 0, n = size(); i < n; i++) {
            h = 31 * h + Double.hashCode(m.data[i]);
        }
        return h;
    }

    @Override
    public String toString() {
        return isScalar() ? Double.toString(m.data[0]) : Arrays.deepToString(toRows());
    }
}

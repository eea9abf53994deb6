package backprop.engine;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import org.ejml.data.DMatrixRMaj;

/**
 * The passes of a training run in flat arrays: each pass's loss and its reported values, copied
 * from the executor's buffers. A pass costs no objects (50,000 XOR passes were 250,000 objects
 * before); {@link #passes()} makes a {@link Trainer.Pass} when one is read.
 */
final class PassLog {
    private final int[] rows;
    private final int[] cols;
    /** Doubles per pass: the reported values one after another. */
    private final int width;
    private final boolean keepAll;
    private double[] losses;
    private double[] values;
    private int size;
    private int firstStep = 1;

    /**
     * @param reported the reported nodes' buffers, which give the shapes
     * @param keepAll  false: keep the last pass only
     * @param expected how many passes to make room for at first
     */
    PassLog(DMatrixRMaj[] reported, boolean keepAll, int expected) {
        rows = new int[reported.length];
        cols = new int[reported.length];
        int w = 0;
        for (int k = 0; k < reported.length; k++) {
            rows[k] = reported[k].numRows;
            cols[k] = reported[k].numCols;
            w += rows[k] * cols[k];
        }
        width = w;
        this.keepAll = keepAll;
        int room = keepAll ? Math.max(1, Math.min(expected, 1 << 16)) : 1;
        losses = new double[room];
        values = new double[room * width];
    }

    /** Pass {@code step}: its loss and the reported buffers as they are now. */
    void add(int step, double loss, DMatrixRMaj[] reported) {
        int at;
        if (!keepAll) {
            at = 0;
            firstStep = step;
            size = 1;
        } else {
            if (size == losses.length) {
                losses = Arrays.copyOf(losses, size * 2);
                values = Arrays.copyOf(values, size * 2 * width);
            }
            at = size++;
        }
        losses[at] = loss;
        int to = at * width;
        for (DMatrixRMaj m : reported) {
            int n = m.getNumElements();
            System.arraycopy(m.data, 0, values, to, n);
            to += n;
        }
    }

    /**
     * The kept passes as a read-only list over the log's arrays (so: once the run is over); a pass's
     * tensors are made when it is read.
     */
    List<Trainer.Pass> passes() {
        return new Passes(losses, values, size, firstStep);
    }

    private final class Passes extends AbstractList<Trainer.Pass> implements RandomAccess {
        private final double[] losses;
        private final double[] values;
        private final int size;
        private final int firstStep;

        Passes(double[] losses, double[] values, int size, int firstStep) {
            this.losses = losses;
            this.values = values;
            this.size = size;
            this.firstStep = firstStep;
        }

        @Override
        public Trainer.Pass get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("pass index " + index + " of " + size);
            }
            Tensor[] reported = new Tensor[rows.length];
            int from = index * width;
            for (int k = 0; k < reported.length; k++) {
                int n = rows[k] * cols[k];
                reported[k] = Tensor.wrap(DMatrixRMaj.wrap(rows[k], cols[k], Arrays.copyOfRange(values, from, from + n)));
                from += n;
            }
            return new Trainer.Pass(firstStep + index, losses[index], List.of(reported));
        }

        @Override
        public int size() {
            return size;
        }
    }
}

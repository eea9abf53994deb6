package backprop.ui.training;

import backprop.engine.ModelState;
import backprop.engine.StateCodec;
import backprop.engine.Optimizer;
import backprop.engine.UpdateOrder;
import java.util.Arrays;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * One curve on the loss chart: the loss of every iteration of one training run, from one start with
 * one optimizer and update order, and the weights of its iterations for scrubbing and restoring.
 * Iteration k is the k-th forward pass counted from the lesson's start, as seed 000 counts
 * ("step = 111"); a run that continues from iteration 50 of another starts at 50.
 * <p>
 * Changed only on the UI thread (by {@link TrainingModel}); the chart reads it there too.
 */
public final class Run {
    /**
     * Weights kept per run, in scalars: a state costs its param scalars (with optimizer memory) plus a
     * fixed overhead. 4M keeps every iteration of seed 003's 50,000 XOR epochs and of seed-221's
     * 100,000-step cap; a net with more than 10k weights keeps every k-th iteration instead.
     */
    static final long STATE_BUDGET = 4_000_000;
    private static final int STATE_OVERHEAD = 32;

    private final String label;
    private final Optimizer optimizer;
    private final UpdateOrder order;
    private final int batchSize;
    private final int firstIteration;
    private final int colorIndex;
    private final long stateCost;

    private double[] losses = new double[64];
    private int size;
    private final ReadOnlyIntegerWrapper sizeProperty = new ReadOnlyIntegerWrapper(this, "size", 0);

    /** Kept weights: those of every stride-th iteration from the first; the last is kept apart. */
    private int stride = 1;
    private int[] keptIterations = new int[16];
    /**
     * Kept weights packed (see {@link StateCodec}) one after another in one array, {@link #width}
     * doubles each: no object per iteration (a long run's arrays were what the collector copied while
     * the chart drew).
     */
    private double[] keptData = new double[0];
    private StateCodec[] keptCodecs = new StateCodec[16];
    private int kept;
    /** Doubles per packed state; 0 until the first. */
    private int width;
    private double[] lastState;
    private StateCodec lastCodec;
    private boolean diverged;
    /** The range of the finite losses, and of the positive ones (for a log axis), kept as points come. */
    /**
     * Per block of {@link #BLOCK} losses, for the linear axis [0] (finite losses) and the log axis [1]
     * (finite positive ones): min, max, the last drawable loss and its index (−1: none). A chart of a
     * million iterations redraws from these, per pixel, instead of walking every loss each frame.
     */
    public static final int BLOCK = 64;
    private final double[][] blockMin = new double[2][4];
    private final double[][] blockMax = new double[2][4];
    private final double[][] blockLast = new double[2][4];
    private final int[][] blockLastIndex = new int[2][4];

    private double minFinite = Double.POSITIVE_INFINITY;
    private double maxFinite = Double.NEGATIVE_INFINITY;
    private double minPositive = Double.POSITIVE_INFINITY;
    private double maxPositive = Double.NEGATIVE_INFINITY;

    /** @param batchSize rows per pass, 0 for the whole data set */
    Run(String label, Optimizer optimizer, UpdateOrder order, int batchSize, int firstIteration, int colorIndex,
        long paramScalars) {
        this.batchSize = batchSize;
        this.label = label;
        this.optimizer = optimizer;
        this.order = order;
        this.firstIteration = firstIteration;
        this.colorIndex = colorIndex;
        this.stateCost = STATE_OVERHEAD + paramScalars * (1 + memoryTensors(optimizer));
    }

    /** What the optimizer remembers per weight (velocity, averages): it is kept with the weights. */
    private static int memoryTensors(Optimizer o) {
        if (o instanceof Optimizer.Sgd) {
            return 0;
        }
        return o instanceof Optimizer.Adam ? 2 : 1;
    }

    /**
     * A point on the curve: the loss of the pass at {@code iteration}, and its weights if {@code state}
     * (packed by {@code codec}) is given.
     */
    void append(int iteration, double loss, double[] state, StateCodec codec) {
        append(iteration, loss, state, 0, codec);
    }

    /**
     * A point whose weights are packed in {@code states} from {@code offset} on (null: no weights); the
     * run copies them, so the caller may reuse the array.
     */
    void append(int iteration, double loss, double[] states, int offset, StateCodec codec) {
        if (iteration != lastIteration() + 1) {
            throw new IllegalArgumentException("iteration " + iteration + " does not follow " + lastIteration());
        }
        if (size == losses.length) {
            losses = Arrays.copyOf(losses, size * 2);
        }
        losses[size++] = loss;
        summarize(size - 1, loss);
        if (Double.isFinite(loss)) {
            minFinite = Math.min(minFinite, loss);
            maxFinite = Math.max(maxFinite, loss);
            if (loss > 0) {
                minPositive = Math.min(minPositive, loss);
                maxPositive = Math.max(maxPositive, loss);
            }
        }
        if (states != null) {
            if (width == 0) {
                width = codec.width();
                lastState = new double[width];
            } else if (codec.width() != width) {
                throw new IllegalArgumentException("weights of " + codec.width() + " doubles in a run of " + width);
            }
            System.arraycopy(states, offset, lastState, 0, width);
            lastCodec = codec;
            keep(iteration, states, offset, codec);
        }
    }

    private void summarize(int index, double loss) {
        int b = index / BLOCK;
        for (int axis = 0; axis < 2; axis++) {
            if (b >= blockMin[axis].length) {
                int n = blockMin[axis].length * 2;
                blockMin[axis] = Arrays.copyOf(blockMin[axis], n);
                blockMax[axis] = Arrays.copyOf(blockMax[axis], n);
                blockLast[axis] = Arrays.copyOf(blockLast[axis], n);
                blockLastIndex[axis] = Arrays.copyOf(blockLastIndex[axis], n);
            }
            if (index % BLOCK == 0) {
                blockMin[axis][b] = Double.POSITIVE_INFINITY;
                blockMax[axis][b] = Double.NEGATIVE_INFINITY;
                blockLastIndex[axis][b] = -1;
            }
            if (Double.isFinite(loss) && (axis == 0 || loss > 0)) {
                blockMin[axis][b] = Math.min(blockMin[axis][b], loss);
                blockMax[axis][b] = Math.max(blockMax[axis][b], loss);
                blockLast[axis][b] = loss;
                blockLastIndex[axis][b] = index;
            }
        }
    }

    /** How many blocks of {@link #BLOCK} losses there are (the last may be partial). */
    public int blocks() {
        return (size + BLOCK - 1) / BLOCK;
    }

    public double blockMin(boolean log, int b) {
        return blockMin[log ? 1 : 0][b];
    }

    public double blockMax(boolean log, int b) {
        return blockMax[log ? 1 : 0][b];
    }

    public double blockLast(boolean log, int b) {
        return blockLast[log ? 1 : 0][b];
    }

    /** Index of the block's last drawable loss, or −1 when it has none on that axis. */
    public int blockLastIndex(boolean log, int b) {
        return blockLastIndex[log ? 1 : 0][b];
    }

    /** Publishes the appended points (one change event per UI update, not per point). */
    void publish() {
        sizeProperty.set(size);
    }

    private void keep(int iteration, double[] states, int offset, StateCodec codec) {
        if ((iteration - firstIteration) % stride != 0) {
            return;
        }
        if (kept == keptIterations.length) {
            keptIterations = Arrays.copyOf(keptIterations, kept * 2);
            keptCodecs = Arrays.copyOf(keptCodecs, kept * 2);
        }
        if ((kept + 1) * width > keptData.length) {
            keptData = Arrays.copyOf(keptData, Math.max(16, kept * 2) * width);
        }
        keptIterations[kept] = iteration;
        System.arraycopy(states, offset, keptData, kept * width, width);
        keptCodecs[kept] = codec;
        kept++;
        // over budget: keep every other one of those kept, so memory stays bounded however long the run
        while (kept > 2 && kept * stateCost > STATE_BUDGET) {
            stride *= 2;
            int n = 0;
            for (int k = 0; k < kept; k++) {
                if ((keptIterations[k] - firstIteration) % stride == 0) {
                    keptIterations[n] = keptIterations[k];
                    System.arraycopy(keptData, k * width, keptData, n * width, width);
                    keptCodecs[n] = keptCodecs[k];
                    n++;
                }
            }
            Arrays.fill(keptCodecs, n, kept, null);
            kept = n;
        }
    }

    void markDiverged() {
        diverged = true;
    }

    /** Weights of an iteration and the iteration they belong to (the nearest kept one when thinned). */
    public record Kept(int iteration, ModelState state) {
    }

    /**
     * The weights of {@code iteration}, or of the nearest earlier kept iteration when the run keeps only
     * every k-th; null when the run has no weights at or before it.
     */
    public Kept stateNear(int iteration) {
        if (size == 0 || lastState == null) {
            return null;
        }
        if (iteration >= lastIteration()) {
            return new Kept(lastIteration(), lastCodec.unpack(lastState));
        }
        int k = Arrays.binarySearch(keptIterations, 0, kept, iteration);
        if (k < 0) {
            k = -k - 2; // the kept iteration just before
        }
        return k < 0 ? null
                : new Kept(keptIterations[k], keptCodecs[k].unpack(Arrays.copyOfRange(keptData, k * width, (k + 1) * width)));
    }

    /** Rows per pass; 0 when every pass sees the whole data set. */
    public int batchSize() {
        return batchSize;
    }

    public String label() {
        return label;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public UpdateOrder order() {
        return order;
    }

    /** The iteration of the run's first point. */
    public int firstIteration() {
        return firstIteration;
    }

    /** The iteration of the run's last point ({@code firstIteration() − 1} while it has none). */
    public int lastIteration() {
        return firstIteration + size - 1;
    }

    /** Points so far. */
    public int size() {
        return size;
    }

    /** Points as last published to the UI; the chart redraws when it changes. */
    public ReadOnlyIntegerProperty sizeProperty() {
        return sizeProperty.getReadOnlyProperty();
    }

    /** The loss of the point at {@code index} (0 = {@link #firstIteration()}). */
    public double loss(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return losses[index];
    }

    /** The loss at {@code iteration}; NaN outside the run. */
    public double lossAt(int iteration) {
        int index = iteration - firstIteration;
        return index >= 0 && index < size ? losses[index] : Double.NaN;
    }

    /** The smallest loss that can be drawn (finite; positive too on a log axis); +∞ when none. */
    public double minLoss(boolean positive) {
        return positive ? minPositive : minFinite;
    }

    /** The largest loss that can be drawn; −∞ when none. */
    public double maxLoss(boolean positive) {
        return positive ? maxPositive : maxFinite;
    }

    /** Which colour of the chart's palette the run is drawn in; stays the same when other runs are cleared. */
    public int colorIndex() {
        return colorIndex;
    }

    /** Whether the run ended in divergence (it cannot be continued). */
    public boolean diverged() {
        return diverged;
    }

    /** How many iterations apart kept weights are: 1 unless the net is large or the run very long. */
    public int stride() {
        return stride;
    }

    /** Kept weight snapshots (besides the last). */
    public int keptStates() {
        return kept;
    }

    @Override
    public String toString() {
        return label + " [" + firstIteration + ".." + lastIteration() + "]";
    }
}

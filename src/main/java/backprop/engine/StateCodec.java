package backprop.engine;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The weights of a training run packed into one array of doubles: each trained param's values and
 * its optimizer memory, then each one's update count, then whether any update has happened. A run of
 * 50,000 passes keeps 50,000 small arrays instead of 50,000 states of a dozen objects each, which the
 * garbage collector would copy while the chart is drawing. The leaves that do not train (data,
 * constants) come from the state the run started from.
 */
public final class StateCodec {
    private final ModelState start;
    private final int[] params;
    private final int[] offsets;
    private final int[] sizes;
    private final int memoryArrays;
    private final int width;

    StateCodec(ModelState start, int[] params, int memoryArrays) {
        this.start = start;
        this.params = params.clone();
        this.memoryArrays = memoryArrays;
        offsets = new int[params.length];
        sizes = new int[params.length];
        int w = 0;
        for (int k = 0; k < params.length; k++) {
            offsets[k] = w;
            sizes[k] = start.value(params[k]).size();
            w += sizes[k] * (1 + memoryArrays);
        }
        width = w + params.length + 1;
    }

    /** Doubles per packed state. */
    public int width() {
        return width;
    }

    /** The state packed in {@code packed} (from {@link Trainer.Weights#packed()}). */
    public ModelState unpack(double[] packed) {
        if (packed.length != width) {
            throw new IllegalArgumentException("a packed state of " + packed.length + " doubles, expected " + width);
        }
        Tensor[] leaves = start.leavesCopy();
        Optimizer.Slot[] slots = start.slotsCopy();
        boolean updated = packed[width - 1] != 0;
        for (int k = 0; k < params.length; k++) {
            int p = params[k];
            Tensor like = start.value(p);
            int n = like.size();
            int at = offsets[k];
            leaves[p] = slice(packed, at, like);
            if (updated) {
                slots[p] = new Optimizer.Slot(memoryArrays > 0 ? slice(packed, at + n, like) : null,
                        memoryArrays > 1 ? slice(packed, at + 2 * n, like) : null, (int) packed[width - 1 - params.length + k]);
            }
        }
        return ModelState.of(leaves, slots);
    }

    /**
     * Writes a param's values and memory into the packed state that starts at {@code base};
     * {@code first}/{@code second} may be null.
     */
    void put(double[] packed, int base, int k, double[] values, double[] first, double[] second, int t) {
        int n = sizes[k];
        int at = base + offsets[k];
        System.arraycopy(values, 0, packed, at, n);
        if (memoryArrays > 0) {
            System.arraycopy(first, 0, packed, at + n, n);
        }
        if (memoryArrays > 1) {
            System.arraycopy(second, 0, packed, at + 2 * n, n);
        }
        packed[base + width - 1 - params.length + k] = t;
    }

    void markUpdated(double[] packed, int base, double updated) {
        packed[base + width - 1] = updated; // 1 or 0
    }

    private static Tensor slice(double[] packed, int from, Tensor like) {
        return Tensor.wrap(DMatrixRMaj.wrap(like.rows(), like.cols(), Arrays.copyOfRange(packed, from, from + like.size())));
    }
}

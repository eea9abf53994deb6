package backprop.engine;

import backprop.engine.Graph.Node;
import backprop.engine.op.Op;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The trainer's executor: whole iterations, in the order {@link Iteration} takes them, on buffers
 * allocated once per run and overwritten in place, so a pass allocates nothing. It calls the same op
 * and optimizer kernels ({@link Op#forwardInto}, {@link Op#backwardInto}, {@link Optimizer#step}) as
 * the trace, in the same order, so its numbers are the trace's bit for bit ({@code TraceContractTest}
 * checks it for every scenario, optimizer and update order). What it leaves out is recording: no
 * {@link Step}s, no immutable tensors, unless a caller asks for the {@link #state()}.
 */
final class InPlaceExecutor {
    private final ExecutionPlan plan;
    private final Graph graph;
    private final Op[] ops;
    private final Optimizer optimizer;
    /** Per node: leaf values (params move here) and op outputs. */
    private final DMatrixRMaj[] value;
    /** Per node that needs one: ∂output/∂node, and room for a later consumer's share of it. */
    private final DMatrixRMaj[] grad;
    private final DMatrixRMaj[] share;
    /** Per op node: its operands, the value buffers themselves. */
    private final DMatrixRMaj[][] operands;
    private final Schedule schedule;
    /** Per updatable param: the optimizer's memory arrays and update count. */
    private final double[][] first;
    private final double[][] second;
    private final int[] t;
    private final StateCodec codec;
    /** 1 once an update has run, else 0: a number, so packing it takes no branch the JIT must guess (see checkpoint). */
    private double updated;
    /**
     * The weights packed before the last update, to fall back to on divergence (made with the executor:
     * a null test in every pass sent the JIT's compiled pass back to the interpreter at each new run).
     */
    private final double[] checkpoint;

    /**
     * @param start  the run's state: what {@link #state()} takes the leaves that do not train from
     * @param firstPass per node, its value in the first pass (a mini-batch's rows for data): it gives
     *                  every buffer its shape
     */
    InPlaceExecutor(ExecutionPlan plan, ModelState start, Tensor[] firstPass, Optimizer optimizer, UpdateOrder order) {
        this.plan = plan;
        this.graph = plan.graph;
        this.optimizer = optimizer;
        boolean eager = order == UpdateOrder.EAGER;
        int n = graph.size();
        ops = new Op[n];
        value = new DMatrixRMaj[n];
        grad = new DMatrixRMaj[n];
        share = new DMatrixRMaj[n];
        operands = new DMatrixRMaj[n][];
        for (Node node : graph.nodes()) {
            int id = node.id();
            Tensor v = firstPass[id];
            value[id] = v.matrix().copy();
            ops[id] = node.op();
            if (plan.needsGrad[id] || id == graph.output()) {
                grad[id] = new DMatrixRMaj(v.rows(), v.cols());
                share[id] = new DMatrixRMaj(v.rows(), v.cols());
            }
        }
        for (int id : plan.forwardOrder) {
            int[] ins = plan.inputs[id];
            operands[id] = new DMatrixRMaj[ins.length];
            for (int slot = 0; slot < ins.length; slot++) {
                operands[id][slot] = value[ins[slot]];
            }
        }
        schedule = new Schedule(plan, eager);
        first = new double[n][];
        second = new double[n][];
        t = new int[n];
        int arrays = optimizer.memoryArrays();
        for (int p : plan.updatableParams) {
            Optimizer.Slot slot = start.slot(p);
            first[p] = arrays > 0 ? Optimizer.memory(slot.first(), start.value(p)) : null;
            second[p] = arrays > 1 ? Optimizer.memory(slot.second(), start.value(p)) : null;
            t[p] = slot.t();
        }
        codec = new StateCodec(start, plan.updatableParams, arrays);
        checkpoint = new double[codec.width()];
    }

    /**
     * A mini-batch: copies these rows of the data leaves from the full data into the pass's buffers,
     * row by row (converting the whole data set per pass would cost as much as a pass of MNIST).
     */
    void loadRows(ModelState full, int[] leaves, int[] rows) {
        for (int id : leaves) {
            DMatrixRMaj from = full.value(id).matrix();
            int cols = from.numCols;
            double[] to = value[id].data;
            for (int k = 0; k < rows.length; k++) {
                System.arraycopy(from.data, rows[k] * cols, to, k * cols, cols);
            }
        }
    }

    /** The forward pass; returns the loss (the output's first element: the trainer checks it is a scalar). */
    double forward() {
        for (int id : plan.forwardOrder) {
            ops[id].forwardInto(operands[id], value[id]);
        }
        return value[graph.output()].data[0];
    }

    /** The backward pass and the updates, in the given order; {@link #forward()} must have run. */
    void backwardAndUpdate() {
        checkpoint();
        int out = graph.output();
        Arrays.fill(grad[out].data, 0, grad[out].getNumElements(), 1.0);
        int[] node = schedule.node;
        int[] slot = schedule.slot;
        int[] input = schedule.input;
        boolean[] adds = schedule.adds;
        for (int s = 0; s < node.length; s++) {
            int id = node[s];
            if (id == Schedule.UPDATE) {
                update(input[s]);
            } else if (!adds[s]) {
                ops[id].backwardInto(slot[s], operands[id], value[id], grad[id], grad[input[s]]);
            } else {
                DMatrixRMaj share = this.share[input[s]];
                ops[id].backwardInto(slot[s], operands[id], value[id], grad[id], share);
                double[] g = grad[input[s]].data;
                for (int e = 0, n = share.getNumElements(); e < n; e++) {
                    g[e] = g[e] + share.data[e];
                }
            }
        }
        updated = 1;
    }

    /** Keeps the weights as they are, for {@link #beforeLastUpdate()}. */
    private void checkpoint() {
        packInto(checkpoint, 0);
    }

    /**
     * The backward pass and the updates as one flat list, worked out once per run: which edge's
     * gradient goes where, whether it starts a node's gradient or adds to it, and where each update
     * falls. Which edge comes first and when a param's gradient is complete depend on the plan and
     * the update order only, never on the numbers, so a pass just walks the list (a loop the JIT
     * compiles small and early, instead of the bookkeeping of every pass).
     */
    private static final class Schedule {
        static final int UPDATE = -1;
        /** Per entry: the op node whose edge it is, or UPDATE; the operand slot; the input (or the param updated). */
        final int[] node;
        final int[] slot;
        final int[] input;
        /** Whether the edge's gradient adds to one its input already has (a value read by several consumers). */
        final boolean[] adds;
        private int size;

        Schedule(ExecutionPlan plan, boolean eager) {
            int capacity = plan.updatableParams.length;
            for (int id : plan.backwardOrder) {
                capacity += plan.gradSlots[id].length;
            }
            node = new int[capacity];
            slot = new int[capacity];
            input = new int[capacity];
            adds = new boolean[capacity];
            boolean[] hasGrad = new boolean[plan.graph.size()];
            hasGrad[plan.graph.output()] = true;
            for (int id : plan.backwardOrder) {
                int[] paramSlots = eager ? plan.paramGradSlots[id] : null;
                if (paramSlots == null || paramSlots.length == 0) {
                    edges(id, plan.inputs[id], plan.gradSlots[id], hasGrad);
                    continue;
                }
                edges(id, plan.inputs[id], paramSlots, hasGrad);
                for (int p : plan.eagerUpdates[id]) {
                    add(UPDATE, -1, p, false);
                }
                // the other operands' gradients read the params as they are now: already updated (eager)
                edges(id, plan.inputs[id], plan.otherGradSlots[id], hasGrad);
            }
            if (!eager) {
                for (int p : plan.updatableParams) {
                    add(UPDATE, -1, p, false);
                }
            }
            if (size != capacity) {
                throw new IllegalStateException("schedule of " + size + " entries, expected " + capacity);
            }
        }

        private void edges(int id, int[] ins, int[] slots, boolean[] hasGrad) {
            for (int k = 0; k < slots.length; k++) {
                int in = ins[slots[k]];
                add(id, slots[k], in, hasGrad[in]);
                hasGrad[in] = true;
            }
        }

        private void add(int node, int slot, int input, boolean adds) {
            this.node[size] = node;
            this.slot[size] = slot;
            this.input[size] = input;
            this.adds[size] = adds;
            size++;
        }
    }

    private void update(int p) {
        DMatrixRMaj w = value[p];
        optimizer.step(w.data, grad[p].data, first[p], second[p], ++t[p], w.getNumElements());
    }

    /** A node's value buffer itself: the next pass overwrites it. */
    DMatrixRMaj buffer(int node) {
        return value[node];
    }

    /** The name of an updatable param that is no longer finite, or null. */
    String nonFiniteParam() {
        for (int p : plan.updatableParams) {
            DMatrixRMaj w = value[p];
            // one test per param, not per element: a NaN or an infinity makes the sum non-finite
            // (finite values can too, by overflow: then the elements decide)
            double sum = 0;
            for (int k = 0, n = w.getNumElements(); k < n; k++) {
                sum += w.data[k];
            }
            if (!Double.isFinite(sum)) {
                for (int k = 0, n = w.getNumElements(); k < n; k++) {
                    if (!Double.isFinite(w.data[k])) {
                        return graph.node(p).name();
                    }
                }
            }
        }
        return null;
    }

    StateCodec codec() {
        return codec;
    }

    /** The weights and optimizer memory as they are now, packed (see {@link StateCodec}). */
    double[] packed() {
        double[] out = new double[codec.width()];
        packInto(out, 0);
        return out;
    }

    /** The weights and optimizer memory as they are now, packed into {@code out} from {@code base} on. */
    void packInto(double[] out, int base) {
        int[] params = plan.updatableParams;
        for (int k = 0; k < params.length; k++) {
            int p = params[k];
            codec.put(out, base, k, value[p].data, first[p], second[p], t[p]);
        }
        codec.markUpdated(out, base, updated);
    }

    /** The leaves and optimizer memory as they are now, as an immutable state; data inputs as the run started. */
    ModelState state() {
        return codec.unpack(packed());
    }

    /** The state before the last {@link #backwardAndUpdate()}: the weights of the previous pass. */
    ModelState beforeLastUpdate() {
        return updated != 0 ? codec.unpack(checkpoint.clone()) : state();
    }
}

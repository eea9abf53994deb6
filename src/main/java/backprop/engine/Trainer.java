package backprop.engine;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.ejml.data.DMatrixRMaj;

/**
 * Runs iterations to the end, one after another: what the step player shows as an {@link Iteration},
 * run by the {@link InPlaceExecutor} (same plan, same kernels, same numbers, nothing recorded).
 * Passes are counted as in seed 000: pass k is the k-th forward pass, one update happens between
 * consecutive passes, and the last pass has no backward pass.
 */
public final class Trainer {
    /** A loss growing past this factor of the first loss counts as divergence. */
    public static final double DIVERGENCE_FACTOR = 1e6;
    /**
     * A first loss below this counts as this much: a run that starts from a trained net (XOR at 4.5e-29)
     * and wanders to 1e-19 by rounding has not diverged, though its loss grew 10^10 times.
     */
    public static final double DIVERGENCE_FLOOR = 1e-6;

    private Trainer() {
    }

    /**
     * @param untilLoss stop as soon as a pass's loss is below this (NaN: never)
     * @param maxSteps  stop after this many forward passes
     */
    public record Config(Optimizer optimizer, UpdateOrder order, double untilLoss, int maxSteps, Batches batches,
                         boolean keepPasses) {
        public Config {
            if (maxSteps < 1) {
                throw new IllegalArgumentException("max-steps must be at least 1, got " + maxSteps);
            }
        }

        /** Keeping every pass in the result. */
        public Config(Optimizer optimizer, UpdateOrder order, double untilLoss, int maxSteps, Batches batches) {
            this(optimizer, order, untilLoss, maxSteps, batches, true);
        }

        /** Full-batch training: every pass sees all the data. */
        public Config(Optimizer optimizer, UpdateOrder order, double untilLoss, int maxSteps) {
            this(optimizer, order, untilLoss, maxSteps, null);
        }

        /**
         * The same run, its result holding only the last pass: a listener that keeps what it needs
         * (the app's chart) spares a million-pass run a million objects.
         */
        public Config lastPassOnly() {
            return new Config(optimizer, order, untilLoss, maxSteps, batches, false);
        }
    }

    /**
     * Mini-batches: each pass sees {@code size} rows of the data inputs (the same rows of each),
     * taken in the order of a shuffle of all rows that is redrawn, from {@code seed}, every epoch.
     * The loss of a pass is the loss on its batch, as in Saito's training loop.
     */
    public record Batches(int size, long seed) {
        public Batches {
            if (size < 1) {
                throw new IllegalArgumentException("the batch size must be at least 1, got " + size);
            }
        }

        /** The inputs that hold data rows: inputs without gradients that share the largest row count (above 1). */
        public static int[] dataInputs(Graph graph) {
            int rows = graph.nodes().stream().filter(n -> n.kind() == Graph.Kind.INPUT && !n.requiresGrad())
                    .mapToInt(n -> n.initialValue().rows()).max().orElse(0);
            if (rows < 2) {
                return new int[0];
            }
            return graph.nodes().stream().filter(n -> n.kind() == Graph.Kind.INPUT && !n.requiresGrad()
                    && n.initialValue().rows() == rows).mapToInt(Graph.Node::id).toArray();
        }
    }

    /** Picks the rows of each pass; the full data stays in the state, only the pass sees a batch. */
    private static final class BatchPicker {
        final int[] data;
        private final int size;
        private final java.util.Random random;
        private int[] order;
        private int next;

        BatchPicker(Graph graph, Batches b) {
            data = Batches.dataInputs(graph);
            if (data.length == 0) {
                throw new IllegalArgumentException("this graph has no data rows to take batches from");
            }
            size = b.size();
            random = new java.util.Random(b.seed());
        }

        /** The data rows of the next pass, drawn from this epoch's shuffle; null when a batch is all rows. */
        int[] nextRows(ModelState full) {
            int rows = full.value(data[0]).rows();
            if (size >= rows) {
                return null;
            }
            int[] pick = new int[size];
            for (int k = 0; k < size; k++) {
                if (order == null || next == rows) {
                    order = shuffled(rows);
                    next = 0;
                }
                pick[k] = order[next++];
            }
            return pick;
        }

        /** The next pass's batch as a state (the first pass's, which gives the executor its shapes). */
        ModelState batchOf(ModelState full) {
            int[] pick = nextRows(full);
            if (pick == null) {
                return full;
            }
            ModelState s = full;
            for (int id : data) {
                s = s.withValue(id, rowsOf(full.value(id), pick));
            }
            return s;
        }

        private int[] shuffled(int n) {
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            return p;
        }

        private static Tensor rowsOf(Tensor t, int[] rows) {
            double[][] out = new double[rows.length][];
            double[][] all = t.toRows();
            for (int k = 0; k < rows.length; k++) {
                out[k] = all[rows[k]];
            }
            return Tensor.of(out);
        }
    }

    public enum Stop {
        UNTIL_LOSS("until-loss"), MAX_STEPS("max-steps"), DIVERGED("diverged"), CANCELLED("cancelled");

        private final String cliName;

        Stop(String cliName) {
            this.cliName = cliName;
        }

        public String cliName() {
            return cliName;
        }
    }

    /** One forward pass: its loss and the values of the graph's reported nodes. */
    public record Pass(int step, double loss, List<Tensor> reported) {
    }

    /** Called after every forward pass with the weights that pass used (for loss curves and weight history). */
    @FunctionalInterface
    public interface Listener {
        void onPass(int step, double loss, Weights weights);
    }

    /** The weights of the pass being reported; valid during {@link Listener#onPass} only. */
    public interface Weights {
        /** As a state (a dozen objects: for the last pass, not for every one). */
        ModelState state();

        /** Packed into a new array of {@link StateCodec#width()} doubles; {@link #codec()} unpacks it. */
        double[] packed();

        /** Packed into {@code out}, its {@link StateCodec#width()} doubles from {@code base} on (no allocation). */
        void packInto(double[] out, int base);

        StateCodec codec();
    }

    /**
     * @param passes     every forward pass, the last one included (only the last with {@link Config#lastPassOnly()})
     * @param passCount  how many forward passes ran
     * @param finalState the weights to keep: those of the last pass when the run stopped normally; on
     *                   divergence, those of the last pass whose loss was acceptable
     * @param divergence why the run diverged, or null
     * @param keptPass   the pass that ran on finalState's weights (0: cancelled before the first)
     * @param seconds    time spent training
     */
    public record Result(List<Pass> passes, int passCount, ModelState finalState, int keptPass, Stop stopped,
                         String divergence, double seconds) {
        public Pass last() {
            return passes.get(passes.size() - 1);
        }
    }

    public static Result train(Graph graph, ModelState start, Config config) {
        return train(graph, start, config, null, () -> false);
    }

    public static Result train(Graph graph, ModelState start, Config config, Listener listener,
                               BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        Run run = new Run(graph, start, config, listener);
        // the loop only counts: each pass is a call, so the JIT compiles it as a method, early and
        // fully, instead of waiting for this loop's back-edge count (an OSR compile of a loop that
        // runs once came after most of a 50,000-pass run had been interpreted)
        if (cancelled.getAsBoolean()) {
            run.cancel(1);
        } else if (!run.firstPass()) {
            for (int step = 2; ; step++) {
                if (cancelled.getAsBoolean()) {
                    run.cancel(step);
                    break;
                }
                if (run.pass(step)) {
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(run.log == null ? List.of() : run.log.passes(), run.passCount, run.kept, run.keptPass, run.stop, run.divergence,
                seconds);
    }

    /** One run's state between passes. */
    private static final class Run {
        final Graph graph;
        final ModelState start;
        final Config config;
        final Listener listener;
        final ExecutionPlan plan;
        final BatchPicker batches;
        final int[] reportedIds;
        InPlaceExecutor executor;
        DMatrixRMaj[] reported;
        PassLog log;
        Weights weights;
        int passCount;
        double firstLoss = Double.NaN;
        Stop stop;
        String divergence;
        ModelState kept;
        int keptPass;

        Run(Graph graph, ModelState start, Config config, Listener listener) {
            this.graph = graph;
            this.start = start;
            this.config = config;
            this.listener = listener;
            plan = ExecutionPlan.of(graph);
            batches = config.batches() == null ? null : new BatchPicker(graph, config.batches());
            reportedIds = new int[graph.reported().size()];
            for (int k = 0; k < reportedIds.length; k++) {
                reportedIds[k] = graph.reported().get(k);
            }
        }

        void cancel(int step) {
            stop = Stop.CANCELLED;
            // the weights of the last pass that ran, so a chart's last loss is the one they give
            kept = executor == null ? start : executor.beforeLastUpdate();
            keptPass = step - 1;
        }

        /**
         * Pass 1: the run's set-up (buffers, log, the listener's view of the weights), then as {@link #pass}.
         * A method of its own: {@code pass}, compiled by the JIT in an earlier run, never sees a first
         * pass, whose branches it would not have in it (the JVM then drops the compiled code, and the
         * run's start waits for the interpreter and a new compile: docs/benchmarks.md).
         */
        boolean firstPass() {
            start();
            firstLoss = executor.forward();
            return reportAndGoOn(1, firstLoss);
        }

        /** Forward pass {@code step} (2 on), reported, then (unless the run stops here) its backward pass and update. */
        boolean pass(int step) {
            if (batches != null) {
                nextBatch();
            }
            return reportAndGoOn(step, executor.forward());
        }

        private boolean reportAndGoOn(int step, double loss) {
            log.add(step, loss, reported);
            passCount = step;
            if (listener != null) {
                listener.onPass(step, loss, weights);
            }
            // the rare ends of a run are methods of their own
            divergence = diverged(step, loss, firstLoss);
            if (divergence != null) {
                return diverge(step);
            }
            if (loss < config.untilLoss() || step >= config.maxSteps()) {
                return end(step, loss);
            }
            executor.backwardAndUpdate();
            String bad = executor.nonFiniteParam();
            return bad != null && updateDiverged(step, bad);
        }

        private void start() {
            ModelState batch = batches == null ? start : batches.batchOf(start);
            executor = new InPlaceExecutor(plan, start, shapesOfFirstPass(graph, plan, batch), config.optimizer(),
                    config.order());
            InPlaceExecutor ex = executor;
            reported = new DMatrixRMaj[reportedIds.length];
            for (int k = 0; k < reported.length; k++) {
                reported[k] = executor.buffer(reportedIds[k]);
            }
            log = new PassLog(reported, config.keepPasses(), config.maxSteps());
            weights = new Weights() {
                public ModelState state() { return ex.state(); }
                public double[] packed() { return ex.packed(); }
                public void packInto(double[] out, int base) { ex.packInto(out, base); }
                public StateCodec codec() { return ex.codec(); }
            };
        }

        private void nextBatch() {
            int[] rows = batches.nextRows(start);
            if (rows != null) { // all rows: the buffers hold them since the first pass
                executor.loadRows(start, batches.data, rows);
            }
        }

        private boolean diverge(int step) {
            stop = Stop.DIVERGED;
            kept = step == 1 ? executor.state() : executor.beforeLastUpdate();
            keptPass = Math.max(1, step - 1);
            return true;
        }

        private boolean end(int step, double loss) {
            stop = loss < config.untilLoss() ? Stop.UNTIL_LOSS : Stop.MAX_STEPS;
            kept = executor.state();
            keptPass = step;
            return true;
        }

        private boolean updateDiverged(int step, String param) {
            stop = Stop.DIVERGED;
            divergence = "the update after pass " + step + " made " + param + " NaN or infinite";
            kept = executor.beforeLastUpdate();
            keptPass = step;
            return true;
        }
    }

    /**
     * The first pass's values on tensors, op by op, with the ops' shape checks and messages as in the
     * trace's forward pass; they give the in-place executor its buffers. (Zero tensors of the right
     * shapes would do, but in a cold JVM the run then took 15–25% longer, reproducibly.)
     */
    private static Tensor[] shapesOfFirstPass(Graph graph, ExecutionPlan plan, ModelState state) {
        Tensor[] values = new Tensor[graph.size()];
        for (Graph.Node node : graph.nodes()) {
            if (node.isLeaf()) {
                values[node.id()] = state.value(node.id());
            }
        }
        for (int id : plan.forwardOrder) {
            values[id] = ExecutionPlan.forwardOf(graph.node(id), ExecutionPlan.operands(plan.inputs[id], values));
        }
        Tensor out = values[graph.output()];
        if (!out.isScalar()) {
            throw new IllegalArgumentException("the output " + graph.node(graph.output()).name() + " is "
                    + out.shape() + "; training needs a scalar loss");
        }
        return values;
    }

    private static String diverged(int step, double loss, double firstLoss) {
        if (!Double.isFinite(loss)) {
            return "the loss of pass " + step + " is " + loss;
        }
        if (Math.abs(loss) > DIVERGENCE_FACTOR * Math.max(Math.abs(firstLoss), DIVERGENCE_FLOOR)) {
            return Math.abs(firstLoss) >= DIVERGENCE_FLOOR
                    ? "the loss of pass " + step + " (" + loss + ") is over 10^6 times the first loss (" + firstLoss + ")"
                    : "the loss of pass " + step + " (" + loss + ") is over 1, 10^6 times 10^-6, from a first loss"
                            + " near zero (" + firstLoss + ")";
        }
        return null;
    }
}

package backprop.engine;

import backprop.engine.Step.LossStep;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs iterations of the executor to the end, one after another: the same {@link Iteration} the
 * step player shows, only not recorded. Steps are counted as in seed 000: pass k is the k-th forward
 * pass, one update happens between consecutive passes, and the last pass has no backward pass.
 */
public final class Trainer {
    /** A loss growing past this factor of the first loss counts as divergence. */
    public static final double DIVERGENCE_FACTOR = 1e6;

    private Trainer() {
    }

    /**
     * @param untilLoss stop as soon as a pass's loss is below this (NaN: never)
     * @param maxSteps  stop after this many forward passes
     */
    public record Config(Optimizer optimizer, UpdateOrder order, double untilLoss, int maxSteps) {
        public Config {
            if (maxSteps < 1) {
                throw new IllegalArgumentException("max-steps must be at least 1, got " + maxSteps);
            }
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

    /** Called after every forward pass with the state that pass used (for loss curves and weight history). */
    @FunctionalInterface
    public interface Listener {
        void onPass(Pass pass, ModelState state);
    }

    /**
     * @param passes     every forward pass, the last one included
     * @param finalState the weights to keep: those of the last pass when the run stopped normally; on
     *                   divergence, those of the last pass whose loss was acceptable
     * @param divergence why the run diverged, or null
     * @param seconds    time spent training
     */
    public record Result(List<Pass> passes, ModelState finalState, Stop stopped, String divergence, double seconds) {
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
        ExecutionPlan plan = ExecutionPlan.of(graph);
        List<Pass> passes = new ArrayList<>();
        ModelState state = start;
        ModelState lastGood = start;
        double firstLoss = Double.NaN;
        Stop stop;
        String divergence = null;
        ModelState kept;
        for (int step = 1; ; step++) {
            if (cancelled.getAsBoolean()) {
                stop = Stop.CANCELLED;
                kept = state;
                break;
            }
            Iteration it = new Iteration(plan, state, config.optimizer(), config.order());
            LossStep lossStep = it.runForward();
            if (!lossStep.value().isScalar()) {
                throw new IllegalArgumentException("the output " + graph.node(lossStep.node()).name() + " is "
                        + lossStep.value().shape() + "; training needs a scalar loss");
            }
            double loss = lossStep.loss();
            List<Tensor> reported = new ArrayList<>(graph.reported().size());
            for (int id : graph.reported()) {
                reported.add(it.value(id));
            }
            Pass pass = new Pass(step, loss, List.copyOf(reported));
            passes.add(pass);
            if (listener != null) {
                listener.onPass(pass, state);
            }
            if (step == 1) {
                firstLoss = loss;
            }
            divergence = diverged(step, loss, firstLoss);
            if (divergence != null) {
                stop = Stop.DIVERGED;
                kept = step == 1 ? state : lastGood;
                break;
            }
            if (loss < config.untilLoss()) {
                stop = Stop.UNTIL_LOSS;
                kept = state;
                break;
            }
            if (step >= config.maxSteps()) {
                stop = Stop.MAX_STEPS;
                kept = state;
                break;
            }
            it.runToEnd();
            ModelState next = it.state();
            String bad = nonFiniteParam(graph, plan, next);
            if (bad != null) {
                stop = Stop.DIVERGED;
                divergence = "the update after pass " + step + " made " + bad + " NaN or infinite";
                kept = state;
                break;
            }
            lastGood = state;
            state = next;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(List.copyOf(passes), kept, stop, divergence, seconds);
    }

    private static String diverged(int step, double loss, double firstLoss) {
        if (!Double.isFinite(loss)) {
            return "the loss of pass " + step + " is " + loss;
        }
        if (firstLoss != 0 && Math.abs(loss) > DIVERGENCE_FACTOR * Math.abs(firstLoss)) {
            return "the loss of pass " + step + " (" + loss + ") is over 10^6 times the first loss (" + firstLoss + ")";
        }
        return null;
    }

    private static String nonFiniteParam(Graph graph, ExecutionPlan plan, ModelState state) {
        for (int p : plan.updatableParams) {
            if (!state.value(p).allFinite()) {
                return graph.node(p).name();
            }
        }
        return null;
    }
}

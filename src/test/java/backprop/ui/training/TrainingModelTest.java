package backprop.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backprop.engine.Graph;
import backprop.engine.ModelState;
import backprop.engine.Optimizer;
import backprop.engine.Tensor;
import backprop.engine.Trainer;
import backprop.engine.UpdateOrder;
import backprop.engine.program.ProgramParser;
import backprop.ui.model.LessonModel;
import backprop.ui.training.TrainingModel.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The training model without a toolkit: direct executors, or a real trainer thread where timing matters. */
class TrainingModelTest {
    private static final double EXACT = 1e-15;

    private final LessonModel lesson = new LessonModel(Runnable::run, Runnable::run);
    private final TrainingModel model = new TrainingModel(lesson, Runnable::run, Runnable::run);

    /** Seed 000's settings: SGD lr 1, eager updates, until the loss is below 1e-7. */
    private void seed000Sgd() {
        lesson.load("seed-221");
        assertThat(model.setOptimizer("sgd")).isTrue();
        assertThat(model.edit(Setting.LEARNING_RATE, "1")).isTrue();
        model.updateOrderProperty().set(UpdateOrder.EAGER);
        assertThat(model.edit(Setting.UNTIL_LOSS, "1e-7")).isTrue();
    }

    private static Trainer.Result trainDirectly(Graph g, Optimizer o, UpdateOrder order, int maxSteps) {
        return Trainer.train(g, g.initialState(), new Trainer.Config(o, order, Double.NaN, maxSteps));
    }

    @Test
    void nothingTrainsWhileTheNextLessonIsStillLoading() {
        java.util.ArrayDeque<Runnable> worker = new java.util.ArrayDeque<>();
        LessonModel slow = new LessonModel(worker::add, Runnable::run);
        TrainingModel training = new TrainingModel(slow, Runnable::run, Runnable::run);
        slow.load("seed-221");
        worker.poll().run();
        slow.load("xor"); // on its way: seed 000's net is still on screen
        training.stepIteration();
        assertThat(training.runs()).isEmpty();
        assertThat(training.statusProperty().get()).contains("still loading");
        while (!worker.isEmpty()) { // XOR on screen
            worker.poll().run();
        }
        training.stepIteration();
        assertThat(training.runs()).hasSize(1);
    }

    @Test
    void aLessonWithoutWeightsSaysThereIsNothingToTrainAndDrawsNoCurve() {
        lesson.load("apple"); // inputs only: price would stay 220 at every iteration
        model.runIterations();
        assertThat(model.runs()).isEmpty();
        assertThat(model.statusProperty().get()).contains("Nothing to train").contains("param w = 2");
        lesson.runProgram("x = 3; param w = 2; loss = (w * x - 1)^2"); // one weight: it trains
        model.runIterations();
        assertThat(model.runs()).hasSize(1);
        assertThat(model.statusProperty().get()).doesNotContain("Nothing to train");
    }

    @Test
    void seed000SgdUntil1e7TakesOneRunOf111PointsAndLeavesTheTrainersWeights() {
        seed000Sgd();
        model.runUntil();

        assertThat(model.runs()).hasSize(1);
        Run run = model.runs().get(0);
        assertThat(run.size()).isEqualTo(111);
        assertThat(run.sizeProperty().get()).isEqualTo(111);
        assertThat(run.firstIteration()).isEqualTo(1);
        assertThat(run.lastIteration()).isEqualTo(111);
        assertThat(run.loss(0)).isCloseTo(0.01810390383656677, within(EXACT));
        assertThat(run.lossAt(111)).isCloseTo(9.2572362633313e-08, within(EXACT));
        assertThat(model.status()).startsWith("Loss 9.257e−8 < 1e−7 at iteration 111 (110 updates in ");
        assertThat(run.label()).isEqualTo("SGD lr=1 · eager");

        Graph g = lesson.lesson().graph();
        Trainer.Result direct = Trainer.train(g, g.initialState(),
                new Trainer.Config(new Optimizer.Sgd(1), UpdateOrder.EAGER, 1e-7, 100_001));
        assertThat(direct.passes()).hasSize(111);
        assertThat(lesson.latestState()).isEqualTo(direct.finalState());
        assertThat(lesson.canUndoProperty().get()).as("a training run is undoable").isTrue();
        assertThat(model.isRunning()).isFalse();
        assertThat(model.status()).contains("iteration 111");
        assertThat(model.divergence()).isEmpty();
        assertThat(model.positionProperty().get()).isEqualTo(new TrainingModel.Position(run, 111));
        // the graph's step-by-step trace uses the panel's settings
        assertThat(lesson.optimizerProperty().get()).isEqualTo(new Optimizer.Sgd(1));
        assertThat(lesson.updateOrderProperty().get()).isEqualTo(UpdateOrder.EAGER);
    }

    @Test
    void seed000RmsPropTakes11Points() {
        lesson.load("seed-221");
        model.setOptimizer("rmsprop");
        assertThat(model.edit(Setting.LEARNING_RATE, ".1")).isTrue();
        assertThat(model.edit(Setting.BETA, ".999")).isTrue();
        assertThat(model.edit(Setting.EPSILON, ".01")).isTrue();
        model.updateOrderProperty().set(UpdateOrder.EAGER);
        model.edit(Setting.UNTIL_LOSS, "1e-7");
        model.runUntil();

        assertThat(model.runs()).hasSize(1);
        Run run = model.runs().get(0);
        assertThat(run.size()).isEqualTo(11);
        assertThat(run.lossAt(11)).isCloseTo(2.803287637675012e-08, within(EXACT));
        assertThat(run.label()).isEqualTo("RMSprop lr=0.1 β=0.999 ε=0.01 · eager");
        assertThat(lesson.optimizerProperty().get()).isEqualTo(new Optimizer.RmsProp(0.1, 0.999, 0.01));
    }

    @Test
    void aRunGoingOnFromATrainedNetIsNotCalledDivergedForRoundingNearZero() {
        lesson.load("xor");
        model.setOptimizer("sgd");
        model.edit(Setting.ITERATIONS, "50000");
        model.runIterations(); // seed 003's 50,000 epochs: the loss ends near 1e-29
        double trained = model.runs().get(0).lossAt(model.runs().get(0).lastIteration());
        assertThat(trained).isLessThan(1e-20);
        model.setOptimizer("adam"); // a second run, from there: Adam's first steps move the weights by ~lr
        model.edit(Setting.ITERATIONS, "1000");
        model.runIterations();
        assertThat(model.divergence()).isEmpty();
        assertThat(model.runs()).hasSize(2);
        assertThat(model.runs().get(1).size()).isEqualTo(1001);
        assertThat(model.status()).startsWith("Done: 1,000 updates in ").contains(" at iteration 51,001");

        lesson.runProgram("param w = 1e-15; loss = w^2"); // from near zero, away for real: w ← −9w
        model.setOptimizer("sgd");
        model.edit(Setting.LEARNING_RATE, "5");
        model.edit(Setting.ITERATIONS, "100");
        model.runIterations();
        assertThat(model.divergence()).contains("the loss of iteration 17 (3.43368) is over 1, 10⁶ times 10⁻⁶, from a first loss near zero (1e−30)");
        lesson.resetValues(); // "Initial values": w = 1e-15 again, and the message of the run that diverged goes
        assertThat(lesson.latestState().value(lesson.lesson().graph().byName("w").orElseThrow().id()).scalar()).isEqualTo(1e-15);
        assertThat(model.divergence()).isEmpty();
    }

    @Test
    void aDivergingRunPausesWithAMessageAndKeepsTheLastFiniteWeight() {
        lesson.runProgram("param w = 2; loss = w^2");
        model.setOptimizer("sgd");
        model.edit(Setting.LEARNING_RATE, "5");
        model.edit(Setting.ITERATIONS, "100");
        model.runIterations();

        // w ← w − 5·2w = −9w; pass 5's loss 4·9⁸ is over 10⁶ × 4, so pass 4's w = 2·(−9)³ stays
        int w = lesson.lesson().graph().byName("w").orElseThrow().id();
        assertThat(lesson.latestState().value(w).scalar()).isEqualTo(-1458.0);
        assertThat(model.divergence()).isNotEmpty()
                .contains("diverged")
                .contains("the loss of iteration 5 (1.722e8) is over 10⁶ times the first loss (4)")
                .contains("weights of iteration 4");
        assertThat(model.status()).containsIgnoringCase("paused");
        assertThat(model.isRunning()).isFalse();
        Run run = model.runs().get(0);
        assertThat(run.size()).isEqualTo(5);
        assertThat(run.diverged()).isTrue();
        assertThat(model.positionProperty().get().iteration()).isEqualTo(4);

        // the next run starts fresh from the kept weight, and the message goes
        model.edit(Setting.LEARNING_RATE, "0.1");
        model.stepIteration();
        assertThat(model.divergence()).isEmpty();
        assertThat(model.runs()).hasSize(2);
        assertThat(model.runs().get(1).firstIteration()).isEqualTo(4);
        assertThat(model.runs().get(1).loss(0)).isEqualTo(1458.0 * 1458.0);
    }

    @Test
    void aNonFiniteWeightIsCaughtToo() {
        // the loss 1e308 is finite, but the update w − 1e160 · 2e154 overflows to −∞: w = 1e154 stays
        lesson.runProgram("param w = 1e154; loss = w^2");
        model.setOptimizer("sgd");
        model.edit(Setting.LEARNING_RATE, "1e160");
        model.edit(Setting.ITERATIONS, "10");
        model.runIterations();
        assertThat(model.divergence()).contains("w").contains("iteration 1").contains("weights of iteration 1");
        assertThat(model.status()).containsIgnoringCase("paused");
        int w = lesson.lesson().graph().byName("w").orElseThrow().id();
        assertThat(lesson.latestState().value(w).scalar()).isEqualTo(1e154);
    }

    @Test
    void extendingARunDoesNotDuplicateAPointAndMatchesOneLongRun() {
        seed000Sgd();
        model.stepIteration();
        assertThat(model.runs()).hasSize(1);
        Run run = model.runs().get(0);
        assertThat(run.size()).as("the loss before and after one update").isEqualTo(2);
        model.stepIteration();
        assertThat(model.runs()).hasSize(1);
        assertThat(run.size()).isEqualTo(3);
        model.edit(Setting.ITERATIONS, "10");
        model.runIterations();
        assertThat(model.runs()).hasSize(1);
        assertThat(run.size()).isEqualTo(13);

        Trainer.Result direct = trainDirectly(lesson.lesson().graph(), new Optimizer.Sgd(1), UpdateOrder.EAGER, 13);
        for (int i = 0; i < 13; i++) {
            assertThat(run.loss(i)).as("iteration %d", i + 1).isEqualTo(direct.passes().get(i).loss());
        }
        assertThat(lesson.latestState()).isEqualTo(direct.finalState());
    }

    @Test
    void anEditInBetweenStartsANewRunFromIterationOne() {
        seed000Sgd();
        model.stepIteration();
        int w = lesson.lesson().graph().params().get(0).id();
        lesson.commit(lesson.latestState().withValue(w, Tensor.scalar(0.2)));
        assertThat(model.positionProperty().get()).isNull();
        model.stepIteration();
        assertThat(model.runs()).hasSize(2);
        assertThat(model.runs().get(1).firstIteration()).isEqualTo(1);
        assertThat(model.runs().get(1).label()).isEqualTo("SGD lr=1 · eager");
    }

    @Test
    void changingTheOptimizerStartsANewRunLabelledWithTheNewSettings() {
        seed000Sgd();
        model.stepIteration();
        Run sgd = model.runs().get(0);
        model.setOptimizer("momentum");
        assertThat(model.learningRateProperty().get()).isEqualTo(0.01);
        assertThat(model.momentumProperty().get()).isEqualTo(0.9);
        model.stepIteration();

        assertThat(model.runs()).hasSize(2);
        Run momentum = model.runs().get(1);
        assertThat(momentum.label()).isEqualTo("Momentum lr=0.01 μ=0.9 · eager · from iteration 2");
        assertThat(momentum.firstIteration()).isEqualTo(2);
        assertThat(momentum.loss(0)).as("it starts from the weights the first run ended with")
                .isEqualTo(sgd.lossAt(2));
        assertThat(momentum.colorIndex()).isNotEqualTo(sgd.colorIndex());

        // a changed learning rate is a change of settings too
        model.edit(Setting.LEARNING_RATE, "0.02");
        model.stepIteration();
        assertThat(model.runs()).hasSize(3);
        // the update order as well
        model.updateOrderProperty().set(UpdateOrder.SIMULTANEOUS);
        model.stepIteration();
        assertThat(model.runs()).hasSize(4);
        assertThat(model.runs().get(3).label()).endsWith("· simultaneous · from iteration 4");
    }

    @Test
    void anEditDuringTrainingIsNotOverwrittenByTheRunsResult() {
        // the worker waits until the test lets it run: the teacher edits a weight meanwhile
        List<Runnable> pending = new ArrayList<>();
        TrainingModel m = new TrainingModel(lesson, pending::add, Runnable::run);
        seed000Sgd();
        m.updateOrderProperty().set(UpdateOrder.EAGER);
        m.runUntil();
        assertThat(m.isRunning()).isTrue();
        int w = lesson.lesson().graph().params().get(0).id();
        ModelState edited = lesson.latestState().withValue(w, Tensor.scalar(0.25));
        lesson.commit(edited);
        pending.forEach(Runnable::run);

        assertThat(m.isRunning()).isFalse();
        assertThat(m.runs().get(0).size()).isEqualTo(111);
        assertThat(lesson.latestState()).isSameAs(edited);
        assertThat(m.status()).contains("not applied");
        assertThat(m.positionProperty().get()).isNull();
    }

    @Test
    void theChartKeepsOneRunPerColourDroppingTheOldest() {
        seed000Sgd();
        for (int k = 1; k <= TrainingModel.MAX_RUNS + 2; k++) {
            model.edit(Setting.LEARNING_RATE, String.valueOf(k)); // new settings: a new run each time
            model.stepIteration();
        }
        assertThat(model.runs()).hasSize(TrainingModel.MAX_RUNS);
        assertThat(model.runs().get(0).label()).startsWith("SGD lr=3 ");
        assertThat(model.runs().stream().map(Run::colorIndex).distinct().count()).isEqualTo(TrainingModel.MAX_RUNS);
        assertThat(model.runs().stream().mapToInt(Run::colorIndex).max().getAsInt()).isLessThan(LossChart.PALETTE.length);
        model.clearRuns();
        assertThat(model.runs()).isEmpty();
        assertThat(model.positionProperty().get()).isNull();
    }

    @Test
    void restoringAnEarlierIterationCommitsItsWeightsAndBranchesANewRun() {
        seed000Sgd();
        List<ModelState> states = new ArrayList<>();
        Graph g = lesson.lesson().graph();
        Trainer.train(g, g.initialState(), new Trainer.Config(new Optimizer.Sgd(1), UpdateOrder.EAGER, 1e-7, 200),
                (step, loss, weights) -> states.add(weights.state()), () -> false);
        model.runUntil();
        Run run = model.runs().get(0);

        assertThat(model.restore(run, 50)).isEqualTo(50);
        assertThat(lesson.latestState()).isEqualTo(states.get(49));
        assertThat(model.positionProperty().get()).isEqualTo(new TrainingModel.Position(run, 50));
        assertThat(lesson.undo()).isTrue();
        assertThat(lesson.latestState()).isEqualTo(states.get(110));
        assertThat(lesson.redo()).isTrue();

        model.stepIteration();
        assertThat(model.runs()).hasSize(2);
        Run branch = model.runs().get(1);
        assertThat(branch.firstIteration()).isEqualTo(50);
        assertThat(branch.label()).endsWith("from iteration 50");
        assertThat(branch.lossAt(51)).isEqualTo(run.lossAt(51));

        // undo back to the end of the first run: the chart knows where those weights are
        assertThat(lesson.undo()).isTrue();
        assertThat(model.positionProperty().get()).isEqualTo(new TrainingModel.Position(run, 50));
        assertThat(lesson.undo()).isTrue();
        assertThat(model.positionProperty().get()).isEqualTo(new TrainingModel.Position(run, 111));

        // scrubbing does not add undo entries
        while (lesson.undo()) {
            assertThat(model.positionProperty().get()).isNull(); // the initial weights: no run made them
        }
        assertThat(lesson.canUndoProperty().get()).isFalse();
        assertThat(model.preview(run, 20)).isEqualTo(20);
        assertThat(lesson.latestState()).isEqualTo(states.get(19));
        assertThat(lesson.canUndoProperty().get()).isFalse();
    }

    @Test
    void aBadValueKeepsTheOldOneWithAMessageNamingTheField() {
        seed000Sgd();
        assertThat(model.edit(Setting.LEARNING_RATE, "abc")).isFalse();
        assertThat(model.learningRateProperty().get()).isEqualTo(1.0);
        assertThat(model.settingsErrorProperty().get()).contains("Learning rate").contains("abc").contains("stays 1");
        assertThat(lesson.optimizerProperty().get()).isEqualTo(new Optimizer.Sgd(1));

        assertThat(model.edit(Setting.LEARNING_RATE, "-0.5")).isFalse();
        assertThat(model.settingsErrorProperty().get()).contains("Learning rate").contains("positive");
        assertThat(model.edit(Setting.LEARNING_RATE, "0")).isFalse();
        assertThat(model.edit(Setting.BETA, "1")).isFalse();
        assertThat(model.settingsErrorProperty().get()).startsWith("β ").contains("below 1");
        assertThat(model.edit(Setting.ITERATIONS, "2.5")).isFalse();
        assertThat(model.settingsErrorProperty().get()).contains("Iterations");
        assertThat(model.edit(Setting.UNTIL_LOSS, "-1")).isFalse();
        assertThat(model.untilLossProperty().get()).isEqualTo(1e-7);
        assertThat(model.learningRateProperty().get()).isEqualTo(1.0);

        assertThat(model.edit(Setting.LEARNING_RATE, " 0.5 ")).isTrue();
        assertThat(model.settingsErrorProperty().get()).isEmpty();
        assertThat(lesson.optimizerProperty().get()).isEqualTo(new Optimizer.Sgd(0.5));
        assertThat(model.edit(Setting.ITERATIONS, "50,000")).isTrue();
        assertThat(model.iterationsProperty().get()).isEqualTo(50_000);
        assertThat(model.edit(Setting.UNTIL_LOSS, "")).isTrue();
        assertThat(model.untilLossProperty().get()).isNaN();
        assertThat(model.setOptimizer("lbfgs")).isFalse();
        assertThat(model.settingsErrorProperty().get()).contains("lbfgs");
        assertThat(model.optimizerName()).isEqualTo("sgd");
    }

    @Test
    void fieldsShowValuesThatReadBackExactly() {
        for (double v : new double[] {1, 0.1, 0.001, 1e-7, 1e-8, 0.999, 123456.789, 2.5e9, 0.30000000000000004}) {
            assertThat(Double.parseDouble(TrainingModel.plain(v))).isEqualTo(v);
        }
        assertThat(TrainingModel.plain(1e-7)).isEqualTo("1e-7");
        assertThat(TrainingModel.plain(0.01)).isEqualTo("0.01");
        assertThat(TrainingModel.plain(100000)).isEqualTo("100000");
    }

    @Test
    void aScenarioBringsItsSettingsAndANewLessonClearsTheRuns() {
        seed000Sgd();
        model.stepIteration();
        assertThat(model.runs()).hasSize(1);
        lesson.load("xor");
        assertThat(model.runs()).isEmpty();
        assertThat(model.optimizerName()).isEqualTo("sgd");
        assertThat(model.learningRateProperty().get()).isEqualTo(0.1);
        assertThat(model.iterationsProperty().get()).as("seed 003's 50,000 epochs").isEqualTo(50_000);
        assertThat(model.untilLossProperty().get()).isNaN();
        assertThat(model.updateOrderProperty().get()).isEqualTo(UpdateOrder.SIMULTANEOUS);
        assertThat(TrainingModel.hyperparameters("adam"))
                .containsExactlyInAnyOrder(Setting.LEARNING_RATE, Setting.BETA, Setting.BETA2, Setting.EPSILON);
    }

    @Test
    void theLessonsOptimizerShowsInThePanelSettings() {
        lesson.load("seed-221");
        lesson.optimizerProperty().set(new Optimizer.Adam(0.002, 0.8, 0.99, 1e-6));
        assertThat(model.optimizerName()).isEqualTo("adam");
        assertThat(model.learningRateProperty().get()).isEqualTo(0.002);
        assertThat(model.betaProperty().get()).isEqualTo(0.8);
        assertThat(model.beta2Property().get()).isEqualTo(0.99);
        assertThat(model.epsProperty().get()).isEqualTo(1e-6);
        assertThat(model.optimizer()).isEqualTo(new Optimizer.Adam(0.002, 0.8, 0.99, 1e-6));
    }

    @Test
    void pauseStopsALongRunOnTheTrainerThread() throws Exception {
        ExecutorService uiThread = Executors.newSingleThreadExecutor();
        ExecutorService trainer = Executors.newSingleThreadExecutor();
        try {
            LessonModel l = onThread(uiThread, () -> new LessonModel(Runnable::run, uiThread));
            TrainingModel m = onThread(uiThread, () -> new TrainingModel(l, trainer, uiThread));
            onThread(uiThread, () -> {
                l.load("xor");
                return null;
            });
            // the lesson is applied by a task queued on the ui thread, after load() returned
            waitUntil(uiThread, () -> l.lesson() != null);
            onThread(uiThread, () -> {
                m.edit(Setting.ITERATIONS, String.valueOf(TrainingModel.MAX_ITERATIONS));
                m.runIterations();
                return null;
            });
            waitUntil(uiThread, () -> !m.runs().isEmpty() && m.runs().get(0).size() > 100);
            assertThat(onThread(uiThread, m::isRunning)).isTrue();
            onThread(uiThread, () -> {
                m.pause();
                return null;
            });
            waitUntil(uiThread, () -> !m.isRunning());
            Run run = onThread(uiThread, () -> m.runs().get(0));
            int size = onThread(uiThread, run::size);
            assertThat(size).isBetween(101, TrainingModel.MAX_ITERATIONS);
            assertThat(onThread(uiThread, m::status)).startsWith("Paused at iteration " + size);
            // the weights of the last point stay, so the graph shows the loss the chart ends with
            assertThat(onThread(uiThread, l::latestState)).isEqualTo(onThread(uiThread, () -> run.stateNear(size).state()));
            assertThat(onThread(uiThread, () -> m.positionProperty().get().iteration())).isEqualTo(size);

            // continuing after a pause extends the same run
            onThread(uiThread, () -> {
                m.edit(Setting.ITERATIONS, "5");
                m.runIterations();
                return null;
            });
            waitUntil(uiThread, () -> !m.isRunning());
            assertThat(onThread(uiThread, () -> m.runs().size())).isEqualTo(1);
            assertThat(onThread(uiThread, run::size)).isEqualTo(size + 5);
        } finally {
            trainer.shutdownNow();
            uiThread.shutdownNow();
        }
    }

    @Test
    void fiftyThousandXorEpochsCostFewUiEvents() throws Exception {
        // the ui executor defers, as Platform.runLater does: tasks wait until this thread runs them
        LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
        AtomicInteger uiEvents = new AtomicInteger();
        java.util.concurrent.Executor ui = task -> {
            uiEvents.incrementAndGet();
            queue.add(task);
        };
        ExecutorService trainer = Executors.newSingleThreadExecutor();
        try {
            TrainingModel m = new TrainingModel(lesson, trainer, ui);
            lesson.load("xor");
            assertThat(m.iterationsProperty().get()).isEqualTo(50_000);
            long t0 = System.nanoTime();
            m.runIterations();
            while (m.isRunning()) {
                Runnable task = queue.poll(20, TimeUnit.SECONDS);
                assertThat(task).as("a UI update within 20 s").isNotNull();
                task.run();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Run run = m.runs().get(0);
            assertThat(run.size()).isEqualTo(50_001);
            assertThat(run.stride()).as("every XOR iteration's weights are kept").isEqualTo(1);
            // ~60 flushes a second, plus the result: far from one event per iteration
            assertThat(uiEvents.get()).isLessThan(Math.max(50, (int) (seconds * 100)) + 2);
            Trainer.Result direct = trainDirectly(lesson.lesson().graph(), new Optimizer.Sgd(0.1),
                    UpdateOrder.SIMULTANEOUS, 50_001);
            assertThat(run.lossAt(50_001)).isEqualTo(direct.last().loss());
            assertThat(lesson.latestState()).isEqualTo(direct.finalState());
        } finally {
            trainer.shutdownNow();
        }
    }

    @Test
    void aLargeNetKeepsEveryKthWeightsWithinTheBudget() {
        Graph g = ProgramParser.parse("param w = 1; loss = w^2");
        Object[] packed = new Object[2];
        Trainer.train(g, g.initialState(), new Trainer.Config(new Optimizer.Sgd(0.1), UpdateOrder.SIMULTANEOUS,
                Double.NaN, 1), (step, loss, weights) -> {
            packed[0] = weights.packed();
            packed[1] = weights.codec();
        }, () -> false);
        // a run that counts each state as 100,000 weights
        Run run = new Run("big", new Optimizer.Sgd(0.1), UpdateOrder.SIMULTANEOUS, 0, 1, 0, 100_000);
        for (int it = 1; it <= 1000; it++) {
            run.append(it, 1.0 / it, (double[]) packed[0], (backprop.engine.StateCodec) packed[1]);
        }
        assertThat(run.size()).isEqualTo(1000);
        assertThat(run.stride()).isGreaterThan(1);
        assertThat((long) run.keptStates() * (100_000 + 32)).isLessThanOrEqualTo(Run.STATE_BUDGET);
        Run.Kept k = run.stateNear(777);
        assertThat(k.iteration()).isLessThanOrEqualTo(777).isGreaterThan(777 - run.stride());
        assertThat((k.iteration() - 1) % run.stride()).isZero();
        assertThat(run.stateNear(1000).iteration()).as("the last is always kept").isEqualTo(1000);
        assertThat(run.stateNear(1).iteration()).isEqualTo(1);
    }

    private static <T> T onThread(ExecutorService thread, Callable<T> work) throws Exception {
        return thread.submit(work).get(20, TimeUnit.SECONDS);
    }

    private static void waitUntil(ExecutorService thread, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!onThread(thread, condition)) {
            assertThat(System.nanoTime()).as("condition reached within 20 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}

package backprop.ui.training;

import backprop.engine.Graph;
import backprop.engine.ModelState;
import backprop.engine.Optimizer;
import backprop.engine.StateCodec;
import backprop.engine.Optimizers;
import backprop.engine.Tensor;
import backprop.engine.Trainer;
import backprop.engine.UpdateOrder;
import backprop.scenarios.Scenario;
import backprop.ui.model.Lesson;
import backprop.ui.model.LessonModel;
import backprop.ui.text.Numbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The training workspace's state: the optimizer and its settings, the runs on the loss chart with
 * their weight history, and the training in progress. Training runs the engine's {@link Trainer} on
 * {@code worker}; the trainer thread only appends to a buffer, and at most one flush per frame
 * (~16 ms) is handed to {@code ui}, so 50,000 iterations cost tens of UI events, not 50,000.
 * <p>
 * Everything except the trainer's listener runs on {@code ui} (the FX thread in the app, the calling
 * thread in tests, which need no toolkit). The result of a run is applied with
 * {@link LessonModel#commit}, so Ctrl+Z undoes a whole training run.
 */
public final class TrainingModel {
    /** The longest run one click may ask for. */
    public static final int MAX_ITERATIONS = 10_000_000;
    /** Runs kept on the chart: one per colour of its palette. */
    public static final int MAX_RUNS = 8;
    /** At most one chart/status update per frame at 60 fps. */
    static final long FRAME_NANOS = 16_000_000L;
    /** How long the trainer thread sleeps each time it hands a frame's points to the FX thread. */
    static final long TRAINER_PAUSE_NANOS = 14_000_000L;

    /** The settings a teacher types, each named in its error message. */
    public enum Setting {
        LEARNING_RATE("Learning rate η"),
        MOMENTUM("Momentum μ"),
        BETA("β"),
        BETA2("β₂"),
        EPSILON("ε"),
        ITERATIONS("Iterations N"),
        UNTIL_LOSS("Until loss <"),
        BATCH_SIZE("Batch size");

        private final String title;

        Setting(String title) {
            this.title = title;
        }

        /** The name on the panel and in messages. */
        public String title() {
            return title;
        }
    }

    /** Where the weights the lesson shows come from: an iteration of a run (the chart's marker). */
    public record Position(Run run, int iteration) {
    }

    private enum Action { STEP, ITERATIONS, UNTIL }

    private final LessonModel lesson;
    private final Executor worker;
    private final Executor ui;

    private final ReadOnlyStringWrapper optimizerName = new ReadOnlyStringWrapper(this, "optimizerName", "sgd");
    private final ReadOnlyDoubleWrapper learningRate = new ReadOnlyDoubleWrapper(this, "learningRate", 0.1);
    private final ReadOnlyDoubleWrapper momentum = new ReadOnlyDoubleWrapper(this, "momentum", 0.9);
    private final ReadOnlyDoubleWrapper beta = new ReadOnlyDoubleWrapper(this, "beta", 0.99);
    private final ReadOnlyDoubleWrapper beta2 = new ReadOnlyDoubleWrapper(this, "beta2", 0.999);
    private final ReadOnlyDoubleWrapper eps = new ReadOnlyDoubleWrapper(this, "eps", 1e-8);
    private final ObjectProperty<UpdateOrder> updateOrder = new SimpleObjectProperty<>(this, "updateOrder", UpdateOrder.SIMULTANEOUS);
    private final ReadOnlyIntegerWrapper iterations = new ReadOnlyIntegerWrapper(this, "iterations", 1000);
    private final ReadOnlyDoubleWrapper untilLoss = new ReadOnlyDoubleWrapper(this, "untilLoss", Double.NaN);
    /** Rows per update when the lesson has a data set; 0: all of them (full batch). */
    private final ReadOnlyIntegerWrapper batchSize = new ReadOnlyIntegerWrapper(this, "batchSize", 0);
    private final javafx.beans.property.ReadOnlyBooleanWrapper batchable =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "batchable", false);
    private final ReadOnlyStringWrapper settingsError = new ReadOnlyStringWrapper(this, "settingsError", "");

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    /** The weights the last finished run gave the lesson (shown once its trace is recorded). */
    private ModelState keptByLastRun;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper divergence = new ReadOnlyStringWrapper(this, "divergence", "");
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final ObservableList<Run> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ReadOnlyObjectWrapper<Position> position = new ReadOnlyObjectWrapper<>(this, "position");

    /** Guards the two-way sync with the lesson's optimizer and update order. */
    private boolean syncing;
    private Job job;
    /**
     * Weights this model gave the lesson (ends of runs, restored and previewed iterations), newest
     * last, with the iteration each comes from: training continues a run only from one of them, so
     * after undo/redo back to such weights the chart still knows where they are.
     */
    private final java.util.ArrayDeque<Known> known = new java.util.ArrayDeque<>();
    private static final int KNOWN_LIMIT = 64;

    private record Known(ModelState state, Position position) {
    }

    public TrainingModel(LessonModel lesson, Executor worker, Executor ui) {
        this.lesson = lesson;
        this.worker = worker;
        this.ui = ui;
        pullOptimizer(lesson.optimizerProperty().get());
        updateOrder.set(lesson.updateOrderProperty().get());
        if (lesson.lesson() != null) {
            applyLessonDefaults(lesson.lesson());
            batchable.set(dataRows(lesson.lesson()) > 0);
        }
        // weights changed since a run diverged (initial values, a typed weight, undo): its message is history
        lesson.stateProperty().addListener((obs, was, now) -> {
            if (!running.get() && now != keptByLastRun) { // the run's own weights arrive after its message
                divergence.set("");
            }
        });
        lesson.optimizerProperty().addListener((obs, was, now) -> {
            if (!syncing && now != null) {
                pullOptimizer(now);
            }
        });
        lesson.updateOrderProperty().addListener((obs, was, now) -> {
            if (!syncing && now != null) {
                push(() -> updateOrder.set(now));
            }
        });
        updateOrder.addListener((obs, was, now) -> {
            if (now == null) {
                updateOrder.set(was); // an order is always chosen
            } else if (!syncing) {
                push(() -> lesson.updateOrderProperty().set(now));
            }
        });
        lesson.lessonProperty().addListener((obs, was, now) -> lessonChanged(now));
        lesson.stateProperty().addListener((obs, was, now) -> {
            // an edit or a reset elsewhere hides the marker; undo/redo back to known weights shows it again
            if (now != null) {
                Known k = lookUp(now);
                position.set(k == null ? null : k.position());
            }
        });
    }

    // --- settings -----------------------------------------------------------------------------------

    /** Which of the hyperparameter settings an optimizer uses (the learning rate always). */
    public static Set<Setting> hyperparameters(String optimizer) {
        return switch (optimizer) {
            case "momentum", "nesterov" -> EnumSet.of(Setting.LEARNING_RATE, Setting.MOMENTUM);
            case "adagrad" -> EnumSet.of(Setting.LEARNING_RATE, Setting.EPSILON);
            case "rmsprop" -> EnumSet.of(Setting.LEARNING_RATE, Setting.BETA, Setting.EPSILON);
            case "adam" -> EnumSet.of(Setting.LEARNING_RATE, Setting.BETA, Setting.BETA2, Setting.EPSILON);
            default -> EnumSet.of(Setting.LEARNING_RATE);
        };
    }

    /**
     * Chooses an optimizer; its hyperparameters go to their defaults (the scenario's learning rate when
     * the scenario is taught with this optimizer). False, with a message, for an unknown name.
     */
    public boolean setOptimizer(String name) {
        if (!Optimizers.NAMES.contains(name)) {
            settingsError.set("Unknown optimizer “" + name + "” (use " + String.join(", ", Optimizers.NAMES) + ")");
            return false;
        }
        settingsError.set("");
        if (name.equals(optimizerName.get())) {
            return true;
        }
        double lr = Optimizers.defaultLearningRate(name);
        Lesson l = lesson.lesson();
        if (l != null && l.scenario() != null && l.scenario().defaults().optimizer().equals(name)) {
            lr = l.scenario().defaults().learningRate();
        }
        Optimizer defaults = Optimizers.create(name, lr, null, null, null, null);
        pullOptimizer(defaults);
        push(() -> lesson.optimizerProperty().set(defaults));
        return true;
    }

    /**
     * Sets a setting from the text typed in its field. A bad value leaves the setting as it was and
     * {@link #settingsErrorProperty()} says which field and why; a good one clears the message.
     */
    public boolean edit(Setting setting, String text) {
        String t = text == null ? "" : text.strip().replace('−', '-').replace('–', '-');
        if (setting == Setting.UNTIL_LOSS && (t.isEmpty() || t.equalsIgnoreCase("none") || t.equals("-"))) {
            return edit(setting, Double.NaN); // no target: run-until runs N iterations
        }
        if (setting == Setting.ITERATIONS) {
            t = t.replace(",", "").replace("_", "").replace(" ", ""); // 50,000 as printed in seed 003
        }
        if (setting == Setting.BATCH_SIZE && (t.isEmpty() || t.equalsIgnoreCase("all"))) {
            return edit(setting, 0); // every row in every update
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return reject(setting, "“" + t + "” is not a number");
        }
        return edit(setting, v);
    }

    /** Sets a setting to a number; see {@link #edit(Setting, String)}. */
    public boolean edit(Setting setting, double v) {
        String problem = validate(setting, v);
        if (problem != null) {
            return reject(setting, problem);
        }
        settingsError.set("");
        switch (setting) {
            case ITERATIONS -> iterations.set((int) v);
            case UNTIL_LOSS -> untilLoss.set(v);
            case BATCH_SIZE -> batchSize.set((int) v);
            default -> {
                property(setting).set(v);
                if (hyperparameters(optimizerName.get()).contains(setting)) {
                    Optimizer o = optimizer();
                    push(() -> lesson.optimizerProperty().set(o));
                }
            }
        }
        return true;
    }

    private static String validate(Setting s, double v) {
        boolean finite = Double.isFinite(v);
        return switch (s) {
            case LEARNING_RATE, EPSILON -> finite && v > 0 ? null : "must be a positive number, not " + Numbers.format(v);
            case MOMENTUM, BETA, BETA2 -> v >= 0 && v < 1 ? null : "must be at least 0 and below 1, not " + Numbers.format(v);
            case ITERATIONS -> v == Math.rint(v) && v >= 1 && v <= MAX_ITERATIONS ? null
                    : "must be a whole number from 1 to " + String.format(Locale.ROOT, "%,d", MAX_ITERATIONS)
                    + ", not " + Numbers.format(v);
            case UNTIL_LOSS -> Double.isNaN(v) || (finite && v > 0) ? null
                    : "must be a positive number (or empty for none), not " + Numbers.format(v);
            case BATCH_SIZE -> v == Math.rint(v) && v >= 0 && v <= MAX_ITERATIONS ? null
                    : "must be a whole number of rows (or empty for all), not " + Numbers.format(v);
        };
    }

    private boolean reject(Setting s, String problem) {
        String kept = format(s);
        // an empty field means "all rows" / "no target", as its prompt text says
        settingsError.set(s.title() + " " + problem + "; it stays " + (!kept.isEmpty() ? kept
                : s == Setting.BATCH_SIZE ? "all rows" : "none") + ".");
        return false;
    }

    /** A setting as its field shows it: exact enough to read back unchanged. */
    public String format(Setting s) {
        return switch (s) {
            case ITERATIONS -> Integer.toString(iterations.get());
            case UNTIL_LOSS -> Double.isNaN(untilLoss.get()) ? "" : plain(untilLoss.get());
            case BATCH_SIZE -> batchSize.get() == 0 ? "" : Integer.toString(batchSize.get());
            default -> plain(property(s).get());
        };
    }

    /** 1, 0.001, 1e-7: the shortest text that parses back to the same double. */
    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e7) {
            return java.math.BigDecimal.valueOf(v).toPlainString();
        }
        return Double.toString(v).replace(".0E", "E").replace('E', 'e');
    }

    private ReadOnlyDoubleWrapper property(Setting s) {
        return switch (s) {
            case LEARNING_RATE -> learningRate;
            case MOMENTUM -> momentum;
            case BETA -> beta;
            case BETA2 -> beta2;
            case EPSILON -> eps;
            default -> throw new IllegalArgumentException(s + " is not a hyperparameter");
        };
    }

    /** The optimizer the settings describe. */
    public Optimizer optimizer() {
        String name = optimizerName.get();
        Set<Setting> used = hyperparameters(name);
        return Optimizers.create(name, learningRate.get(),
                used.contains(Setting.MOMENTUM) ? momentum.get() : null,
                used.contains(Setting.BETA) ? beta.get() : null,
                used.contains(Setting.BETA2) ? beta2.get() : null,
                used.contains(Setting.EPSILON) ? eps.get() : null);
    }

    /** Shows an optimizer's settings (chosen here, or set on the lesson by a scenario). */
    private void pullOptimizer(Optimizer o) {
        optimizerName.set(o.name());
        learningRate.set(o.learningRate());
        if (o instanceof Optimizer.Momentum m) {
            momentum.set(m.momentum());
        } else if (o instanceof Optimizer.Nesterov n) {
            momentum.set(n.momentum());
        } else if (o instanceof Optimizer.AdaGrad a) {
            eps.set(a.eps());
        } else if (o instanceof Optimizer.RmsProp r) {
            beta.set(r.beta());
            eps.set(r.eps());
        } else if (o instanceof Optimizer.Adam a) {
            beta.set(a.beta1());
            beta2.set(a.beta2());
            eps.set(a.eps());
        }
    }

    private void push(Runnable toLesson) {
        syncing = true;
        try {
            toLesson.run();
        } finally {
            syncing = false;
        }
    }

    private void applyLessonDefaults(Lesson l) {
        if (l.scenario() == null) {
            return; // a typed formula keeps the settings in use
        }
        Scenario.Defaults d = l.scenario().defaults();
        iterations.set(Math.max(1, Math.min(MAX_ITERATIONS, d.maxSteps())));
        untilLoss.set(Double.isFinite(d.untilLoss()) && d.untilLoss() > 0 ? d.untilLoss() : Double.NaN);
    }

    // --- training -----------------------------------------------------------------------------------

    /** One update: the loss before it (unless the chart has it already) and after it. */
    public void stepIteration() {
        start(Action.STEP);
    }

    /** N updates. */
    public void runIterations() {
        start(Action.ITERATIONS);
    }

    /** Updates until a pass's loss is below the target, at most N. */
    public void runUntil() {
        start(Action.UNTIL);
    }

    /** Stops the run in progress; the weights of its last finished pass stay (undoable). */
    public void pause() {
        if (job != null) {
            job.cancel.set(true);
        }
    }

    /** Removes every run from the chart. */
    public void clearRuns() {
        abandonJob();
        runs.clear();
        forgetPosition();
        divergence.set("");
        status.set("");
    }

    /**
     * Shows the weights of an iteration of a run without an undo entry (scrubbing the history).
     *
     * @return the iteration shown (the nearest kept one when the run keeps every k-th), or −1
     */
    public int preview(Run run, int iteration) {
        Run.Kept k = kept(run, iteration);
        if (k == null) {
            return -1;
        }
        expect(run, k);
        lesson.setState(k.state());
        return k.iteration();
    }

    /**
     * Makes the weights of an iteration of a run the lesson's weights (undoable); training continues
     * from there as a new run branching off at that iteration.
     *
     * @return the iteration restored, or −1
     */
    public int restore(Run run, int iteration) {
        Run.Kept k = kept(run, iteration);
        if (k == null) {
            return -1;
        }
        expect(run, k);
        lesson.commit(k.state());
        status.set("Restored the weights of iteration " + k.iteration() + " of " + run.label());
        return k.iteration();
    }

    private Run.Kept kept(Run run, int iteration) {
        if (running.get() || run == null || !runs.contains(run)) {
            return null;
        }
        return run.stateNear(iteration);
    }

    private void expect(Run run, Run.Kept k) {
        remember(k.state(), new Position(run, k.iteration()));
    }

    /** Notes where weights given to the lesson come from; set before the lesson hears of them. */
    private void remember(ModelState state, Position p) {
        known.removeIf(k -> k.state() == state);
        known.addLast(new Known(state, p));
        while (known.size() > KNOWN_LIMIT) {
            known.removeFirst();
        }
        position.set(p);
    }

    /**
     * Where the lesson's weights come from, or null after an edit. The lesson's undo stack holds the
     * very objects given to it, so identity finds them; only the newest is compared by value.
     */
    private Known lookUp(ModelState s) {
        if (s == null || known.isEmpty()) {
            return null;
        }
        for (java.util.Iterator<Known> it = known.descendingIterator(); it.hasNext(); ) {
            Known k = it.next();
            if (k.state() == s) {
                return runs.contains(k.position().run()) ? k : null;
            }
        }
        Known newest = known.peekLast();
        return newest.state().equals(s) && runs.contains(newest.position().run()) ? newest : null;
    }

    private void forgetPosition() {
        known.clear();
        position.set(null);
    }

    /** How many data rows the lesson has (0: no data set, so no batches). */
    private static int dataRows(Lesson l) {
        int[] data = Trainer.Batches.dataInputs(l.graph());
        return data.length == 0 ? 0 : l.graph().node(data[0]).initialValue().rows();
    }

    private void lessonChanged(Lesson now) {
        batchable.set(now != null && dataRows(now) > 0);
        batchSize.set(0);
        clearRuns();
        if (now != null) {
            applyLessonDefaults(now);
        }
    }

    private void start(Action action) {
        if (running.get()) {
            return;
        }
        Lesson l = lesson.lesson();
        if (l == null) {
            status.set("Load an example or a formula first.");
            return;
        }
        ModelState current = lesson.latestStateOf(l.graph());
        if (current == null || !fits(l.graph(), current)) {
            status.set("The next lesson is still loading: train it once it is on screen.");
            return;
        }
        if (l.graph().params().isEmpty()) {
            // the apple graph's price "trained" 1,000 times drew a flat line at 220
            status.set("Nothing to train: this lesson has no weights. In a formula, a weight is a param "
                    + "(param w = 2), the others stay as typed.");
            return;
        }
        Optimizer opt;
        try {
            opt = optimizer();
        } catch (IllegalArgumentException e) {
            settingsError.set(e.getMessage());
            return;
        }
        UpdateOrder order = updateOrder.get();
        Known from = lookUp(current);
        Position at = from == null ? null : from.position();
        boolean fromKnownIteration = at != null;
        int startIteration = fromKnownIteration ? at.iteration() : 1;
        int rows = dataRows(l);
        int batch = batchSize.get() > 0 && batchSize.get() < rows ? batchSize.get() : 0;
        Run run;
        ModelState startState;
        if (fromKnownIteration && runs.contains(at.run()) && !at.run().diverged() && at.run().optimizer().equals(opt)
                && at.run().order() == order && at.run().batchSize() == batch
                && at.iteration() == at.run().lastIteration()) {
            run = at.run(); // same settings, no edit since: the curve goes on
            startState = current;
        } else {
            if (runs.size() >= MAX_RUNS) {
                runs.remove(0); // the oldest goes: more curves than colours cannot be told apart
            }
            run = new Run(label(opt, order, batch, startIteration), opt, order, batch, startIteration, freeColor(),
                    paramScalars(l.graph()));
            runs.add(run);
            startState = current.withoutOptimizerMemory(); // a new run starts with a fresh optimizer
        }
        // pass 1 uses the weights the lesson shows; a continued run already has its loss
        int skipThrough = run.lastIteration();
        int maxSteps = action == Action.STEP ? 2 : iterations.get() + 1;
        double target = action == Action.UNTIL ? untilLoss.get() : Double.NaN;
        Trainer.Batches batches = batch > 0
                ? new Trainer.Batches(batch, run.lastIteration()) : null; // seed: the run's last iteration so far (0 when new), so a lesson repeats exactly
        Job j = new Job(l, current, run, startIteration, skipThrough,
                new Trainer.Config(opt, order, target, maxSteps, batches));
        job = j;
        divergence.set("");
        settingsError.set("");
        running.set(true);
        status.set("Training " + run.label() + " …");
        worker.execute(() -> j.train(startState));
    }

    /** The first palette colour no run on the chart uses. */
    private int freeColor() {
        for (int c = 0; ; c++) {
            final int candidate = c;
            if (runs.stream().noneMatch(r -> r.colorIndex() == candidate)) {
                return c;
            }
        }
    }

    static String label(Optimizer o, UpdateOrder order, int batch, int startIteration) {
        String s = o.describe() + " · " + order.cliName() + (batch > 0 ? " · batch " + batch : "");
        return startIteration > 1 ? s + " · from iteration " + startIteration : s;
    }

    private static long paramScalars(Graph g) {
        long n = 0;
        for (Graph.Node p : g.params()) {
            n += p.initialValue().size();
        }
        return n;
    }

    /** Whether a state belongs to the graph (the lesson's state runs ahead of its graph while loading). */
    private static boolean fits(Graph g, ModelState s) {
        try {
            for (Graph.Node n : g.nodes()) {
                if (n.isLeaf()) {
                    Tensor v = s.value(n.id());
                    if (v == null || !v.sameShape(n.initialValue())) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }

    private void abandonJob() {
        if (job != null) {
            job.cancel.set(true);
            job = null; // its flushes and result are ignored from now on
            running.set(false);
        }
    }

    private void flush(Job j) {
        j.flushPending.set(false);
        if (j != job) {
            return;
        }
        Job.Batch b = j.drain();
        for (int k = 0; k < b.count; k++) {
            j.run.append(b.firstIteration + k, b.losses[k], b.states, k * b.width, b.codec);
        }
        j.run.publish();
        if (b.count > 0) {
            status.set("Training … iteration " + (b.firstIteration + b.count - 1) + " · loss "
                    + Numbers.format(b.losses[b.count - 1]));
        }
    }

    private void finish(Job j, Trainer.Result r) {
        if (j != job) {
            return; // abandoned: a new lesson or a cleared chart
        }
        flush(j);
        job = null;
        running.set(false);
        Run run = j.run;
        ModelState keep;
        int keptIteration;
        switch (r.stopped()) {
            case CANCELLED -> {
                // the weights of the last finished pass, so the loss on the chart is the one the graph shows
                keep = r.keptPass() == 0 ? null : r.finalState();
                keptIteration = j.startIteration + r.keptPass() - 1;
            }
            case DIVERGED -> {
                keep = r.finalState();
                keptIteration = j.startIteration + r.keptPass() - 1;
                run.markDiverged();
            }
            default -> {
                keep = r.finalState();
                keptIteration = j.lastIteration;
            }
        }
        if (run.size() == 0) {
            runs.remove(run);
            run = null;
        }
        // an edit, undo or reset during the run wins over the run's result: a teacher's change is never overwritten
        boolean editedMeanwhile = lesson.latestState() != j.shown;
        if (keep != null && !editedMeanwhile) {
            if (run != null) {
                remember(keep, new Position(run, keptIteration));
            }
            keptByLastRun = keep;
            lesson.commit(keep);
        }
        String loss = r.passes().isEmpty() ? "" : Numbers.format(r.last().loss());
        switch (r.stopped()) {
            case UNTIL_LOSS -> status.set("Loss " + loss + " < " + Numbers.format(j.config.untilLoss())
                    + " at iteration " + Numbers.grouped(j.lastIteration) + " (" + updates(r) + ")");
            // "Run 50,000" makes 50,000 updates; iteration 1 is the weights before the first, so it ends at
            // iteration 50,001 (said as "iteration 50001 (50,001 passes)", it read as one too many)
            case MAX_STEPS -> status.set("Done: " + updates(r) + " · loss " + loss + " at iteration " + Numbers.grouped(j.lastIteration));
            case CANCELLED -> status.set(r.keptPass() == 0 ? "Paused."
                    : "Paused at iteration " + j.lastIteration + " · loss " + loss);
            case DIVERGED -> {
                status.set("Paused: training diverged at iteration " + j.lastIteration);
                divergence.set("Training diverged: " + j.inIterations(r.divergence())
                        + ". Paused; the weights of iteration " + keptIteration + ", the last before it diverged, are kept.");
            }
        }
        if (keep != null && editedMeanwhile) {
            status.set(status.get() + ". The weights were changed during training, so the run's weights were not applied.");
        }
    }

    /** The updates a finished run made (one after each pass but the last) and the time it took. */
    private static String updates(Trainer.Result r) {
        int n = r.passCount() - 1;
        return Numbers.grouped(n) + (n == 1 ? " update" : " updates") + String.format(Locale.ROOT, " in %.2f s", r.seconds());
    }


    private void fail(Job j, RuntimeException e) {
        if (j != job) {
            return;
        }
        flush(j);
        job = null;
        running.set(false);
        if (j.run.size() == 0) {
            runs.remove(j.run);
        }
        status.set("Training failed: " + e.getMessage());
    }

    /** One click's training, run on the worker. */
    private final class Job {
        /**
         * The passes since the last flush, in flat arrays: losses, and weights packed one after another
         * (consecutive iterations from {@code firstIteration}). Two batches take turns, filled on the
         * trainer thread and read on the UI thread, so a pass allocates nothing.
         */
        static final class Batch {
            int firstIteration;
            int count;
            double[] losses = new double[256];
            double[] states = new double[0];
            int width;
            StateCodec codec;

            void add(int iteration, double loss, Trainer.Weights weights) {
                if (count == 0) {
                    firstIteration = iteration;
                    codec = weights.codec();
                    width = codec.width();
                }
                if (count == losses.length) {
                    losses = Arrays.copyOf(losses, count * 2);
                }
                if ((count + 1) * width > states.length) {
                    states = Arrays.copyOf(states, Math.max(256, count * 2) * width);
                }
                losses[count] = loss;
                weights.packInto(states, count * width);
                count++;
            }
        }

        final Lesson lesson;
        /** The lesson's weights when the run started: if they changed meanwhile, the result is not applied. */
        final ModelState shown;
        final Run run;
        final int startIteration;
        final int skipThrough;
        final Trainer.Config config;
        final AtomicBoolean cancel = new AtomicBoolean();
        final AtomicBoolean flushPending = new AtomicBoolean();
        private final Object lock = new Object();
        private Batch filling = new Batch();
        private Batch spare = new Batch();
        /** Trainer thread only. */
        private long lastFlushRequest;
        /** Written by the trainer thread, read in finish() after the hand-over to ui. */
        int lastIteration;

        Job(Lesson lesson, ModelState shown, Run run, int startIteration, int skipThrough, Trainer.Config config) {
            this.lesson = lesson;
            this.shown = shown;
            this.run = run;
            this.startIteration = startIteration;
            this.skipThrough = skipThrough;
            this.config = config;
            this.lastIteration = startIteration - 1;
        }

        void train(ModelState start) {
            lastFlushRequest = System.nanoTime() - FRAME_NANOS; // the first point shows at once
            Trainer.Result r;
            try {
                r = Trainer.train(lesson.graph(), start, config.lastPassOnly(), this::onPass, cancel::get);
            } catch (RuntimeException e) {
                ui.execute(() -> fail(this, e));
                return;
            }
            ui.execute(() -> finish(this, r));
        }

        /** On the trainer thread, once per forward pass: buffer it, and ask for a flush at most once per frame. */
        private void onPass(int step, double loss, Trainer.Weights weights) {
            int iteration = startIteration + step - 1;
            lastIteration = iteration;
            if (iteration <= skipThrough) {
                return; // the point the continued curve already ends with
            }
            synchronized (lock) {
                filling.add(iteration, loss, weights);
            }
            long now = System.nanoTime();
            if (now - lastFlushRequest >= FRAME_NANOS && flushPending.compareAndSet(false, true)) {
                lastFlushRequest = now;
                ui.execute(() -> flush(this));
                // give a core back for most of each frame: on two cores the FX and render threads share the other
                // with the JIT and the GC (docs/benchmarks.md: 6, 10, then 14 ms each gave fewer late frames; at
                // 14 ms ~1% of frames are late, a bare window's share here, and XOR's 50,000 epochs take ~0.3 s)
                java.util.concurrent.locks.LockSupport.parkNanos(TRAINER_PAUSE_NANOS);
            }
        }

        /**
         * The filled batch, handed to the UI thread; the trainer goes on in the other one. Called on the UI
         * thread only, which has read the batch of the previous call by then (so it can be refilled).
         */
        Batch drain() {
            synchronized (lock) {
                Batch out = filling;
                filling = spare;
                filling.count = 0;
                spare = out;
                return out;
            }
        }

        private static final Pattern PASS = Pattern.compile("\\bpass (\\d+)\\b");
        private static final Pattern NUMBER = Pattern.compile("\\((-?(?:\\d+\\.?\\d*(?:E-?\\d+)?|NaN|Infinity))\\)");

        /** The trainer counts passes of this call; the chart counts iterations of the run. */
        String inIterations(String message) {
            if (message == null) {
                return "the loss or a weight is no longer finite";
            }
            Matcher m = PASS.matcher(message);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                int iteration = startIteration + Integer.parseInt(m.group(1)) - 1;
                m.appendReplacement(sb, "iteration " + iteration);
            }
            m.appendTail(sb);
            // numbers as the chart shows them: (1.722e8), not (1.72186884E8)
            Matcher n = NUMBER.matcher(sb.toString());
            StringBuilder out = new StringBuilder();
            while (n.find()) {
                n.appendReplacement(out, Matcher.quoteReplacement("(" + Numbers.format(Double.parseDouble(n.group(1))) + ")"));
            }
            n.appendTail(out);
            return out.toString().replace("10^6", "10⁶").replace("10^-6", "10⁻⁶");
        }
    }

    // --- properties -----------------------------------------------------------------------------------

    public ReadOnlyStringProperty optimizerNameProperty() { return optimizerName.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty learningRateProperty() { return learningRate.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty momentumProperty() { return momentum.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty betaProperty() { return beta.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty beta2Property() { return beta2.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty epsProperty() { return eps.getReadOnlyProperty(); }
    public ObjectProperty<UpdateOrder> updateOrderProperty() { return updateOrder; }
    public ReadOnlyIntegerProperty iterationsProperty() { return iterations.getReadOnlyProperty(); }
    /** NaN: no target loss. */
    public ReadOnlyDoubleProperty untilLossProperty() { return untilLoss.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty batchSizeProperty() { return batchSize.getReadOnlyProperty(); }
    /** Whether the lesson has a data set to take batches from. */
    public javafx.beans.property.ReadOnlyBooleanProperty batchableProperty() { return batchable.getReadOnlyProperty(); }
    /** Why the last typed value was refused, naming its field; empty when it was fine. */
    public ReadOnlyStringProperty settingsErrorProperty() { return settingsError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** Why the last run diverged; empty when it did not. */
    public ReadOnlyStringProperty divergenceProperty() { return divergence.getReadOnlyProperty(); }
    /** The iteration whose weights the lesson shows, or null after an edit elsewhere. */
    public ReadOnlyObjectProperty<Position> positionProperty() { return position.getReadOnlyProperty(); }
    /** The runs on the chart, oldest first (read-only; see {@link #clearRuns()}). */
    public ObservableList<Run> runs() { return runsView; }

    public String optimizerName() { return optimizerName.get(); }
    public boolean isRunning() { return running.get(); }
    public String status() { return status.get(); }
    public String divergence() { return divergence.get(); }
    public LessonModel lesson() { return lesson; }
}

package backprop.ui;

import backprop.ui.fx.HeadlessFx;
import backprop.ui.model.LessonModel;
import com.sun.javafx.perf.PerformanceTracker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Frame-rate benchmark: plays the trace of a generated graph of about {@code --nodes} nodes in the
 * real window (or Monocle headless without a display) and reports the pulse rate, the rendered frame
 * rate and how long the FX thread worked in each pulse (animation, CSS and layout, up to the
 * post-layout point).
 */
@Command(name = "bench-ui", description = "Measure frames per second while the graph animates (prints JSON).")
public final class BenchUiCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--nodes", description = "about how many nodes the generated graph has (default 200)")
    int nodes = 200;

    @Option(names = "--seconds", description = "how long to play (default 10)")
    double seconds = 10;

    @Option(names = "--warm-up", description = "seconds played before measuring (default 3: class loading, JIT)")
    double warmUp = 3;

    @Option(names = "--after-apple", description = "first show the apple graph and play its iteration once, as the "
            + "app starts, then load the generated graph (the usual order in a lesson)")
    boolean afterApple;

    @Option(names = "--speed", description = "animation speed, 0.25 to 4 (default 4: the busiest)")
    double speed = 4;

    @Option(names = "--xor-training", description = "instead: train XOR for 50,000 epochs in the window with the chart live, "
            + "and report the seconds and the frames while it trains")
    boolean xorTraining;

    @Option(names = "--iterations", description = "with --xor-training: how many epochs (default: the scenario's 50,000)")
    Integer iterations;

    @Option(names = "--idle", description = "seconds the window shows the apple graph before the measured graph "
            + "loads (or, with --xor-training, before the run starts), as a teacher takes a moment (default 0; "
            + "with --xor-training the --warm-up seconds)")
    double idle;

    @Option(names = "--zoom", description = "also zoom in and out continuously while it plays (as a teacher "
            + "scrolling the wheel): 1% a frame, reversing every second")
    boolean zoom;

    @Option(names = "--no-rehearsal", description = "skip the off-screen rehearsal the app plays after start-up")
    boolean noRehearsal;

    @Spec
    CommandSpec spec;

    /**
     * BENCH_DEBUG lines, formatted and written by a thread of their own: printing inside a pulse made
     * it slower (and a lambda or string concatenation made there links a call site on first use, ms).
     */
    private final DebugPrinter debug = new DebugPrinter();

    /** How long before it clicks Run the XOR bench shows the loss chart. */
    private static final long CHOOSE_CHART_BEFORE_RUN_NANOS = 2_000_000_000L;

    private record SlowPulse(double uptime, String clock, long work, long animation, long layout, int cursor, boolean stepped, int joining,
                             FxStackSampler stacks, long from, long to) implements java.util.function.Supplier<String> {
        @Override
        public String get() {
            return String.format(Locale.ROOT, "[%.3fs] %s slow pulse %.1f ms (animation %.1f, CSS + layout %.1f) at cursor %d%s, %d views still to join%n",
                    uptime, clock, work / 1e6, animation / 1e6, layout / 1e6, cursor, stepped ? " (a step began)" : "", joining) + (stacks == null ? "" : stacks.summary(from, to));
        }
    }

    private record LateFrame(double uptime, int frame, long interval) implements java.util.function.Supplier<String> {
        @Override
        public String get() {
            return String.format(Locale.ROOT, "[%.3fs] late frame %d: %.1f ms after the last%n", uptime, frame, interval / 1e6);
        }
    }

    private static final class DebugPrinter {
        private final java.util.concurrent.BlockingQueue<java.util.function.Supplier<String>> lines =
                new java.util.concurrent.LinkedBlockingQueue<>();
        private Thread thread;

        synchronized void print(java.util.function.Supplier<String> line) {
            if (thread == null) {
                thread = new Thread(() -> {
                    try {
                        while (true) {
                            System.err.print(lines.take().get());
                        }
                    } catch (InterruptedException e) {
                        // the bench is over: drain() prints the rest
                    }
                }, "bench-debug");
                thread.setDaemon(true);
                thread.start();
            }
            lines.add(line);
        }

        /** Prints what is still queued, in order, before the report. */
        synchronized void drain() throws InterruptedException {
            if (thread == null) {
                return;
            }
            thread.interrupt();
            thread.join();
            for (java.util.function.Supplier<String> line; (line = lines.poll()) != null; ) {
                System.err.print(line.get());
            }
        }
    }

    static String program(int nodes) {
        return Rehearsal.program(nodes);
    }

    @Override
    public Integer call() throws Exception {
        if (System.getenv("BENCH_DEBUG") != null) {
            // their first calls load the management and time classes (~10 ms) and the printer thread starts:
            // not inside a measured pulse
            uptimeSeconds();
            wallClock();
            debug.print(() -> "");
        }
        boolean window = System.getenv("DISPLAY") != null && System.getProperty("glass.platform") == null;
        if (window) {
            System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
            CountDownLatch up = new CountDownLatch(1);
            Platform.startup(up::countDown);
            up.await();
            Platform.setImplicitExit(false);
        } else {
            HeadlessFx.startToolkitHeadless();
        }
        ExecutorService worker = backprop.ui.fx.DaemonThreads.single("engine");
        ExecutorService latex = backprop.ui.fx.DaemonThreads.single("latex");
        List<Long> intervals = Collections.synchronizedList(new ArrayList<>());
        List<Long> work = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        double[] fps = new double[1];
        int[] graphNodes = new int[1];
        double[] trainingSeconds = {Double.NaN};
        double[] rehearsalSeconds = {Double.NaN};
        double[] joinedSeconds = {-1};
        ExecutorService trainer = backprop.ui.fx.DaemonThreads.single("trainer");
        Platform.runLater(() -> {
            LessonModel model = new LessonModel(worker, App.FX_THREAD);
            backprop.ui.training.TrainingModel training = new backprop.ui.training.TrainingModel(model, trainer, App.FX_THREAD);
            MainView view = new MainView(model, training, latex);
            Scene scene = App.createScene(view, 1280, 800);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            model.speedProperty().set(speed);
            if (xorTraining) {
                model.load("xor");
            } else if (afterApple) {
                model.load("apple");
                model.traceProperty().addListener((obs, was, trace) -> {
                    if (trace != null && trace.graph().size() < 10 && !model.playingProperty().get() && model.atEnd() == false) {
                        model.playingProperty().set(true); // the apple iteration plays once, then the big graph loads
                    }
                });
                model.playingProperty().addListener((obs, was, now) -> {
                    if (!now && model.lesson() != null && model.lesson().id().equals("apple")) {
                        model.runProgram(program(nodes));
                    }
                });
            } else if (idle > 0) {
                model.load("apple");
                javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(idle));
                later.setOnFinished(e -> model.runProgram(program(nodes)));
                later.play();
            } else {
                model.runProgram(program(nodes));
            }
            if (!noRehearsal) {
                // as the app has it (App.start): a teacher's input also makes the rehearsal wait
                Rehearsal.start(worker, trainer, latex, App.REHEARSAL_DELAY_SECONDS,
                        Rehearsal.busyOrRecentInput(scene, Rehearsal.busy(model, view.graphView(), training::isRunning)),
                        secs -> rehearsalSeconds[0] = secs);
            }
            model.traceProperty().addListener((obs, was, trace) -> {
                if (trace == null || intervals.size() > 0 || graphNodes[0] > 0
                        || !xorTraining && (afterApple || idle > 0) && trace.graph().size() < nodes / 2) {
                    return;
                }
                graphNodes[0] = trace.graph().size();
                PerformanceTracker tracker = PerformanceTracker.getSceneTracker(scene);
                FxStackSampler stacks = System.getenv("BENCH_STACKS") == null ? null
                        : new FxStackSampler(Thread.currentThread(), warmUp + Math.min(seconds, 5));
                long[] pulseStart = new long[1];
                long[] trainStart = new long[1];
                boolean[] clicked = {false};
                boolean[] chartChosen = {false};
                long[] last = new long[1];
                long[] cssStart = new long[1];
                long shownAt = System.nanoTime();
                int[] lastCursor = {-1};
                scene.addPreLayoutPulseListener(() -> cssStart[0] = System.nanoTime());
                scene.addPostLayoutPulseListener(() -> {
                    if (pulseStart[0] != 0) {
                        long now = System.nanoTime();
                        long w = now - pulseStart[0];
                        work.add(w);
                        int cursor = model.cursorProperty().get();
                        boolean stepped = cursor != lastCursor[0];
                        lastCursor[0] = cursor;
                        if (w > 16_000_000L && System.getenv("BENCH_DEBUG") != null) {
                            debug.print(new SlowPulse(uptimeSeconds(), wallClock(), w, cssStart[0] - pulseStart[0], now - cssStart[0],
                                    cursor, stepped, view.graphView().joiningViews(), stacks, pulseStart[0], now));
                        }
                    }
                });
                AnimationTimer timer = new AnimationTimer() {
                    // the first three seconds warm up (class loading, JIT, first CSS pass) and is not measured
                    final long measureFrom = System.nanoTime() + (long) ((xorTraining && idle > 0 ? idle : warmUp) * 1e9);
                    final long end = measureFrom + (long) (seconds * 1e9);

                    @Override
                    public void handle(long now) {
                        // XOR: from the pulse after the teacher's click on Run (the run starts in that event)
                        boolean measuring = xorTraining ? trainStart[0] != 0 : now >= measureFrom;
                        if (measuring && last[0] == 0) {
                            tracker.resetAverageFPS();
                        }
                        pulseStart[0] = measuring ? System.nanoTime() : 0;
                        if (measuring && last[0] != 0) {
                            intervals.add(now - last[0]);
                            if (now - last[0] > 20_000_000L && System.getenv("BENCH_DEBUG") != null) {
                                debug.print(new LateFrame(uptimeSeconds(), intervals.size(), now - last[0]));
                            }
                        }
                        if (measuring) {
                            last[0] = now;
                        }
                        if (joinedSeconds[0] < 0 && view.graphView().joiningViews() == 0) {
                            joinedSeconds[0] = (now - shownAt) / 1e9;
                        }
                        if (xorTraining) {
                            if (!chartChosen[0] && now >= measureFrom - CHOOSE_CHART_BEFORE_RUN_NANOS) {
                                // measured with the loss chart live, not XOR's default map of the plane; chosen
                                // before Run, as a teacher would (switching views in the run's first frame counted
                                // the switch as training), and after the lesson has settled (when the trace came,
                                // the panel's own choice of view for a new lesson still overrode this one)
                                chartChosen[0] = view.showLossCurve();
                            }
                            if (now >= measureFrom && !clicked[0]) {
                                // the teacher clicks Run: an input event (the rehearsal waits, as in the app),
                                // and the run starts in that event, after this pulse
                                clicked[0] = true;
                                javafx.event.Event.fireEvent(scene.getRoot(), new javafx.scene.input.MouseEvent(
                                        javafx.scene.input.MouseEvent.MOUSE_MOVED, 0, 0, 0, 0, javafx.scene.input.MouseButton.NONE,
                                        0, false, false, false, false, false, false, false, false, false, false, null));
                                Platform.runLater(() -> {
                                    trainStart[0] = System.nanoTime();
                                    if (iterations != null) {
                                        training.edit(backprop.ui.training.TrainingModel.Setting.ITERATIONS, iterations);
                                    }
                                    training.runIterations(); // the scenario's 50,000 epochs unless --iterations
                                });
                            }
                            if (measuring && Double.isNaN(trainingSeconds[0]) && !training.isRunning()) {
                                trainingSeconds[0] = (System.nanoTime() - trainStart[0]) / 1e9;
                                fps[0] = tracker.getAverageFPS();
                                stop();
                                done.countDown();
                            }
                            return;
                        }
                        if (!model.playingProperty().get()) {
                            model.reset();
                            model.playingProperty().set(true); // loop: replay whenever the iteration ends
                        }
                        if (zoom && measuring) {
                            boolean in = (now - measureFrom) / 1_000_000_000L % 2 == 0;
                            view.graphView().zoomBy(in ? 1.01 : 1 / 1.01);
                        }
                        if (now > end) {
                            stop();
                            fps[0] = tracker.getAverageFPS();
                            model.playingProperty().set(false);
                            done.countDown();
                        }
                    }
                };
                tracker.resetAverageFPS();
                timer.start();
            });
        });
        if (!done.await((long) (seconds + 60), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the benchmark did not finish");
        }
        worker.shutdownNow();
        latex.shutdownNow();
        trainer.shutdownNow();
        Platform.exit();
        debug.drain();
        String report = report(window, graphNodes[0], intervals, work, fps[0]);
        if (xorTraining) {
            report = report.replace("{", String.format(Locale.ROOT, "{\"xorTrainingSeconds\": %.3f, ", trainingSeconds[0]));
        } else { // how long the big graph took to be drawn whole, its views joining a few per frame
            report = report.replace("{", String.format(Locale.ROOT, "{\"allViewsJoinedSeconds\": %s, ",
                    joinedSeconds[0] < 0 ? "\"not yet\"" : String.format(Locale.ROOT, "%.2f", joinedSeconds[0])));
        }
        report = report.replace("{", String.format(Locale.ROOT, "{\"rehearsalSeconds\": %s, ",
                noRehearsal ? "null" : Double.isNaN(rehearsalSeconds[0]) ? "\"not finished\"" : String.format(Locale.ROOT, "%.2f", rehearsalSeconds[0])));
        spec.commandLine().getOut().println(report);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private String report(boolean window, int graphNodes, List<Long> intervals, List<Long> work, double renderedFps) {
        List<Long> w = new ArrayList<>(work);
        Collections.sort(w);
        double total = intervals.stream().mapToLong(Long::longValue).sum() / 1e9;
        long slowIntervals = intervals.stream().filter(i -> i > 20_000_000L).count(); // later than 1.2 frames
        // the longest wait between two frames: a task outside any pulse (a panel built in a runLater)
        // freezes the window without making a pulse slow
        long longest = intervals.stream().mapToLong(Long::longValue).max().orElse(0);
        return String.format(Locale.ROOT,
                "{\"platform\": \"%s\", \"graphNodes\": %d, \"speed\": %.2f, \"pulses\": %d, \"pulsesPerSecond\": %.1f, "
                        + "\"renderedFps\": %.1f, \"lateFrames\": %d, \"longestFrameMs\": %.1f, \"fxWorkMsP50\": %.2f, "
                        + "\"fxWorkMsP99\": %.2f, \"fxWorkMsMax\": %.2f}",
                window ? "window (prism " + System.getProperty("prism.order") + ")" : "monocle headless (prism sw)",
                graphNodes, speed, intervals.size(), intervals.size() / total, renderedFps, slowIntervals, longest / 1e6,
                pct(w, 0.5), pct(w, 0.99), w.isEmpty() ? 0 : w.get(w.size() - 1) / 1e6);
    }

    /** JVM uptime, as -Xlog prints it: debug lines line up with GC and JIT logs. */
    private static double uptimeSeconds() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
    }

    /** Wall-clock time of day (UTC), as JFR prints event start times. */
    private static String wallClock() {
        return java.time.LocalTime.now(java.time.ZoneOffset.UTC).toString();
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }
}

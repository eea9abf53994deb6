package backprop.ui;

import backprop.ui.model.LessonModel;
import backprop.ui.training.TrainingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * A short lesson played off-screen after start-up, while the teacher looks at the first graph: a
 * generated graph of about 60 nodes stepped forward and back, then XOR trained with the chart live.
 * It runs the code a real lesson runs (views, CSS, layout, animation, trainer, chart), so by the time
 * the class opens a big graph or starts training, that code is loaded and compiled by the JIT: a cold
 * JVM spends 70–170 ms in the first pulse of a new 200-node graph, a rehearsed one a fraction of it
 * (docs/benchmarks.md). Every action is small and takes one frame; nothing is shown or kept.
 */
public final class Rehearsal {
    /** Frames between the steps of the script; the views of a stepped graph animate in between. */
    private static final int FRAMES_PER_STEP = 2;
    /** Actions between two CSS and layout passes of the hidden window. */
    private static final int CSS_EVERY = 5;
    /** Steps forward one by one (each starts the views' animations), then to the end, then some back. */
    private static final int STEPS_FORWARD = 30;
    private static final int STEPS_BACK = 8;
    /**
     * Long enough for the JIT to compile the trainer's per-pass code at C2 (the app's JVM asks for
     * 25,000 calls: AppJvmLauncher) and for the chart's run to thin its kept weights (XOR: after
     * ~97,500 passes), so a class's first run finds that code compiled, with those branches in it: after
     * 20,000 passes the first real run began with ~0.4 s of C2 compiles and late frames.
     */
    private static final int TRAINING_PASSES = 120_000;
    /**
     * Then a second, shorter run on a new curve: a new run's first passes take branches (set-up, the
     * chart's first points) that code compiled during a run has never seen. Met here, off-screen, they
     * send that code back to the interpreter once, and the JIT compiles it again with them in.
     */
    private static final int SECOND_RUN_PASSES = 30_000;

    private final LessonModel model;
    private final TrainingModel training;
    private final MainView view;
    private final Scene scene;
    private final List<Runnable> script = new ArrayList<>();
    private final Runnable done;
    private final long startedAt = System.nanoTime();
    private int frame;
    private int chartSnapshots;
    /** How many times the last rehearsal to finish drew its chart (tests: it must draw, not just train). */
    static volatile int chartSnapshotsOfLast;

    /** While the class is watching something move, the rehearsal waits: it must never cost them a frame. */
    private final java.util.function.BooleanSupplier busy;

    private Rehearsal(Executor worker, Executor trainer, Executor texRenderer, java.util.function.BooleanSupplier busy,
                      Runnable done) {
        this.done = done;
        this.busy = busy;
        model = new LessonModel(worker, App.FX_THREAD);
        training = new TrainingModel(model, trainer, App.FX_THREAD);
        view = new MainView(model, training, texRenderer);
        scene = App.createScene(view, 1280, 800);
        model.speedProperty().set(4);
        // training last: the code the JIT compiles for it has then seen every op of the graph too
        // (compiled while only sigmoid had come by, the first real run sent it back to the interpreter)
        model.runProgram(program(60));
    }

    /**
     * What keeps the rehearsal waiting, besides the teacher's own input: a graph playing, a lesson or an
     * edit on its way (its trace still being recorded, its views still joining), a run training.
     */
    public static java.util.function.BooleanSupplier busy(LessonModel model, backprop.ui.graph.GraphView graph,
                                                          java.util.function.BooleanSupplier training) {
        return () -> model.playingProperty().get() || model.isLoading() || graph.joiningViews() != 0
                || training.getAsBoolean();
    }

    /** How long after the teacher's last key or mouse event the rehearsal keeps waiting. */
    static final long INPUT_QUIET_NANOS = 1_000_000_000L;

    /**
     * {@code busy}, or the teacher used mouse or keys in {@code scene} within the last second (a click
     * on Run or Play is answered at once, never after a rehearsal step that happened to come first).
     * Installs the event filter that keeps the time.
     */
    public static java.util.function.BooleanSupplier busyOrRecentInput(javafx.scene.Scene scene,
                                                                       java.util.function.BooleanSupplier busy) {
        long[] lastInput = {System.nanoTime() - INPUT_QUIET_NANOS};
        scene.addEventFilter(javafx.scene.input.InputEvent.ANY, e -> lastInput[0] = System.nanoTime());
        return () -> busy.getAsBoolean() || System.nanoTime() - lastInput[0] < INPUT_QUIET_NANOS;
    }

    /**
     * Starts the rehearsal on the FX thread once {@code delaySeconds} have passed and {@code busy} has
     * been false for {@link #QUIET_NANOS}; it pauses whenever {@code busy} turns true. {@code done}
     * gets the seconds it took (from its start) on the FX thread.
     *
     * @return whether it has started
     */
    public static java.util.function.BooleanSupplier start(Executor worker, Executor trainer, Executor texRenderer,
                                                           double delaySeconds, java.util.function.BooleanSupplier busy,
                                                           java.util.function.DoubleConsumer done) {
        long from = System.nanoTime() + (long) (delaySeconds * 1e9);
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        QuietClock quiet = new QuietClock(QUIET_NANOS);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!quiet.quietAt(now, busy.getAsBoolean()) || now < from) {
                    return;
                }
                stop();
                started.set(true);
                Rehearsal[] r = new Rehearsal[1];
                r[0] = new Rehearsal(worker, trainer, texRenderer, busy,
                        () -> done.accept((System.nanoTime() - r[0].startedAt) / 1e9));
                r[0].play();
            }
        }.start();
        return started::get;
    }

    /**
     * How long nothing must have been busy before the rehearsal starts: setting it up (a hidden window,
     * XOR's training panel) takes the FX thread for 50-120 ms at once, and a single quiet frame was
     * often the moment between one graph's last step and the next graph's loading.
     */
    static final long QUIET_NANOS = 500_000_000L;

    /** Whether the app has been idle for a while; anything busy starts the wait again. */
    static final class QuietClock {
        private final long needed;
        private long quietSince = -1;

        QuietClock(long neededNanos) {
            this.needed = neededNanos;
        }

        /** A clock that has been quiet since {@code since} (nanoTime). */
        QuietClock(long neededNanos, long since) {
            this.needed = neededNanos;
            this.quietSince = since;
        }

        /** @return whether {@code now} ends a quiet time of at least the needed length */
        boolean quietAt(long now, boolean busy) {
            if (busy) {
                quietSince = -1;
                return false;
            }
            if (quietSince < 0) {
                quietSince = now;
            }
            return now - quietSince >= needed;
        }
    }

    private enum Phase { GRAPH, XOR_LOADING, TRAINING }

    private void play() {
        new AnimationTimer() {
            private Phase phase = Phase.GRAPH;
            private int stepped;
            private boolean secondRun;
            /**
             * Once something made it wait, it goes on only after the same quiet time as at its start: the
             * end of a run or of a lesson's playing updates the window, and a rehearsal step in that
             * same pulse made it a slow one. (Quiet from the start: starting waited for it.)
             */
            private final QuietClock resume = new QuietClock(QUIET_NANOS, System.nanoTime() - QUIET_NANOS);

            @Override
            public void handle(long now) {
                if (phase == Phase.TRAINING && busy.getAsBoolean()) {
                    training.pause(); // the class's own run must not queue behind this one
                }
                if (phase != Phase.TRAINING && !resume.quietAt(now, busy.getAsBoolean())) {
                    return;
                }
                frame++;
                if (frame % FRAMES_PER_STEP == 0) {
                    act();
                    // CSS and layout now and then: a call restyles the whole hidden window (10-20 ms), and the
                    // point is to run that code, not to keep the hidden window up to date
                    if (phase != null && frame % (FRAMES_PER_STEP * CSS_EVERY) == 0) {
                        pulse();
                        if (phase == Phase.TRAINING && training.isRunning() && !busy.getAsBoolean()) {
                            snapshotChart(); // a snapshot takes the FX thread for a few ms
                        }
                    }
                }
            }

            private void act() {
                boolean ready = model.lesson() != null && model.trace() != null && model.scene() != null
                        && model.trace().graph() == model.lesson().graph();
                switch (phase) {
                    case XOR_LOADING -> {
                        if (ready && model.lesson().id().equals("xor")) {
                            training.edit(TrainingModel.Setting.ITERATIONS, TRAINING_PASSES);
                            training.runIterations();
                            phase = Phase.TRAINING;
                        }
                    }
                    case TRAINING -> {
                        if (training.isRunning()) {
                            // the chart, not XOR's map of the plane (which the panel shows first, once built)
                            view.showLossCurve();
                            return;
                        }
                        if (secondRun || busy.getAsBoolean()) {
                            stop();
                            phase = null;
                            chartSnapshotsOfLast = chartSnapshots;
                            done.run();
                        } else {
                            secondRun = true;
                            training.clearRuns();
                            training.edit(TrainingModel.Setting.ITERATIONS, SECOND_RUN_PASSES);
                            training.runIterations();
                        }
                    }
                    case GRAPH -> {
                        if (!ready) {
                            return; // still recording and laying out on the worker
                        }
                        if (stepped < STEPS_FORWARD) {
                            model.stepForward();
                        } else if (stepped == STEPS_FORWARD) {
                            model.toEnd();
                        } else if (stepped <= STEPS_FORWARD + STEPS_BACK) {
                            model.stepBack();
                        } else {
                            model.load("xor");
                            phase = Phase.XOR_LOADING;
                        }
                        stepped++;
                    }
                }
            }
        }.start();
    }

    /**
     * The renderer draws what a window shows; this one shows nothing, so a snapshot of its chart
     * now and then runs the renderer's canvas code while the curve grows: the class's first run
     * had its first frames late while that code was compiled (docs/benchmarks.md).
     */
    private void snapshotChart() {
        javafx.scene.Node chart = scene.lookup("#lossChart");
        if (chart != null && chart.isVisible() && chart.getLayoutBounds().getWidth() > 0) {
            chart.snapshot(null, null);
            chartSnapshots++;
        }
    }

    /** What a pulse does for a scene in a window; this scene has none. */
    private void pulse() {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
    }

    /** A program with inputs and a few layers of mixed ops: {@code nodes} nodes in all, roughly. */
    public static String program(int nodes) {
        StringBuilder p = new StringBuilder();
        int width = Math.max(4, (int) Math.round(Math.sqrt(nodes / 2.0)));
        List<String> prev = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            p.append("x").append(i).append(" = ").append(0.1 * (i + 1)).append('\n');
            prev.add("x" + i);
        }
        int made = width;
        int layer = 0;
        String[] ops = {"+", "*", "-"};
        while (made < nodes - 2) {
            List<String> next = new ArrayList<>();
            for (int i = 0; i < width && made < nodes - 2; i++) {
                String name = "n" + layer + "_" + i;
                String a = prev.get(i);
                String b = prev.get((i + 1) % prev.size());
                String expr = layer % 2 == 0 ? a + " " + ops[i % 3] + " " + b : "tanh(" + a + " " + ops[i % 3] + " " + b + ")";
                p.append(name).append(" = ").append(expr).append('\n');
                made += layer % 2 == 0 ? 1 : 2;
                next.add(name);
            }
            prev = next;
            layer++;
        }
        p.append("out = ").append(String.join(" + ", prev)).append('\n');
        return p.toString();
    }
}

package backprop.ui;

import backprop.ui.fx.DaemonThreads;
import backprop.ui.model.LessonModel;
import backprop.ui.training.TrainingModel;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop app: one window, the apple graph first. */
public final class App extends Application {
    public static final String STYLESHEET = "/backprop/ui/style/app.css";
    /**
     * AtlantaFX's Primer Light theme, pre-parsed (faster start-up than CSS), copied into our resources:
     * see style/atlantafx/NOTICE.txt for why and for its licence.
     */
    static final String THEME = "/backprop/ui/style/atlantafx/primer-light.bss";
    /** After the first frames, not competing with them for the two cores of a classroom laptop. */
    static final double REHEARSAL_DELAY_SECONDS = 1;
    /**
     * The FX thread as the models' executor: one object for the app's models and the rehearsal's. The
     * JIT compiles the trainer's per-pass code for the class it has seen there; a method reference
     * written in two places is two classes, and the rehearsal's compiled code was thrown away at the
     * class's first run.
     */
    public static final java.util.concurrent.Executor FX_THREAD = Platform::runLater;

    private final ExecutorService worker = DaemonThreads.single("engine");
    private final ExecutorService texRenderer = DaemonThreads.single("latex");
    /** Its own thread, so a long run never holds up recording a trace for the graph. */
    private final ExecutorService trainer = DaemonThreads.single("trainer");

    public static void launchApp(String[] args) {
        Application.launch(App.class, args);
    }

    /**
     * ELK loads and registers its algorithms on first use (~300 classes of its model library that the
     * class-data-sharing archive cannot hold, then a cold first layout). The first lesson's layout is
     * stored ({@link backprop.ui.layout.PrecomputedLayouts}), so this waits until after the first frames
     * and readies ELK for a typed formula.
     */
    private static void warmUpLayout() {
        Thread t = new Thread(() -> backprop.ui.layout.LayeredLayout.layout(
                java.util.List.of(new backprop.ui.layout.LayoutNode("a", 10, 10), new backprop.ui.layout.LayoutNode("b", 10, 10)),
                java.util.List.of(new backprop.ui.layout.LayoutEdge("e", "a", "b", 5, 5))), "layout-warm-up");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void start(Stage stage) {
        LessonModel model = new LessonModel(worker, FX_THREAD);
        model.load("apple"); // recorded and laid out on the worker while the window is built
        TrainingModel[] made = {null};
        MainView view = new MainView(model, () -> made[0] = new TrainingModel(model, trainer, FX_THREAD), texRenderer);
        Scene scene = createScene(view, 1280, 800);
        reportFailuresIn(view);
        stage.setTitle("Backprop Visualizer");
        stage.setScene(scene);
        stage.setMinWidth(1024);
        stage.setMinHeight(700);
        stage.show();
        view.graphView().requestFocus();
        // after the first frames, not competing with them for the two cores of a classroom laptop
        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
        later.setOnFinished(e -> {
            texRenderer.execute(backprop.ui.chain.TexRenderer::warmUp);
            warmUpLayout();
        });
        later.play();
        // the rehearsal waits while a graph plays or loads, a run trains, or the teacher has just used mouse or keys
        java.util.function.BooleanSupplier busy = Rehearsal.busy(model, view.graphView(),
                () -> made[0] != null && made[0].isRunning());
        Rehearsal.start(worker, trainer, texRenderer, REHEARSAL_DELAY_SECONDS,
                Rehearsal.busyOrRecentInput(scene, busy), seconds -> { });
        if (System.getProperty("backprop.startupProbe") != null) {
            probeFirstFrame(model);
        }
    }

    /**
     * What the FX thread's code throws where JavaFX catches it and goes on (a listener, an event handler:
     * a bug) is said in the window and logged with its stack, not only printed where no teacher looks.
     */
    static void reportFailuresIn(MainView view) {
        Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> {
            System.err.println("internal error (please report it):");
            failure.printStackTrace();
            view.showInternalError(failure);
        });
    }

    /**
     * Start-up benchmark (tools/bench-startup.sh): prints the time from the launch to the first frame
     * that shows the apple graph, then quits.
     */
    private static void probeFirstFrame(LessonModel model) {
        new javafx.animation.AnimationTimer() {
            private boolean drawn;

            @Override
            public void handle(long now) {
                if (drawn) { // the pulse after the one that laid the graph out: that frame is on screen
                    // the launcher's clock when given (tools/bench-startup.sh); else the JVM's own start time.
                    // ProcessHandle's start instant is not used: on Linux it is only accurate to about a second.
                    String launched = System.getProperty("backprop.launchedAt");
                    long start = launched != null ? Long.parseLong(launched)
                            : java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("{\"firstFrameMs\": " + (System.currentTimeMillis() - start) + "}");
                    stop();
                    Platform.exit();
                }
                drawn = model.moment() != null && model.scene() != null;
            }
        }.start();
    }

    /** The scene with the app's theme and stylesheet (also used for snapshots and tests). */
    public static Scene createScene(javafx.scene.Parent root, double width, double height) {
        applyTheme();
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(stylesheet());
        return scene;
    }

    /** The AtlantaFX theme for every scene of the toolkit. */
    public static void applyTheme() {
        Application.setUserAgentStylesheet(resource(THEME));
    }

    public static String stylesheet() {
        return resource(STYLESHEET);
    }

    private static String resource(String path) {
        return Objects.requireNonNull(App.class.getResource(path), path).toExternalForm();
    }

    @Override
    public void stop() {
        worker.shutdownNow();
        texRenderer.shutdownNow();
        trainer.shutdownNow();
    }
}

package backprop.ui;

import backprop.ui.chain.TexRenderer;
import backprop.ui.model.LessonModel;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop app: one window, the apple graph first. */
public final class App extends Application {
    public static final String STYLESHEET = "/backprop/ui/style/app.css";
    /**
     * AtlantaFX's Primer Light theme, used as a stylesheet resource: atlantafx-base 2.1.0's classes are
     * compiled for Java 21, but its CSS works on any JavaFX 21 runtime.
     */
    static final String THEME = "/atlantafx/base/theme/primer-light.css";

    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("engine"));
    private final ExecutorService texRenderer = Executors.newSingleThreadExecutor(daemon("latex"));

    public static void launchApp(String[] args) {
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        texRenderer.execute(TexRenderer::warmUp); // jlatexmath loads its fonts on first use (~0.8 s)
        LessonModel model = new LessonModel(worker, Platform::runLater);
        MainView view = new MainView(model, texRenderer);
        Scene scene = createScene(view, 1280, 800);
        stage.setTitle("Backprop Visualizer");
        stage.setScene(scene);
        stage.setMinWidth(1024);
        stage.setMinHeight(700);
        stage.show();
        model.load("apple");
        view.graphView().requestFocus();
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
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}

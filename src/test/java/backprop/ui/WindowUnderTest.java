package backprop.ui;

import backprop.ui.model.LessonModel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The main window on a TestFX stage, wired as the app wires it: a worker thread and a LaTeX thread. */
final class WindowUnderTest {
    final LessonModel model;
    final MainView view;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final ExecutorService latex = Executors.newSingleThreadExecutor();

    private WindowUnderTest(Stage stage, String lesson) {
        model = new LessonModel(worker, Platform::runLater);
        view = new MainView(model, latex);
        stage.setScene(App.createScene(view, 1280, 800));
        stage.show();
        model.load(lesson);
    }

    /** Shows the window on {@code stage} with a built-in scenario loading. */
    static WindowUnderTest show(Stage stage, String lesson) {
        return new WindowUnderTest(stage, lesson);
    }

    void close() {
        worker.shutdownNow();
        latex.shutdownNow();
    }
}

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
    private final ExecutorService trainer = Executors.newSingleThreadExecutor();

    private WindowUnderTest(Stage stage, String lesson, boolean training) {
        model = new LessonModel(worker, Platform::runLater);
        view = training
                ? new MainView(model, () -> new backprop.ui.training.TrainingModel(model, trainer, Platform::runLater), latex)
                : new MainView(model, latex);
        stage.setScene(App.createScene(view, 1280, 800));
        stage.sizeToScene(); // TestFX shares one stage: a size another test gave it must not carry over
        stage.show();
        model.load(lesson);
    }

    /** Shows the window on {@code stage} with a built-in scenario loading. */
    static WindowUnderTest show(Stage stage, String lesson) {
        return new WindowUnderTest(stage, lesson, false);
    }

    /** The same with the training workspace, as the app has it. */
    static WindowUnderTest showWithTraining(Stage stage, String lesson) {
        return new WindowUnderTest(stage, lesson, true);
    }

    void close() {
        worker.shutdownNow();
        latex.shutdownNow();
        trainer.shutdownNow();
    }

    /** As a user scrolls the sidebar's inspector to a control below its fold. */
    static void scrollIntoView(javafx.scene.Node n) {
        for (javafx.scene.Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane pane) {
                javafx.geometry.Bounds inContent = pane.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                double room = pane.getContent().getLayoutBounds().getHeight() - pane.getViewportBounds().getHeight();
                if (room > 0) {
                    pane.setVvalue(Math.min(1, Math.max(0, (inContent.getMaxY() - pane.getViewportBounds().getHeight() + 8) / room)));
                }
                pane.layout();
                return;
            }
        }
    }
}

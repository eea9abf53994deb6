package backprop.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Graph;
import backprop.engine.Tensor;
import backprop.ui.App;
import backprop.ui.model.LessonModel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The heat map of logistic regression's output, computed off the FX thread, against σ(x·w + b) by hand. */
@ExtendWith(ApplicationExtension.class)
class DecisionBoundaryViewTest {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private LessonModel lesson;
    private DecisionBoundaryView view;
    /** Stands for the training panel's view switch, which hides the map's parent when the loss chart is chosen. */
    private javafx.scene.layout.StackPane holder;

    @Start
    void start(Stage stage) {
        lesson = new LessonModel(worker, Platform::runLater);
        view = new DecisionBoundaryView(lesson);
        holder = new javafx.scene.layout.StackPane(view);
        stage.setScene(App.createScene(new javafx.scene.layout.StackPane(holder), 400, 300));
        stage.show();
        lesson.load("logistic");
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    /** Whether the painted grid is σ(x·w + b) at every 9th row and 7th column, computed here by hand. */
    private boolean showsSigmoidOf(double w0, double w1, double b) {
        double[] box = view.shownBox();
        Tensor grid = view.shownGrid();
        if (grid == null) {
            return false;
        }
        int n = DecisionBoundaryView.GRID;
        for (int r = 0; r < n; r += 9) {
            for (int c = 0; c < n; c += 7) {
                double x0 = box[0] + (box[1] - box[0]) * (c + 0.5) / n;
                double x1 = box[2] + (box[3] - box[2]) * (r + 0.5) / n;
                double expected = 1 / (1 + Math.exp(-(x0 * w0 + x1 * w1 + b)));
                if (Math.abs(grid.at(r * n + c) - expected) > 1e-12) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void theHeatMapIsTheModelsOutputAndFollowsAnEdit(FxRobot robot) {
        backprop.ui.FxWait.until(() -> view.paintsProperty().get() >= 1);
        assertThat(showsSigmoidOf(0.1, -0.1, 0)).isTrue();
        assertThat(showsSigmoidOf(0.1, -0.1, 0.5)).as("the check can fail").isFalse();

        Graph g = lesson.lesson().graph();
        int w = g.byName("w").orElseThrow().id();
        robot.interact(() -> lesson.commit(lesson.latestState().withValue(w, Tensor.column(2, 1.5))));
        backprop.ui.FxWait.until(() -> showsSigmoidOf(2, 1.5, 0));
        assertThat(showsSigmoidOf(0.1, -0.1, 0)).isFalse();
    }

    @Test
    void aHiddenMapMakesNoGridPassAndShowsTheLatestStateWhenShown(FxRobot robot) throws Exception {
        backprop.ui.FxWait.until(() -> view.paintsProperty().get() >= 1);
        robot.interact(() -> holder.setVisible(false)); // the loss chart is chosen
        int paints = view.paintsProperty().get();
        Graph g = lesson.lesson().graph();
        int w = g.byName("w").orElseThrow().id();
        robot.interact(() -> lesson.commit(lesson.latestState().withValue(w, Tensor.column(2, 1.5))));
        robot.interact(() -> lesson.commit(lesson.latestState().withValue(w, Tensor.column(-1, 0.5))));
        Thread.sleep(300); // a grid pass takes a few ms: it would have painted by now
        robot.interact(() -> { });
        assertThat(view.paintsProperty().get()).isEqualTo(paints);
        assertThat(showsSigmoidOf(0.1, -0.1, 0)).as("still the map of before the edits").isTrue();

        robot.interact(() -> holder.setVisible(true));
        backprop.ui.FxWait.until(() -> showsSigmoidOf(-1, 0.5, 0));
        assertThat(view.paintsProperty().get()).isEqualTo(paints + 1);
    }
}

package backprop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.ui.graph.GraphScene;
import backprop.ui.graph.ViewMode;
import backprop.ui.model.LessonModel;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.text.Text;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Every step of every built-in lesson (or of typed formulas) in each of its views, in a window under test, checked as it goes. */
final class StepSweep {
    private StepSweep() {
    }

    /**
     * Shows each step, asserting at each that the graph-edge arrows cover no box (and, with
     * {@code numbersToo}, no number on an edge); returns what threw on the FX thread on the way (JavaFX
     * catches it and goes on; the app shows #internalError).
     */
    static List<Throwable> everyStepOfEveryLesson(FxRobot robot, LessonModel model, boolean numbersToo) throws Exception {
        List<Runnable> lessons = new ArrayList<>();
        for (String id : backprop.scenarios.Scenarios.ids()) {
            lessons.add(() -> model.load(id));
        }
        return everyStepOf(robot, model, numbersToo, lessons);
    }

    /** The same for formulas typed in the box (each drawn as the box's Ctrl+Enter draws it). */
    static List<Throwable> everyStepOfPrograms(FxRobot robot, LessonModel model, boolean numbersToo, List<String> programs)
            throws Exception {
        List<Runnable> lessons = new ArrayList<>();
        for (String program : programs) {
            lessons.add(() -> model.runProgram(program));
        }
        return everyStepOf(robot, model, numbersToo, lessons);
    }

    private static List<Throwable> everyStepOf(FxRobot robot, LessonModel model, boolean numbersToo, List<Runnable> lessons)
            throws Exception {
        Thread.UncaughtExceptionHandler before = backprop.ui.fx.HeadlessFx.onFxThread(() -> Thread.currentThread().getUncaughtExceptionHandler());
        List<Throwable> failures = backprop.ui.fx.HeadlessFx.collectFailures(); // as the snapshot command does
        try {
            for (Runnable load : lessons) {
                backprop.ui.model.Lesson was = model.lesson();
                robot.interact(load);
                FxWait.until(() -> model.lesson() != was && !model.isLoading() && model.scene() != null);
                assertThat(model.formulaErrorProperty().get()).as(model.lesson().title()).isEmpty();
                String id = model.lesson().id() + (model.lesson().program() != null ? " " + model.lesson().program() : "");
                ViewMode[] modes = GraphScene.hasUnits(model.scene().graph()) ? ViewMode.values()
                        : new ViewMode[] {model.viewModeProperty().get()};
                for (ViewMode mode : modes) {
                    robot.interact(() -> model.viewModeProperty().set(mode));
                    FxWait.until(() -> model.scene() != null && model.scene().mode() == mode);
                    for (int step = 0; step <= model.trace().size(); step++) {
                        int at = step;
                        robot.interact(() -> model.cursorProperty().set(at));
                        WaitForAsyncUtils.waitForFxEvents();
                        assertArrowsClearOfBoxes(robot, id + " " + mode + " step " + at, numbersToo);
                    }
                }
            }
        } finally {
            robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(before));
        }
        return failures;
    }

    /**
     * An arrow sits where it covers none of the graph's boxes and, with {@code numbersToo}, no number
     * written on an edge.
     */
    static void assertArrowsClearOfBoxes(FxRobot robot, String where, boolean numbersToo) {
        List<Node> covered = new ArrayList<>(robot.lookup(".graph-node").queryAll());
        for (Node label : numbersToo ? robot.lookup(".edge-label").queryAll() : List.<Node>of()) {
            for (Node t : ((Parent) label).getChildrenUnmodifiable()) {
                if (t instanceof Text text && !text.getText().isEmpty() && label.isVisible()) {
                    covered.add(text);
                }
            }
        }
        for (Node arrow : robot.lookup(".more-arrow").queryAll()) {
            if (!arrow.isVisible()) {
                continue;
            }
            Bounds a = arrow.localToScene(arrow.getBoundsInLocal());
            for (Node n : covered) {
                Bounds b = n.localToScene(n.getBoundsInLocal());
                // touching a border's antialiased pixel is not covering: at most 2 px deep
                double overlapX = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
                double overlapY = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
                assertThat(overlapX > 2 && overlapY > 2).as("%s: %s %s over %s %s", where, arrow.getId(), a, b,
                        n.getId() != null ? n.getId() : ((Text) n).getText()).isFalse();
            }
        }
    }
}

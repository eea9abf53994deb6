package backprop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Graph;
import backprop.ui.model.LessonModel;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Typing a weight into the graph: the forward pass follows, bad input is explained, undo is exact. */
@ExtendWith(ApplicationExtension.class)
class ValueEditingTest {
    private WindowUnderTest window;
    private LessonModel model;
    private MainView view;

    @Start
    void start(Stage stage) {
        window = WindowUnderTest.show(stage, "seed-221");
        model = window.model;
        view = window.view;
        model.viewModeProperty().set(backprop.ui.graph.ViewMode.OPERATIONS); // the weights as boxes, to type into
    }

    @AfterEach
    void stop() {
        window.close();
    }

    private static void waitFor(BooleanSupplier condition) {
        backprop.ui.FxWait.until(condition);
    }

    /** Seed 000's forward pass written out by hand, independent of the engine. */
    private static double y5(double w13, double w23, double w14, double w24, double w35, double w45) {
        double x1 = 0.35;
        double x2 = 0.9;
        double y3 = 1 / (1 + Math.exp(-(w13 * x1 + w23 * x2)));
        double y4 = 1 / (1 + Math.exp(-(w14 * x1 + w24 * x2)));
        return 1 / (1 + Math.exp(-(w35 * y3 + w45 * y4)));
    }

    private double w13() {
        Graph g = model.lesson().graph();
        return model.stateProperty().get().value(g.byName("w13").orElseThrow().id()).scalar();
    }

    private double outputValue() {
        Graph g = model.lesson().graph();
        return model.moment().frame().value(g.byName("y5").orElseThrow().id()).scalar();
    }

    private void showForwardPass(FxRobot robot) {
        waitFor(() -> model.moment() != null && robot.lookup("#node-w13 .node-value").tryQuery().isPresent());
        robot.interact(model::toForwardEnd); // the view follows the step to the loss, at the far right
        robot.interact(() -> {
            // back to w13, zoomed in so the weight is big enough to click
            view.graphView().fit();
            javafx.scene.Node w13 = robot.lookup("#node-w13").query();
            javafx.geometry.Bounds b = view.graphView().sceneToLocal(w13.localToScene(w13.getBoundsInLocal()));
            view.graphView().zoomBy(2.5, b.getCenterX(), b.getCenterY());
        });
    }

    private void typeWeight(FxRobot robot, String text) {
        robot.clickOn("#node-w13 .node-value");
        waitFor(() -> robot.lookup("#editor-w13").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#editor-w13").queryAs(javafx.scene.control.TextField.class).setText(text));
        robot.clickOn("#editor-w13").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typingAWeightRerunsTheForwardPass(FxRobot robot) {
        showForwardPass(robot);
        assertThat(outputValue()).isEqualTo(0.6902834929076443);
        typeWeight(robot, "0.5");
        waitFor(() -> w13() == 0.5);
        assertThat(outputValue()).isCloseTo(y5(0.5, 0.8, 0.4, 0.6, 0.3, 0.9), org.assertj.core.api.Assertions.within(1e-15));
        assertThat(robot.lookup("#node-w13 .node-value").queryAs(javafx.scene.text.Text.class).getText()).isEqualTo("0.5");
    }

    @Test
    void typingTextShowsTheErrorAndKeepsTheWeight(FxRobot robot) {
        showForwardPass(robot);
        typeWeight(robot, "abc");
        assertThat(robot.lookup("#editError").queryAs(Label.class).getText()).isEqualTo("'abc' is not a number");
        assertThat(robot.lookup("#editError").queryAs(Label.class).isVisible()).isTrue();
        assertThat(w13()).isEqualTo(0.1);
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#editor-w13").tryQuery()).isEmpty();
        assertThat(w13()).isEqualTo(0.1);
    }

    @Test
    void undoRestoresTheExactValueAndRedoTheEdit(FxRobot robot) {
        showForwardPass(robot);
        typeWeight(robot, "-2.75");
        waitFor(() -> w13() == -2.75);
        robot.interact(() -> view.graphView().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(() -> w13() == 0.1);
        assertThat(outputValue()).isEqualTo(0.6902834929076443);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> w13() == -2.75);
    }

    @Test
    void aDragIsOneUndoEntry(FxRobot robot) {
        showForwardPass(robot);
        // drag w13's value 40 px to the right in small moves: several nudges of one gesture
        robot.moveTo("#node-w13 .node-value").press(javafx.scene.input.MouseButton.PRIMARY);
        for (int i = 0; i < 5; i++) {
            robot.moveBy(8, 0);
        }
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(w13()).as("the drag moved w13 by more than one nudge").isGreaterThan(0.1 + 0.01);
        robot.interact(() -> view.graphView().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(() -> w13() == 0.1);
        assertThat(model.canUndoProperty().get()).as("the whole drag was one entry").isFalse();
    }

    @Test
    void theInspectorEditsAWeightOfTheNeuronView(FxRobot robot) {
        showForwardPass(robot);
        robot.interact(() -> model.selectedNodeProperty().set(model.lesson().graph().byName("w35").orElseThrow().id()));
        robot.interact(() -> robot.lookup("#inspectorValueField").queryAs(javafx.scene.control.TextField.class).setText("NaN"));
        robot.clickOn("#inspectorValueField").type(KeyCode.ENTER);
        assertThat(robot.lookup("#inspectorError").queryAs(Label.class).getText()).startsWith("w35 cannot be NaN");
        robot.interact(() -> robot.lookup("#inspectorValueField").queryAs(javafx.scene.control.TextField.class).setText("1.25"));
        robot.clickOn("#inspectorValueField").type(KeyCode.ENTER);
        waitFor(() -> model.stateProperty().get().value(model.lesson().graph().byName("w35").orElseThrow().id()).scalar() == 1.25);
        assertThat(outputValue()).isCloseTo(y5(0.1, 0.8, 0.4, 0.6, 1.25, 0.9), org.assertj.core.api.Assertions.within(1e-15));
    }
}

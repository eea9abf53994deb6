package backprop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backprop.engine.Tensor;
import backprop.ui.model.LessonModel;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The inspector's heat maps of a matrix too big for cells (seed 002's W1 is 10×20, W2 20×2): pointing at
 * an element reads it and its gradient, clicking an input's or weight's element lets it be typed, and
 * scrolling over it nudges it. Seed 002's numbers by hand: every weight 0.1 and x = (0.1, …, 1.0), so each
 * h_j = 0.1 · 5.5 = 0.55, both scores 20 · 0.55 · 0.1 = 1.1, softmax (½, ½), ∂L/∂scores = y − t = (−½, ½)
 * and ∂L/∂W2[i,j] = 0.55 · (∓½) = ∓0.275.
 */
@ExtendWith(ApplicationExtension.class)
class InspectorMapTest {
    private WindowUnderTest window;
    private LessonModel model;

    @Start
    void start(Stage stage) {
        window = WindowUnderTest.show(stage, "softmax-ce");
        model = window.model;
    }

    @AfterEach
    void stop() {
        window.close();
    }

    private int id(String name) {
        return model.lesson().graph().byName(name).orElseThrow().id();
    }

    private Tensor valueOf(String name) {
        return model.stateProperty().get().value(id(name));
    }

    private void select(FxRobot robot, String name) {
        FxWait.until(() -> model.moment() != null && model.moment().trace().graph() == model.lesson().graph());
        robot.interact(() -> model.selectedNodeProperty().set(id(name)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> WindowUnderTest.scrollIntoView(robot.lookup("#inspectorValueMap").query())); // the maps in sight
    }

    /** Moves the pointer to the middle of element (r, c), counted from 1, of a {@code rows}×{@code cols} map. */
    private static void pointAt(FxRobot robot, String map, int rows, int cols, int r, int c) {
        ImageView view = robot.lookup(map).queryAs(ImageView.class);
        Point2D p = view.localToScreen((c - 0.5) * view.getFitWidth() / cols, (r - 0.5) * view.getFitHeight() / rows);
        robot.moveTo(p);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Moves the pointer just left of the value map. */
    private static void pointBeside(FxRobot robot) {
        ImageView view = robot.lookup("#inspectorValueMap").queryAs(ImageView.class);
        robot.moveTo(view.localToScreen(-4, view.getFitHeight() / 2));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String readout(FxRobot robot) {
        return robot.lookup("#inspectorMapReadout").queryAs(Label.class).getText();
    }

    /** Drawn: it and every parent visible, in a scene. */
    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    /** Wholly inside the viewport of the scroll pane around it. */
    private static boolean inSight(javafx.scene.Node n) {
        for (javafx.scene.Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane pane) {
                javafx.geometry.Bounds viewport = pane.lookup(".viewport").localToScene(pane.lookup(".viewport").getLayoutBounds());
                javafx.geometry.Bounds it = n.localToScene(n.getLayoutBounds());
                return it.getMinY() >= viewport.getMinY() - 0.5 && it.getMaxY() <= viewport.getMaxY() + 0.5;
            }
        }
        return true;
    }

    private static TextField field(FxRobot robot) {
        return robot.lookup("#inspectorValueField").queryAs(TextField.class);
    }

    @Test
    void anElementPointedAtIsReadAndOneClickedIsTyped(FxRobot robot) {
        select(robot, "W1");
        assertThat(readout(robot)).isEqualTo("Point to read an element,\nclick to type its value");
        assertThat(shown(field(robot))).isTrue(); // where it will be, so the maps do not move
        assertThat(field(robot).isDisabled()).isTrue();
        pointAt(robot, "#inspectorValueMap", 10, 20, 3, 5);
        assertThat(readout(robot)).startsWith("W1[3,5] = 0.1\n∂L/∂W1[3,5] = not yet computed");
        pointBeside(robot); // off the map, nothing chosen: what the maps are for
        assertThat(readout(robot)).startsWith("Point to read an element");
        pointAt(robot, "#inspectorValueMap", 10, 20, 3, 5);
        robot.clickOn(MouseButton.PRIMARY);
        FxWait.until(() -> !field(robot).isDisabled() && field(robot).isFocused());
        assertThat(robot.lookup("#inspectorValueLabel").queryAs(Label.class).getText()).isEqualTo("W1[3,5] =");
        assertThat(field(robot).getText()).isEqualTo("0.1");
        assertThat(field(robot).getSelectedText()).isEqualTo("0.1"); // typing replaces it
        assertThat(inSight(field(robot))).as("the field under the maps scrolled into the sidebar's sight").isTrue();
        robot.write("0.5").type(KeyCode.ENTER);
        FxWait.until(() -> valueOf("W1").get(2, 4) == 0.5);
        Tensor w1 = valueOf("W1");
        for (int k = 0; k < w1.size(); k++) {
            if (k != 2 * 20 + 4) {
                assertThat(w1.at(k)).isEqualTo(0.1);
            }
        }
        // the forward pass uses it: h_5 = 0.55 − 0.3 · 0.1 + 0.3 · 0.5 = 0.67, the other h_j stay 0.55
        FxWait.until(() -> model.moment().trace().graph() == model.lesson().graph());
        robot.interact(model::toForwardEnd);
        Tensor h = model.moment().frame().value(id("h"));
        assertThat(h.get(0, 4)).isCloseTo(0.67, within(1e-12));
        assertThat(h.get(0, 3)).isCloseTo(0.55, within(1e-12));
        // undo restores the exact value, and the field says so
        robot.interact(model::undo);
        FxWait.until(() -> valueOf("W1").get(2, 4) == 0.1);
        FxWait.until(() -> field(robot).getText().equals("0.1"));
    }

    @Test
    void badInputIsExplainedAndEscPutsTheValueBack(FxRobot robot) {
        select(robot, "W1");
        pointAt(robot, "#inspectorValueMap", 10, 20, 3, 5);
        robot.clickOn(MouseButton.PRIMARY);
        FxWait.until(() -> field(robot).isFocused());
        robot.write("abc").type(KeyCode.ENTER);
        Label error = robot.lookup("#inspectorError").queryAs(Label.class);
        FxWait.until(error::isVisible);
        assertThat(error.getText()).isEqualTo("'abc' is not a number; W1[3,5] stays 0.1");
        assertThat(valueOf("W1").get(2, 4)).isEqualTo(0.1);
        // Esc: the value back in the field, no message, the arrow keys step again
        int cursor = model.cursorProperty().get();
        robot.type(KeyCode.ESCAPE);
        assertThat(field(robot).getText()).isEqualTo("0.1");
        assertThat(error.isVisible()).isFalse();
        robot.type(KeyCode.RIGHT);
        FxWait.until(() -> model.cursorProperty().get() == cursor + 1);
    }

    @Test
    void theGradientMapReadsSeed002sGradientIntoTheLabel1Output(FxRobot robot) {
        FxWait.until(() -> model.moment() != null && model.moment().trace().graph() == model.lesson().graph());
        robot.interact(model::toEnd);
        select(robot, "W2");
        pointAt(robot, "#inspectorGradMap", 20, 2, 7, 2);
        assertThat(readout(robot)).endsWith("\n∂L/∂W2[7,2] = 0.275");
        pointAt(robot, "#inspectorGradMap", 20, 2, 7, 1);
        assertThat(readout(robot)).endsWith("\n∂L/∂W2[7,1] = −0.275");
        // at the update step the maps show the updated weight, 0.1 − 0.1 · 0.275; the field sets the start's
        pointAt(robot, "#inspectorValueMap", 20, 2, 1, 2);
        assertThat(readout(robot)).startsWith("W2[1,2] = 0.0725\n");
        robot.clickOn(MouseButton.PRIMARY);
        FxWait.until(() -> field(robot).isFocused());
        assertThat(field(robot).getText()).isEqualTo("0.1");
        assertThat(robot.lookup("#inspectorValueCaption").queryAs(Label.class).getText())
                .isEqualTo("W2 as the iteration starts: Enter sets it, ↑ ↓ the next element up or down");
        // the pointer gone, the readout keeps the chosen element
        pointBeside(robot);
        assertThat(readout(robot)).startsWith("W2[1,2] = 0.0725\n"); // the chosen element
    }

    @Test
    void theArrowKeysInTheFieldWalkUpAndDownAColumn(FxRobot robot) {
        select(robot, "W1");
        pointAt(robot, "#inspectorValueMap", 10, 20, 3, 5);
        robot.clickOn(MouseButton.PRIMARY);
        FxWait.until(() -> field(robot).isFocused());
        robot.type(KeyCode.DOWN);
        FxWait.until(() -> model.selectedElementProperty().get() == 3 * 20 + 4);
        FxWait.until(() -> robot.lookup("#inspectorValueLabel").queryAs(Label.class).getText().equals("W1[4,5] ="));
        robot.type(KeyCode.UP, 3); // W1[1,5], then the top row holds
        FxWait.until(() -> model.selectedElementProperty().get() == 4);
        assertThat(robot.lookup("#inspectorValueLabel").queryAs(Label.class).getText()).isEqualTo("W1[1,5] =");
        // still typed in: 0.5 sets W1[1,5]
        FxWait.until(() -> field(robot).isFocused());
        robot.write("0.5").type(KeyCode.ENTER);
        FxWait.until(() -> valueOf("W1").get(0, 4) == 0.5);
        assertThat(valueOf("W1").get(2, 4)).isEqualTo(0.1);
    }

    @Test
    void scrollingOverTheChosenElementNudgesIt(FxRobot robot) {
        select(robot, "W2");
        Tensor before = valueOf("W2");
        // not chosen: the wheel is the panel's, nothing changes
        pointAt(robot, "#inspectorValueMap", 20, 2, 4, 2);
        robot.scroll(1, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(valueOf("W2")).isEqualTo(before);
        assertThat(model.canUndoProperty().get()).isFalse();
        robot.interact(() -> WindowUnderTest.scrollIntoView(robot.lookup("#inspectorValueMap").query())); // the panel may have scrolled
        pointAt(robot, "#inspectorValueMap", 20, 2, 4, 2);
        robot.clickOn(MouseButton.PRIMARY);
        FxWait.until(() -> field(robot).isFocused());
        robot.interact(() -> WindowUnderTest.scrollIntoView(robot.lookup("#inspectorValueMap").query()));
        pointAt(robot, "#inspectorValueMap", 20, 2, 4, 2);
        robot.scroll(1, VerticalDirection.UP);
        FxWait.until(() -> valueOf("W2").get(3, 1) != 0.1);
        Tensor w2 = valueOf("W2");
        assertThat(Math.abs(w2.get(3, 1) - 0.1)).isCloseTo(0.01, within(1e-12)); // one step (the robot's wheel direction is the platform's)
        for (int k = 0; k < w2.size(); k++) {
            if (k != 3 * 2 + 1) {
                assertThat(w2.at(k)).isEqualTo(0.1);
            }
        }
        // the other way, and it is back (two edits: undo twice to the exact start)
        robot.scroll(1, VerticalDirection.DOWN);
        FxWait.until(() -> Math.abs(valueOf("W2").get(3, 1) - 0.1) < 1e-12);
        robot.interact(model::undo);
        robot.interact(model::undo);
        FxWait.until(() -> valueOf("W2").get(3, 1) == 0.1);
    }

    @Test
    void nudgesOfTwoElementsAreTwoEditsToUndo(FxRobot robot) {
        select(robot, "W2");
        for (int row : new int[] {4, 5}) {
            robot.interact(() -> WindowUnderTest.scrollIntoView(robot.lookup("#inspectorValueMap").query()));
            pointAt(robot, "#inspectorValueMap", 20, 2, row, 2);
            robot.clickOn(MouseButton.PRIMARY);
            FxWait.until(() -> model.selectedElementProperty().get() == (row - 1) * 2 + 1 && field(robot).isFocused());
            robot.interact(() -> WindowUnderTest.scrollIntoView(robot.lookup("#inspectorValueMap").query()));
            pointAt(robot, "#inspectorValueMap", 20, 2, row, 2);
            robot.scroll(1, VerticalDirection.UP);
            FxWait.until(() -> valueOf("W2").get(row - 1, 1) != 0.1);
        }
        double first = valueOf("W2").get(3, 1);
        robot.interact(model::undo); // the second element's nudge only
        FxWait.until(() -> valueOf("W2").get(4, 1) == 0.1);
        assertThat(valueOf("W2").get(3, 1)).isEqualTo(first).isNotEqualTo(0.1);
    }

    @Test
    void whatTheGraphComputesIsReadAndChosenButNotTyped(FxRobot robot) {
        FxWait.until(() -> model.moment() != null && model.moment().trace().graph() == model.lesson().graph());
        robot.interact(model::toForwardEnd);
        select(robot, "h"); // 1×20, computed from x and W1
        assertThat(readout(robot)).isEqualTo("Point to read an element,\nclick to see its chain rule");
        assertThat(shown(field(robot))).isFalse();
        pointAt(robot, "#inspectorValueMap", 1, 20, 1, 3);
        assertThat(readout(robot)).startsWith("h[1,3] = 0.55\n");
        robot.clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(field(robot))).isFalse(); // nothing to type: h is computed
        // but it is chosen: the backward step through scores writes ∂L/∂h_3 (0, by hand: −0.5 · 0.1 + 0.5 · 0.1)
        FxWait.until(() -> model.selectedElementProperty().get() == 2);
        robot.interact(model::toEnd);
        int h = id("h");
        int step = TraceSteps.reaching(model.trace(), h);
        robot.interact(() -> model.cursorProperty().set(step));
        assertThat(model.moment().explanation().tex()).contains("\\left[\\frac{\\partial L}{\\partial h}\\right]_{3} = \\sum_{m} ")
                .contains(" = (-0.5) \\times 0.1 + 0.5 \\times 0.1 = 0").doesNotContain("\\partial h}\\right]_{1} = ");
    }
}

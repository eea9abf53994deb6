package backprop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Graph;
import backprop.engine.Tensor;
import backprop.ui.model.LessonModel;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Typing values in the inspector: a small matrix's elements one by one (XOR's weights and data have no
 * single number on the graph to type over), and a scalar's field following undo.
 */
@ExtendWith(ApplicationExtension.class)
class InspectorEditingTest {
    private WindowUnderTest window;
    private LessonModel model;

    @Start
    void start(Stage stage) {
        window = WindowUnderTest.show(stage, "xor");
        model = window.model;
    }

    @AfterEach
    void stop() {
        window.close();
    }

    private static void waitFor(BooleanSupplier condition) {
        backprop.ui.FxWait.until(condition);
    }

    private int id(String name) {
        return model.lesson().graph().byName(name).orElseThrow().id();
    }

    private Tensor valueOf(String name) {
        return model.stateProperty().get().value(id(name));
    }

    private void select(FxRobot robot, String name) {
        waitFor(() -> model.moment() != null && model.moment().trace().graph() == model.lesson().graph());
        robot.interact(() -> model.selectedNodeProperty().set(id(name)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void type(FxRobot robot, String field, String text) {
        robot.interact(() -> {
            TextField f = robot.lookup(field).queryAs(TextField.class);
            f.setText(text);
            WindowUnderTest.scrollIntoView(f);
        });
        robot.clickOn(field).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What a cell shows: five significant digits, as the inspector's grid of values. */
    private static String cellText(double v) {
        return backprop.ui.text.Numbers.format(v, 5);
    }

    private static String text(FxRobot robot, String field) {
        return robot.lookup(field).queryAs(TextField.class).getText();
    }

    @Test
    void anElementOfAWeightMatrixIsTypedAndTheForwardPassFollows(FxRobot robot) {
        select(robot, "W_hidden");
        Tensor before = valueOf("W_hidden");
        assertThat(robot.lookup("#inspectorCells .text-field").queryAll()).hasSize(6); // 2×3, one cell each
        assertThat(text(robot, "#inspectorCell-1-2")).isEqualTo(cellText(before.get(0, 1)));
        // Enter on an untouched cell keeps the exact value (the cell shows it rounded)
        type(robot, "#inspectorCell-1-1", text(robot, "#inspectorCell-1-1"));
        assertThat(valueOf("W_hidden")).isEqualTo(before);
        type(robot, "#inspectorCell-1-2", "0.25");
        waitFor(() -> valueOf("W_hidden").get(0, 1) == 0.25);
        // only that element changed
        for (int k = 0; k < before.size(); k++) {
            if (k != 1) {
                assertThat(valueOf("W_hidden").at(k)).isEqualTo(before.at(k));
            }
        }
        // the forward pass uses it: z_hidden = X · W_hidden, by hand
        waitFor(() -> model.moment().trace().graph() == model.lesson().graph() && model.stateProperty().get().value(id("W_hidden")).get(0, 1) == 0.25);
        robot.interact(model::toForwardEnd);
        Tensor x = valueOf("X");
        Tensor w = valueOf("W_hidden");
        Tensor z = model.moment().frame().value(id("z_hidden"));
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < w.cols(); c++) {
                double byHand = 0;
                for (int k = 0; k < x.cols(); k++) {
                    byHand += x.get(r, k) * w.get(k, c);
                }
                assertThat(z.get(r, c)).isCloseTo(byHand, org.assertj.core.api.Assertions.within(1e-15));
            }
        }
        // undo restores the exact value, and the cell says so
        robot.interact(model::undo);
        waitFor(() -> valueOf("W_hidden").get(0, 1) == before.get(0, 1));
        waitFor(() -> text(robot, "#inspectorCell-1-2").equals(cellText(before.get(0, 1))));
    }

    @Test
    void aWeightsLineClickedInTheNeuronViewMarksItsCell(FxRobot robot) {
        robot.interact(() -> model.viewModeProperty().set(backprop.ui.graph.ViewMode.NEURONS));
        waitFor(() -> robot.lookup(".edge-label").queryAll().stream()
                .anyMatch(l -> l.lookup(".edge-forward") instanceof javafx.scene.text.Text t && t.getText().startsWith("W_hidden[1,2] =")));
        javafx.scene.Node label = robot.lookup(".edge-label").queryAll().stream()
                .filter(l -> l.lookup(".edge-forward") instanceof javafx.scene.text.Text t && t.getText().startsWith("W_hidden[1,2] ="))
                .findFirst().orElseThrow();
        robot.interact(() -> window.view.graphView().fit());
        robot.clickOn(label);
        waitFor(() -> model.selectedNodeProperty().get() == id("W_hidden"));
        javafx.css.PseudoClass chosen = javafx.css.PseudoClass.getPseudoClass("chosen");
        waitFor(() -> robot.lookup("#inspectorCell-1-2").query().getPseudoClassStates().contains(chosen));
        assertThat(robot.lookup("#inspectorCells .text-field").queryAll().stream()
                .filter(c -> c.getPseudoClassStates().contains(chosen))).hasSize(1);
        // the marked cell has the focus: typing over it sets that weight, as typing over a box's value does
        Tensor before = valueOf("W_hidden");
        waitFor(() -> robot.lookup("#inspectorCell-1-2").query().isFocused());
        robot.write("0.3").type(KeyCode.ENTER);
        waitFor(() -> valueOf("W_hidden").get(0, 1) == 0.3);
        assertThat(valueOf("W_hidden").get(1, 1)).isEqualTo(before.get(1, 1));
        // Esc gives the keys back to the graph: → steps
        int cursor = model.cursorProperty().get();
        robot.type(KeyCode.ESCAPE).type(KeyCode.RIGHT);
        waitFor(() -> model.cursorProperty().get() == cursor + 1);
        // another node: no cell is marked when W_hidden is selected again from its box
        robot.interact(() -> model.selectedNodeProperty().set(id("X")));
        robot.interact(() -> model.selectedNodeProperty().set(id("W_hidden")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#inspectorCells .text-field").queryAll().stream()
                .filter(c -> c.getPseudoClassStates().contains(chosen))).isEmpty();
    }

    @Test
    void aCellTypedInIsTheChosenElementItsLineMarkedAndItsEntryWritten(FxRobot robot) {
        robot.interact(() -> model.viewModeProperty().set(backprop.ui.graph.ViewMode.NEURONS));
        waitFor(() -> weightLabel(robot, "W_hidden[2,2] =") != null);
        select(robot, "W_hidden");
        robot.interact(() -> WindowUnderTest.scrollIntoView(robot.lookup("#inspectorCell-2-2").query()));
        robot.clickOn("#inspectorCell-2-2");
        waitFor(() -> model.selectedElementProperty().get() == 1 * 3 + 1);
        javafx.css.PseudoClass selected = javafx.css.PseudoClass.getPseudoClass("selected");
        waitFor(() -> weightLabel(robot, "W_hidden[2,2] =").getPseudoClassStates().contains(selected));
        assertThat(weightLabel(robot, "W_hidden[1,2] =").getPseudoClassStates()).doesNotContain(selected);
        // the step that passes ∂E/∂W_hidden back writes that entry's sum of products
        int step = TraceSteps.reaching(model.trace(), id("W_hidden"));
        robot.interact(() -> model.cursorProperty().set(step));
        waitFor(() -> model.moment().explanation().tex().contains("\\right]_{2,2} = \\sum_{n} \\left[X\\right]_{n,2}"));
    }

    @Test
    void anElementOfASmallComputedMatrixIsChosenForTheChainRule(FxRobot robot) {
        waitFor(() -> model.moment() != null && model.moment().trace().graph() == model.lesson().graph());
        robot.interact(model::toForwardEnd);
        select(robot, "z_hidden"); // 4×3, written out as text: no cells, no heat map
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<String> choice = robot.lookup("#inspectorElementChoice").queryAs(javafx.scene.control.ChoiceBox.class);
        assertThat(choice.isVisible()).isTrue();
        assertThat(choice.getItems()).hasSize(13).startsWith("all of z_hidden", "z_hidden[1,1]");
        robot.interact(() -> choice.getSelectionModel().select("z_hidden[2,3]"));
        waitFor(() -> model.selectedElementProperty().get() == 1 * 3 + 2);
        // its forward step writes it as its sum: X's second row is (0, 1), by the seed's data
        int z = id("z_hidden");
        int forward = 0;
        while (!(model.trace().step(forward) instanceof backprop.engine.Step.ForwardStep f && f.node() == z)) {
            forward++;
        }
        int step = forward + 1;
        robot.interact(() -> model.cursorProperty().set(step));
        Tensor w = valueOf("W_hidden");
        assertThat(model.moment().explanation().tex()).contains("\\right]_{2,3} = \\sum_{k} \\left[X\\right]_{2,k}")
                .contains("= 0 \\times " + backprop.ui.text.Tex.number(w.get(0, 2)) + " + 1 \\times "
                        + backprop.ui.text.Tex.number(w.get(1, 2)) + " = ");
        robot.interact(() -> choice.getSelectionModel().select(0));
        waitFor(() -> model.selectedElementProperty().get() == -1);
        // chosen from the box (focused by the click that opened it), → still steps
        robot.interact(() -> WindowUnderTest.scrollIntoView(choice));
        robot.clickOn(choice).type(KeyCode.ESCAPE); // opened and closed: the box has the focus
        robot.interact(() -> choice.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.RIGHT);
        waitFor(() -> model.cursorProperty().get() == step + 1);
        // an input has cells instead
        select(robot, "X");
        assertThat(choice.isVisible() && choice.getParent().isVisible()).isFalse();
    }

    /** The label of a weight's line in the neuron view whose text starts with {@code start}, or null. */
    private static javafx.scene.Node weightLabel(FxRobot robot, String start) {
        return robot.lookup(".edge-label").queryAll().stream()
                .filter(l -> l.lookup(".edge-forward") instanceof javafx.scene.text.Text t && t.getText().startsWith(start))
                .findFirst().orElse(null);
    }

    @Test
    void badInputInACellIsExplainedAndTheValueKept(FxRobot robot) {
        select(robot, "y");
        Tensor before = valueOf("y");
        type(robot, "#inspectorCell-3-1", "abc");
        Label error = robot.lookup("#inspectorError").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("'abc' is not a number").contains("y[3,1] stays " + backprop.ui.text.Numbers.exact(before.get(2, 0)));
        assertThat(valueOf("y")).isEqualTo(before);
        type(robot, "#inspectorCell-3-1", "1e400");
        assertThat(error.getText()).contains("y[3,1] must be finite");
        assertThat(valueOf("y")).isEqualTo(before);
        // Esc puts the value back in the cell and clears the message
        robot.clickOn("#inspectorCell-3-1").type(KeyCode.ESCAPE);
        assertThat(text(robot, "#inspectorCell-3-1")).isEqualTo(cellText(before.get(2, 0)));
        assertThat(error.isVisible()).isFalse();
    }

    @Test
    void aBigMatrixHasNoCells(FxRobot robot) {
        robot.interact(() -> model.load("softmax-ce"));
        waitFor(() -> model.lesson().id().equals("softmax-ce") && model.moment() != null
                && model.moment().trace().graph() == model.lesson().graph());
        select(robot, "W1"); // 10×20: its heat map, not 200 fields
        assertThat(robot.lookup("#inspectorCellEditor").tryQuery().filter(javafx.scene.Node::isVisible)).isEmpty();
        assertThat(robot.lookup("#inspectorCells .text-field").queryAll()).isEmpty();
    }

    @Test
    void aLongRowIsTypedInRowsOfFour(FxRobot robot) {
        robot.interact(() -> model.load("softmax-ce"));
        waitFor(() -> model.lesson().id().equals("softmax-ce") && model.moment() != null
                && model.moment().trace().graph() == model.lesson().graph());
        select(robot, "x"); // seed 002's input, 1×10
        assertThat(robot.lookup("#inspectorCells .text-field").queryAll()).hasSize(10);
        javafx.scene.Node seventh = robot.lookup("#inspectorCell-1-7").query();
        assertThat(javafx.scene.layout.GridPane.getRowIndex(seventh)).isEqualTo(1);
        assertThat(javafx.scene.layout.GridPane.getColumnIndex(seventh)).isEqualTo(2);
        Tensor before = valueOf("x");
        type(robot, "#inspectorCell-1-7", "0.75");
        waitFor(() -> valueOf("x").get(0, 6) == 0.75);
        for (int k = 0; k < before.size(); k++) {
            if (k != 6) {
                assertThat(valueOf("x").at(k)).isEqualTo(before.at(k));
            }
        }
    }

    @Test
    void theWheelNudgesOnlyTheCellBeingTypedIn(FxRobot robot) {
        select(robot, "W_hidden");
        Tensor before = valueOf("W_hidden");
        robot.interact(() -> WindowUnderTest.scrollIntoView(robot.lookup("#inspectorCell-2-3").query()));
        robot.moveTo("#inspectorCell-2-3").scroll(1, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(valueOf("W_hidden")).as("a cell crossed by the wheel is left alone").isEqualTo(before);
        robot.interact(() -> WindowUnderTest.scrollIntoView(robot.lookup("#inspectorCell-2-3").query()));
        robot.clickOn("#inspectorCell-2-3").scroll(1, javafx.geometry.VerticalDirection.UP);
        waitFor(() -> valueOf("W_hidden").get(1, 2) != before.get(1, 2));
        // one step (0.01 below 1; the robot's wheel direction is the platform's), that element only
        assertThat(Math.abs(valueOf("W_hidden").get(1, 2) - before.get(1, 2))).isCloseTo(0.01, org.assertj.core.api.Assertions.within(1e-12));
        for (int k = 0; k < before.size(); k++) {
            if (k != 5) {
                assertThat(valueOf("W_hidden").at(k)).isEqualTo(before.at(k));
            }
        }
    }

    @Test
    void aScalarsFieldFollowsUndoAfterAValueTypedInIt(FxRobot robot) {
        robot.interact(() -> model.load("seed-221"));
        waitFor(() -> model.lesson().id().equals("seed-221") && model.moment() != null
                && model.moment().trace().graph() == model.lesson().graph());
        select(robot, "w13");
        double before = valueOf("w13").scalar();
        type(robot, "#inspectorValueField", "0.7");
        waitFor(() -> valueOf("w13").scalar() == 0.7);
        robot.interact(model::undo);
        waitFor(() -> valueOf("w13").scalar() == before);
        waitFor(() -> text(robot, "#inspectorValueField").equals(backprop.ui.text.Numbers.exact(before)));
    }
}

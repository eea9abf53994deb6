package backprop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.ui.model.LessonModel;
import javafx.geometry.Bounds;
import javafx.scene.Node;
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
 * A training lesson at 1280×800 hides the sidebar to give the graph room; what the sidebar held must
 * still be at hand: a click on a node shows its details on a card over the graph, beside what was
 * clicked, and undo, initial values and the seed sit in the training workspace.
 */
@ExtendWith(ApplicationExtension.class)
class HiddenSidebarTest {
    private WindowUnderTest window;
    private LessonModel model;
    private MainView view;

    @Start
    void start(Stage stage) {
        window = WindowUnderTest.showWithTraining(stage, "xor");
        model = window.model;
        view = window.view;
    }

    @AfterEach
    void stop() {
        window.close();
    }

    private void ready(FxRobot robot) {
        FxWait.until(() -> model.moment() != null && view.graphView().lookup("#node-W_hidden") != null
                && view.lookup("#trainingSide") != null);
        robot.interact(() -> view.graphView().requestFocus());
        robot.type(KeyCode.RIGHT); // the first step: the view stays on the inputs, the weights are the initial ones
    }

    @Test
    void theArrowKeysStillStepAfterAClickOnTheTrainingWorkspace(FxRobot robot) {
        ready(robot);
        int before = model.cursorProperty().get();
        Node side = robot.lookup("#trainingSide").query();
        Bounds b = side.localToScreen(side.getBoundsInLocal());
        robot.clickOn(b.getMinX() + b.getWidth() - 6, b.getMinY() + 10); // the panel's empty top right corner
        robot.type(KeyCode.RIGHT);
        FxWait.until(() -> model.cursorProperty().get() == before + 1);
    }

    @Test
    void theArrowKeysStillStepAfterAClickOnTheInspectorsCard(FxRobot robot) {
        ready(robot);
        robot.interact(() -> model.selectedNodeProperty().set(model.lesson().graph().byName("W_hidden").orElseThrow().id()));
        FxWait.until(() -> showing(robot.lookup("#inspectorCard").query()));
        int before = model.cursorProperty().get();
        robot.clickOn("#inspectorText"); // the card's scroll pane takes the focus on a click, and scrolls with the keys
        robot.type(KeyCode.RIGHT);
        FxWait.until(() -> model.cursorProperty().get() == before + 1);
    }

    @Test
    void aTallInspectorScrollsOnItsCardAndLeavesTheWindowAsItWas(FxRobot robot) {
        robot.interact(() -> model.load("logistic"));
        FxWait.until(() -> model.lesson().id().equals("logistic") && model.moment() != null
                && model.moment().trace().graph() == model.lesson().graph() && view.graphView().lookup("#node-X") != null);
        Node graphArea = view.graphView().getParent();
        Node stepper = robot.lookup("#stepLabel").query();
        double graphHeight = graphArea.getLayoutBounds().getHeight();
        double stepperY = onScreen(stepper).getMinY();
        // ten points: twenty cells, taller than the graph area
        robot.interact(() -> model.selectedNodeProperty().set(model.lesson().graph().byName("X").orElseThrow().id()));
        FxWait.until(() -> showing(robot.lookup("#inspectorCard").query()) && robot.lookup("#inspectorCell-10-2").tryQuery().isPresent());
        Node card = robot.lookup("#inspectorCard").query();
        assertThat(graphArea.getLayoutBounds().getHeight()).as("the graph area keeps its height").isEqualTo(graphHeight);
        assertThat(onScreen(stepper).getMinY()).as("the stepper stays where it was").isEqualTo(stepperY);
        assertThat(onScreen(card).getMaxY()).as("the card ends inside the graph area")
                .isLessThanOrEqualTo(graphArea.localToScene(graphArea.getLayoutBounds()).getMaxY());
        // its text is whole (not cut to "Input…"), and the last cell is reached by scrolling the card
        javafx.scene.control.Label body = robot.lookup("#inspectorText").queryAs(javafx.scene.control.Label.class);
        assertThat(body.getHeight()).isGreaterThanOrEqualTo(body.prefHeight(body.getWidth()) - 0.5);
        assertThat(card.lookupAll(".scroll-pane")).isNotEmpty();
        // a short one (XOR's W_hidden, six cells, its caption on two lines) is shown whole, without scrolling
        robot.interact(() -> model.load("xor"));
        FxWait.until(() -> model.lesson().id().equals("xor") && model.moment() != null
                && model.moment().trace().graph() == model.lesson().graph() && view.graphView().lookup("#node-W_hidden") != null);
        robot.interact(() -> model.selectedNodeProperty().set(model.lesson().graph().byName("W_hidden").orElseThrow().id()));
        FxWait.until(() -> showing(robot.lookup("#inspectorCard").query()) && robot.lookup("#inspectorCell-2-3").tryQuery().isPresent());
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) card.lookup(".scroll-pane");
        FxWait.until(() -> scroll.getViewportBounds().getHeight() >= ((javafx.scene.layout.Region) scroll.getContent()).getHeight() - 0.5);
    }

    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private static Bounds onScreen(Node n) {
        return n.localToScene(n.getLayoutBounds()); // without the card's shadow
    }

    @Test
    void atTheSmallestWindowEveryToolbarButtonIsInTheBarNotInAnOverflowMenu(FxRobot robot) {
        ready(robot);
        javafx.stage.Window window = view.getScene().getWindow();
        try {
            robot.interact(() -> {
                window.setWidth(1024);
                window.setHeight(700);
            });
            FxWait.until(() -> view.getScene().getWidth() <= 1024);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            for (String id : new String[] {"#scenarioPicker", "#opsViewButton", "#neuronViewButton", "#sidebarToggle",
                    "#trainingToggle", "#fitButton"}) {
                Node b = robot.lookup(id).query();
                assertThat(showing(b)).as(id).isTrue();
                assertThat(onScreen(b).getMaxX()).as(id).isLessThanOrEqualTo(view.getScene().getWidth());
            }
            assertThat(robot.lookup(".tool-bar-overflow-button").<Node>queryAll()).noneMatch(HiddenSidebarTest::showing);
            assertThat(showing(robot.lookup(".app-title").query())).as("the name gives way; the window's title bar has it").isFalse();
        } finally {
            robot.interact(() -> { // TestFX shares one stage: the next test gets the usual size
                window.setWidth(1280);
                window.setHeight(800);
            });
        }
    }

    @Test
    void clickingANodeWithTheSidebarHiddenShowsItsDetailsOnACardBesideIt(FxRobot robot) {
        ready(robot);
        assertThat(view.lookup("#sidebar")).as("the sidebar is hidden at 1280 px for a training lesson").isNull();
        Node card = view.lookup("#inspectorCard");
        assertThat(card.isVisible()).isFalse();

        robot.clickOn("#node-W_hidden");
        Node text = robot.lookup("#inspectorText").query();
        assertThat(showing(text)).isTrue();
        assertThat(card.isVisible()).isTrue();
        // seed 003's first weights, drawn here: uniform [0, 1) from the scenario's seed, W_hidden row by row
        java.util.Random random = new java.util.Random(backprop.scenarios.Scenarios.XOR_SEED);
        String firstRow = " ";
        for (int k = 0; k < 3; k++) {
            firstRow += "  " + backprop.ui.text.Numbers.format(random.nextDouble(), InspectorPanel.MATRIX_DIGITS);
        }
        javafx.scene.control.Label details = (javafx.scene.control.Label) text;
        assertThat(details.getText()).contains("Trainable parameter")
                .contains("value = 2×3\n" + firstRow + "\n").contains("∂E/∂W_hidden = not yet computed");
        robot.type(KeyCode.END); // stepping on updates the card
        assertThat(details.getText()).contains("∂E/∂W_hidden = 2×3\n");
        javafx.scene.Node maps = view.lookup("#inspectorMaps"); // made when a big matrix is first shown
        assertThat(maps == null || !maps.isVisible()).as("six numbers need no heat map").isTrue();
        // the card does not cover the node it describes, and lies inside the graph area
        Node box = robot.lookup("#node-W_hidden").query();
        assertThat(onScreen(card).intersects(onScreen(box))).isFalse();
        Bounds area = onScreen(view.graphView());
        assertThat(area.contains(onScreen(card))).as("%s inside %s", onScreen(card), area).isTrue();

        robot.type(KeyCode.ESCAPE);
        assertThat(card.isVisible()).isFalse();
        assertThat(model.selectedNodeProperty().get()).isEqualTo(-1);
    }

    @Test
    void theCloseButtonClearsTheSelectionAndTheSidebarTakesTheInspectorBack(FxRobot robot) {
        ready(robot);
        robot.clickOn("#node-W_output");
        Node card = view.lookup("#inspectorCard");
        assertThat(card.isVisible()).isTrue();
        robot.clickOn("#inspectorClose");
        assertThat(card.isVisible()).isFalse();
        assertThat(model.selectedNodeProperty().get()).isEqualTo(-1);

        robot.clickOn("#node-W_output");
        robot.clickOn("#sidebarToggle");
        Node sidebar = view.lookup("#sidebar");
        assertThat(sidebar).isNotNull();
        assertThat(card.isVisible()).isFalse();
        Node text = robot.lookup("#inspectorText").query();
        assertThat(showing(text)).isTrue();
        Node p = text;
        while (p != null && p != sidebar) {
            p = p.getParent();
        }
        assertThat(p).as("the inspector is back in the sidebar").isSameAs(sidebar);
        assertThat(((javafx.scene.control.Label) text).getText()).contains("value = 3×1");
        // the values are in the training workspace: their section's rule went with them (no two rules in a row)
        java.util.List<Node> laidOut = ((javafx.scene.layout.Pane) sidebar).getChildren().stream().filter(Node::isManaged).toList();
        for (int k = 1; k < laidOut.size(); k++) {
            assertThat(laidOut.get(k - 1) instanceof javafx.scene.control.Separator
                    && laidOut.get(k) instanceof javafx.scene.control.Separator).as("two rules in a row at %d", k).isFalse();
        }
    }

    @Test
    void theSeedAndTheValueHistoryAreInTheTrainingWorkspace(FxRobot robot) {
        ready(robot);
        Node seed = robot.lookup("#seedField").query();
        assertThat(showing(seed)).isTrue();
        assertThat(showing(robot.lookup("#undoButton").query())).isTrue();
        Node side = view.lookup("#trainingSide");
        Node p = seed;
        while (p != null && p != side) {
            p = p.getParent();
        }
        assertThat(p).as("the seed is in the training workspace").isSameAs(side);

        // the same weights as seed 003's from seed 3, new ones from seed 4, back with undo
        int wHidden = model.lesson().graph().byName("W_hidden").orElseThrow().id();
        double first = model.latestState().value(wHidden).get(0, 0);
        robot.doubleClickOn("#seedField").write("4");
        robot.clickOn("#randomizeButton");
        java.util.Random random = new java.util.Random(4);
        FxWait.until(() -> model.latestState().value(wHidden).get(0, 0) != first);
        assertThat(model.latestState().value(wHidden).get(0, 0)).isEqualTo(random.nextDouble());
        robot.clickOn("#undoButton");
        FxWait.until(() -> model.latestState().value(wHidden).get(0, 0) == first);

        robot.clickOn("#trainingToggle"); // the workspace closes: the rows go back to the sidebar, which opens
        robot.clickOn("#sidebarToggle");
        assertThat(showing(robot.lookup("#seedField").query())).isTrue();
        assertThat(view.lookup("#sidebar").lookup("#seedField")).isNotNull();
    }

    @Test
    void theTrainingWorkspaceFitsTheWindowWithoutScrollingInBothViews(FxRobot robot) {
        ready(robot);
        javafx.scene.control.ScrollPane side = (javafx.scene.control.ScrollPane) view.lookup("#trainingSide");
        // after a run, as a teacher sees it most: its two-line status above the chart, the history slider below
        robot.doubleClickOn("#iterationsField").write("500");
        robot.clickOn("#runIterationsButton");
        FxWait.until(() -> ((javafx.scene.control.Button) robot.lookup("#restoreButton").query()).isDisabled() == false);
        for (String viewButton : new String[] {"#alternativeViewButton", "#lossViewButton"}) {
            robot.clickOn(viewButton);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            double content = side.getContent().getLayoutBounds().getHeight();
            double viewport = side.getViewportBounds().getHeight();
            assertThat(content).as("%s: content %s px in a %s px viewport", viewButton, content, viewport)
                    .isLessThanOrEqualTo(viewport + 0.5);
            assertThat(showing(robot.lookup("#restoreButton").query())).isTrue();
        }
    }

    @Test
    void theChartsHoverStaysInsideTheNarrowWorkspacesPlot(FxRobot robot) {
        ready(robot);
        robot.doubleClickOn("#iterationsField").write("500");
        robot.clickOn("#runIterationsButton");
        FxWait.until(() -> ((javafx.scene.control.Button) robot.lookup("#restoreButton").query()).isDisabled() == false);
        robot.clickOn("#lossViewButton");
        backprop.ui.training.LossChart chart = robot.lookup("#lossChart").queryAs(backprop.ui.training.LossChart.class);
        backprop.ui.training.Run run = robot.lookup("#trainingPanel").queryAs(backprop.ui.training.TrainingPanel.class)
                .model().runs().get(0);
        javafx.scene.control.Label hover = robot.lookup("#chartHover").queryAs(javafx.scene.control.Label.class);
        for (int iteration : new int[] {250, 2, 499}) { // the middle, where neither side has room; both ends
            robot.moveTo(chart.pointOnScreen(run, iteration));
            // several iterations share a pixel: the one shown is within a few of it
            FxWait.until(() -> hover.isVisible() && Math.abs(Integer.parseInt(hover.getText().split("\\s+")[1]) - iteration) <= 5);
            Bounds plot = onScreen(hover.getParent());
            assertThat(plot.contains(onScreen(hover))).as("%s inside %s at iteration %d", onScreen(hover), plot, iteration).isTrue();
            // and not over the y axis's tick labels, left of the plot area
            assertThat(hover.getLayoutX()).as("at iteration %d", iteration).isGreaterThanOrEqualTo(chart.plotLeft());
        }
    }

    @Test
    void theCardLeavesEveryLineOfAClickedWeightInView(FxRobot robot) {
        ready(robot);
        robot.clickOn("#neuronViewButton");
        FxWait.until(() -> view.graphView().lookup("#node-act_hidden") != null);
        robot.interact(() -> view.graphView().requestFocus());
        // W_output's three lines run from the hidden units to the output, top to bottom of the graph area
        java.util.List<Node> labels = robot.lookup(".edge-forward").queryAllAs(javafx.scene.text.Text.class).stream()
                .filter(t -> t.getText().startsWith("W_output[")).map(t -> (Node) t.getParent()).toList();
        assertThat(labels).hasSize(3);
        robot.clickOn(labels.get(0));
        Node card = view.lookup("#inspectorCard");
        FxWait.until(card::isVisible);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(((javafx.scene.control.Label) robot.lookup("#inspectorText").query()).getText()).contains("value = 3×1");
        for (Node label : labels) {
            assertThat(onScreen(card).intersects(onScreen(label))).as("the card covers %s", label).isFalse();
        }
    }

    @Test
    void theFormulaBoxAndTheTrainingWorkspaceShareANarrowWindowByTurns(FxRobot robot) {
        ready(robot);
        javafx.stage.Window stage = view.getScene().getWindow();
        robot.clickOn("#sidebarToggle"); // at 1280 px both fit beside the graph
        FxWait.until(() -> view.lookup("#sidebar") != null);
        assertThat(view.lookup("#trainingSide")).isNotNull();
        assertToolbarInWindow(robot);
        robot.interact(() -> stage.setWidth(1024)); // the narrowest the app allows: the formula box gives way
        FxWait.until(() -> view.getWidth() == 1024);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.lookup("#sidebar")).isNull();
        assertThat(view.lookup("#trainingSide")).isNotNull();
        assertToolbarInWindow(robot);
        robot.clickOn("#sidebarToggle"); // the panel asked for wins
        FxWait.until(() -> view.lookup("#sidebar") != null);
        assertThat(view.lookup("#trainingSide")).isNull();
        assertToolbarInWindow(robot);
        robot.clickOn("#trainingToggle");
        FxWait.until(() -> view.lookup("#trainingSide") != null);
        assertThat(view.lookup("#sidebar")).isNull();
        assertToolbarInWindow(robot);
    }

    @Test
    void aFormulaWithAWeightDrawnFromTheBoxKeepsTheBoxOpen(FxRobot robot) {
        ready(robot);
        robot.clickOn("#sidebarToggle"); // the teacher opens the formula box beside XOR's training
        FxWait.until(() -> view.lookup("#sidebar") != null);
        robot.interact(() -> model.runProgram("x = 2; param w = 0.5; loss = (w*x - 1)^2"));
        FxWait.until(() -> model.lesson().program() != null && !model.isLoading());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.lookup("#sidebar")).as("the formula box").isNotNull();
        assertThat(view.lookup("#trainingSide")).as("the training workspace: there is room at 1280 px").isNotNull();
        robot.interact(() -> model.load("seed-221")); // an example chosen from the picker: the graph gets the room
        FxWait.until(() -> model.lesson().program() == null && !model.isLoading());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.lookup("#sidebar")).isNull();
    }

    /** The toggles at the toolbar's right end are inside the window, where a click reaches them. */
    private void assertToolbarInWindow(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double width = view.getScene().getWidth();
        for (String id : java.util.List.of("#sidebarToggle", "#trainingToggle", "#fitButton")) {
            Node n = robot.lookup(id).query();
            assertThat(n.localToScene(n.getLayoutBounds()).getMaxX()).as(id).isLessThanOrEqualTo(width);
        }
        Node side = view.lookup("#trainingSide");
        if (side != null) {
            assertThat(side.localToScene(side.getLayoutBounds()).getMaxX()).as("the training workspace").isLessThanOrEqualTo(width);
        }
    }
}

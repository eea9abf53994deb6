package backprop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Trace;
import backprop.ui.graph.GraphView;
import backprop.ui.model.LessonModel;
import java.util.List;
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

/** The window as a teacher uses it: stepping the apple graph with the keyboard and reading what it shows. */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {
    private WindowUnderTest window;
    private LessonModel model;
    private MainView view;

    @Start
    void start(Stage stage) {
        window = WindowUnderTest.show(stage, "apple");
        model = window.model;
        view = window.view;
    }

    @AfterEach
    void stop() {
        window.close();
    }

    private static void waitFor(BooleanSupplier condition) {
        backprop.ui.FxWait.until(condition);
    }

    private void focusGraph(FxRobot robot) {
        waitFor(() -> model.moment() != null && view.graphView().lookup("#node-price") != null);
        robot.interact(() -> view.graphView().requestFocus());
    }

    private static javafx.scene.control.TextArea formulaBox(FxRobot robot) {
        return robot.lookup("#formulaInput").queryAs(javafx.scene.control.TextArea.class);
    }

    /** Ctrl+Enter in the formula box, as a teacher draws what they typed. */
    private static void drawWithCtrlEnter(FxRobot robot) {
        robot.clickOn("#formulaInput").press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
    }

    private static String text(FxRobot robot, String id) {
        javafx.scene.Node n = robot.lookup(id).query();
        return n instanceof javafx.scene.text.Text t ? t.getText() : ((Label) n).getText(); // graph texts are Text nodes
    }

    @Test
    void forwardPassShows220OnThePriceNode(FxRobot robot) {
        focusGraph(robot);
        assertThat(text(robot, "#node-price .node-value")).isEqualTo("?");
        int forwardSteps = model.trace().lossIndex();
        robot.type(KeyCode.RIGHT, forwardSteps);
        assertThat(text(robot, "#node-price .node-value")).isEqualTo("220");
        assertThat(text(robot, "#node-apple .node-grad")).isEmpty();
    }

    @Test
    void backwardPassShowsTheGradientsOfSeed001(FxRobot robot) {
        focusGraph(robot);
        robot.type(KeyCode.END);
        assertThat(text(robot, "#node-apple .node-grad")).isEqualTo("∂ 2.2");
        assertThat(text(robot, "#node-count .node-grad")).isEqualTo("∂ 110");
        assertThat(text(robot, "#node-tax .node-grad")).isEqualTo("∂ 200");
        assertThat(text(robot, "#node-price .node-grad")).isEqualTo("∂ 1");
    }

    @Test
    void steppingBackRestoresTheForwardStateExactly(FxRobot robot) {
        focusGraph(robot);
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        Trace.Frame forwardEnd = model.moment().frame();
        List<String> shown = List.of(text(robot, "#node-price .node-value"), text(robot, "#node-price .node-grad"), text(robot, "#node-apple .node-grad"));
        int back = model.trace().size() - model.cursorProperty().get();
        robot.type(KeyCode.END);
        assertThat(text(robot, "#node-apple .node-grad")).isEqualTo("∂ 2.2");
        robot.type(KeyCode.LEFT, back);
        Trace.Frame after = model.moment().frame();
        for (int n = 0; n < model.trace().graph().size(); n++) {
            assertThat(after.value(n)).isEqualTo(forwardEnd.value(n));
            assertThat(after.grad(n)).isEqualTo(forwardEnd.grad(n));
        }
        assertThat(List.of(text(robot, "#node-price .node-value"), text(robot, "#node-price .node-grad"), text(robot, "#node-apple .node-grad")))
                .isEqualTo(shown);
        assertThat(text(robot, "#node-apple .node-grad")).isEmpty();
    }

    @Test
    void everyShortcutMovesTheCursor(FxRobot robot) {
        focusGraph(robot);
        int size = model.trace().size();
        robot.type(KeyCode.RIGHT);
        assertThat(model.cursorProperty().get()).isEqualTo(1);
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.LEFT);
        assertThat(model.cursorProperty().get()).isEqualTo(1);
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        assertThat(model.cursorProperty().get()).isEqualTo(model.trace().lossIndex() + 1);
        robot.type(KeyCode.END);
        assertThat(model.cursorProperty().get()).isEqualTo(size);
        robot.type(KeyCode.HOME);
        assertThat(model.cursorProperty().get()).isZero();
        robot.type(KeyCode.SPACE);
        assertThat(model.playingProperty().get()).isTrue();
        waitFor(() -> !model.playingProperty().get());
        assertThat(model.cursorProperty().get()).isEqualTo(size);

        double before = view.graphView().zoomFactor();
        robot.type(KeyCode.EQUALS);
        assertThat(view.graphView().zoomFactor()).isGreaterThan(before);
        robot.type(KeyCode.MINUS);
        robot.type(KeyCode.MINUS);
        assertThat(view.graphView().zoomFactor()).isLessThan(before);
        robot.type(KeyCode.F);
        assertThat(view.graphView().zoomFactor()).isEqualTo(before);
    }

    @Test
    void chainRulePanelShowsTheLiveNumbersOfTheStep(FxRobot robot) {
        focusGraph(robot);
        robot.type(KeyCode.END);
        // the last step is the multiply apple * count passing 1.1 × 2 = 2.2 back to apple
        assertThat(view.chainRulePanel().texProperty().get())
                .contains("1.1 \\times 2 = 2.2")
                .contains("1.1 \\times 100 = 110");
        robot.type(KeyCode.LEFT);
        assertThat(view.chainRulePanel().texProperty().get()).contains("1 \\times 1.1 = 1.1");
        waitFor(() -> robot.lookup("#chainFormula").queryAs(javafx.scene.image.ImageView.class).getImage() != null);
    }

    @Test
    void beforeTheFirstStepTheFormulaAreaSaysWhatWillAppearThere(FxRobot robot) {
        focusGraph(robot);
        javafx.scene.Node hint = robot.lookup("#chainHint").query();
        javafx.scene.image.ImageView formula = robot.lookup("#chainFormula").queryAs(javafx.scene.image.ImageView.class);
        robot.type(KeyCode.HOME);
        waitFor(() -> model.cursorProperty().get() == 0);
        assertThat(hint.isVisible()).isTrue();
        robot.type(KeyCode.RIGHT);
        waitFor(() -> formula.getImage() != null);
        assertThat(hint.isVisible()).isFalse();
        robot.type(KeyCode.LEFT);
        waitFor(() -> formula.getImage() == null);
        assertThat(hint.isVisible()).isTrue();
    }

    @Test
    void aLongChainRuleIsBrokenIntoRowsAndShownLargeInATallerPanel(FxRobot robot) {
        focusGraph(robot);
        robot.interact(() -> model.load("apple-orange"));
        waitFor(() -> model.lesson().id().equals("apple-orange") && model.moment() != null);
        javafx.scene.image.ImageView formula = robot.lookup("#chainFormula").queryAs(javafx.scene.image.ImageView.class);
        javafx.scene.control.ScrollPane area = robot.lookup("#chainScroll").queryAs(javafx.scene.control.ScrollPane.class);
        double before = area.getHeight();
        // step 8: the full chain from price to orange and to orange_count, ~1,650 px wide at full size on one line
        robot.interact(() -> model.cursorProperty().set(8));
        waitFor(() -> formula.getImage() != null && model.cursorProperty().get() == 8);
        WaitForAsyncUtils.waitForFxEvents();
        double scale = formula.getFitWidth() / formula.getImage().getWidth();
        assertThat(scale).isGreaterThanOrEqualTo(0.8); // it was 0.5: subscripts 6 px tall
        assertThat(formula.getImage().getWidth() * scale).isLessThanOrEqualTo(area.getViewportBounds().getWidth());
        assertThat(area.getHeight()).isGreaterThan(before + 100);
        double grown = area.getHeight();
        robot.interact(() -> model.cursorProperty().set(2)); // a short formula: the graph does not jump back and forth
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.getHeight()).isEqualTo(grown);
        robot.interact(() -> model.cursorProperty().set(0)); // reset (Home): nothing to write, the graph gets its room back
        waitFor(() -> area.getHeight() == before);
        assertThat(formula.prefWidth(-1)).as("the empty formula's width: no scroll bar under the hint").isZero();
        robot.interact(() -> model.cursorProperty().set(8));
        waitFor(() -> area.getHeight() > before + 100);
        robot.interact(() -> model.load("apple"));
        waitFor(() -> model.lesson().id().equals("apple") && model.moment() != null);
        robot.interact(() -> model.cursorProperty().set(1));
        waitFor(() -> area.getHeight() == before);
    }

    @Test
    void whenTheGraphAreaGetsShorterTheCurrentStepsBoxesStayInView(FxRobot robot) {
        focusGraph(robot);
        robot.interact(() -> model.load("xor")); // opens at a readable zoom, not fitted: a resize does not refit it
        waitFor(() -> robot.lookup("#node-X").tryQuery().isPresent());
        robot.interact(() -> model.cursorProperty().set(1)); // z_hidden = X·W_hidden; X lies below the middle
        WaitForAsyncUtils.waitForFxEvents();
        GraphView graph = view.graphView();
        double zoom = graph.zoomFactor();
        robot.interact(() -> graph.getScene().getWindow().setHeight(560));
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> graph.getHeight() < 330);
        assertThat(graph.zoomFactor()).isEqualTo(zoom);
        for (String box : List.of("#node-X", "#node-W_hidden", "#node-z_hidden")) {
            javafx.scene.Node n = robot.lookup(box).query();
            javafx.geometry.Bounds b = graph.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
            assertThat(b.getMinY()).as(box).isGreaterThanOrEqualTo(0);
            assertThat(b.getMaxY()).as(box).isLessThanOrEqualTo(graph.getHeight());
        }
    }

    @Test
    void aGraphThatStillFitsTheShorterAreaIsCentredInIt(FxRobot robot) {
        focusGraph(robot);
        robot.interact(() -> model.load("seed-221")); // neurons, at a readable zoom: wider than the area
        waitFor(() -> model.lesson().id().equals("seed-221") && robot.lookup("#node-y5").tryQuery().isPresent());
        robot.interact(() -> model.cursorProperty().set(25)); // backward through z3: y5 is not one of its boxes
        WaitForAsyncUtils.waitForFxEvents();
        GraphView graph = view.graphView();
        double tall = graph.getHeight();
        robot.interact(() -> graph.getScene().getWindow().setHeight(700));
        waitFor(() -> graph.getHeight() < tall - 60);
        WaitForAsyncUtils.waitForFxEvents();
        double laidOut = model.scene().layout().height() * graph.zoomFactor();
        assertThat(laidOut).isLessThan(graph.getHeight()); // it still fits: 100 px fewer leave room to centre it
        javafx.geometry.Bounds content = graph.contentBoundsInView();
        assertThat(content.getMinY()).isGreaterThanOrEqualTo(0);
        assertThat(content.getMaxY()).isLessThanOrEqualTo(graph.getHeight());
        assertThat(graph.graphTopInView()).isCloseTo((graph.getHeight() - laidOut) / 2, org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void aBugInAListenerIsSaidInTheWindowAndTheLessonStays(FxRobot robot) throws Exception {
        focusGraph(robot);
        Thread.UncaughtExceptionHandler before = backprop.ui.fx.HeadlessFx.onFxThread(() -> Thread.currentThread().getUncaughtExceptionHandler());
        try {
            robot.interact(() -> App.reportFailuresIn(view));
            assertThat(robot.lookup("#internalError").query().isVisible()).isFalse();
            javafx.beans.property.IntegerProperty broken = new javafx.beans.property.SimpleIntegerProperty();
            broken.addListener((o, was, now) -> {
                throw new NullPointerException("a bug");
            });
            robot.interact(() -> broken.set(1)); // JavaFX catches it and goes on
            Label message = robot.lookup("#internalError").queryAs(Label.class);
            assertThat(message.isVisible()).isTrue();
            assertThat(message.getText()).contains("Something went wrong inside the app (NullPointerException in MainViewTest")
                    .contains("Your lesson and values are kept");
            assertThat(model.lesson().id()).isEqualTo("apple");
            robot.clickOn("#internalError");
            assertThat(message.isVisible()).isFalse();
        } finally {
            robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(before));
        }
    }

    @Test
    void arrowsShowWhereTheGraphGoesOnAndPanThere(FxRobot robot) {
        focusGraph(robot);
        assertThat(visibleArrows(robot)).as("the apple graph fits").isEmpty();
        // seed 001's decomposed sigmoid opens at a readable zoom on its input, wider than the view
        robot.interact(() -> model.load("sigmoid-decomposed"));
        waitFor(() -> model.lesson().id().equals("sigmoid-decomposed") && robot.lookup("#node-y").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        GraphView graph = view.graphView();
        assertThat(visibleArrows(robot)).containsExactly("moreRight");
        assertArrowsClearOfBoxes(robot);
        double before = graph.contentBoundsInView().getMinX();
        for (int click = 0; click < 6 && robot.lookup("#moreRight").query().isVisible(); click++) {
            robot.clickOn("#moreRight");
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(graph.contentBoundsInView().getMinX()).as("panned left").isLessThan(before);
        assertThat(visibleArrows(robot)).as("at the graph's end, it goes on only to the left").containsExactly("moreLeft");
        assertArrowsClearOfBoxes(robot);
        javafx.geometry.Bounds y = robot.lookup("#node-y").query().localToScene(robot.lookup("#node-y").query().getBoundsInLocal());
        javafx.geometry.Bounds area = graph.localToScene(graph.getBoundsInLocal());
        assertThat(y.getMaxX()).as("the output's box is in view").isLessThanOrEqualTo(area.getMaxX());
        assertThat(graph.contentBoundsInView().getMaxX()).as("the last click stopped at the graph's end, not past it")
                .isGreaterThan(graph.getWidth() - 40);
        robot.interact(() -> graph.requestFocus());
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visibleArrows(robot)).as("fitted: nothing beyond the view").isEmpty();
    }

    @Test
    void atEveryStepOfEveryLessonTheArrowsLeaveBoxesAndEdgeNumbersReadable(FxRobot robot) throws Exception {
        focusGraph(robot);
        // at 1280 × 800 without the training workspace there is always a free place for them
        assertThat(StepSweep.everyStepOfEveryLesson(robot, model, true)).isEmpty();
    }

    @Test
    void atEveryStepOfTypedFormulasNothingThrowsAndTheArrowsLeaveBoxesReadable(FxRobot robot) throws Exception {
        focusGraph(robot);
        assertThat(StepSweep.everyStepOfPrograms(robot, model, true, List.of(
                "价格 = 3; μ = 2; y = 价格 * μ", // names in other alphabets
                backprop.ui.model.FormulaBox.STARTER, // a param: the training workspace opens beside the graph
                "a = 1.5; b = -2; c = max(a, b) ^ 2 / (abs(b) + exp(a)) - log(sqrt(a)) + relu(b) * tanh(a) + sin(a) * cos(b)",
                "x = 3; y = x * x * x + x", // one value read four times: a sum over four consumers
                "param w = 2; loss = w^2",
                "a_very_long_input_name = 0.125; another_long_name = 8; y = a_very_long_input_name * another_long_name - 1 / another_long_name")))
                .isEmpty();
    }

    private static void assertArrowsClearOfBoxes(FxRobot robot) {
        StepSweep.assertArrowsClearOfBoxes(robot, "", true);
    }

    private static List<String> visibleArrows(FxRobot robot) {
        return robot.lookup(".more-arrow").queryAll().stream().filter(javafx.scene.Node::isVisible)
                .map(javafx.scene.Node::getId).sorted().toList();
    }

    @Test
    void seed002sFirstLayerGetsNoGradientAndTheGraphSaysSo(FxRobot robot) {
        focusGraph(robot);
        robot.interact(() -> model.load("softmax-ce"));
        waitFor(() -> model.lesson().id().equals("softmax-ce") && robot.lookup("#node-W1").tryQuery().isPresent());
        robot.interact(() -> view.graphView().requestFocus());
        robot.type(KeyCode.END);
        // by hand: W2's two columns are equal, so ∂L/∂h = 0.1 · Σ_k (softmax_k − t_k) = 0, and ∂L/∂W1 = xᵀ · 0
        assertThat(text(robot, "#node-W1 .node-grad")).isEqualTo("∂ all 0");
        assertThat(text(robot, "#node-W2 .node-grad")).isEqualTo("∂ 20×2");
    }

    @Test
    void withWeightDecayOneDecayNodeReadsEveryWeightAndTheInspectorNamesTheSumWhole(FxRobot robot) {
        focusGraph(robot);
        robot.interact(() -> model.load("seed-221"));
        waitFor(() -> model.lesson().id().equals("seed-221") && !model.isLoading());
        robot.interact(() -> model.setWeightDecay(0.01));
        waitFor(() -> model.lesson().graph().node(model.lesson().graph().output()).name().endsWith("+ decay")
                && model.scene() != null && model.scene().graph() == model.lesson().graph() && !model.isLoading());
        backprop.engine.Graph g = model.lesson().graph();
        // one penalty node, decay = λ/2 (Σw13² + … + Σw45²), read by all six weights, then E + decay
        backprop.engine.Graph.Node out = g.node(g.output());
        assertThat(out.name()).isEqualTo("E + decay");
        backprop.engine.Graph.Node decay = g.node(out.input(1));
        assertThat(decay.name()).isEqualTo("decay");
        assertThat(decay.inputs()).hasSize(6).containsExactlyInAnyOrderElementsOf(g.params().stream().map(backprop.engine.Graph.Node::id).toList());
        robot.interact(() -> model.viewModeProperty().set(backprop.ui.graph.ViewMode.OPERATIONS));
        waitFor(() -> model.scene().mode() == backprop.ui.graph.ViewMode.OPERATIONS && robot.lookup("#node-w13").tryQuery().isPresent());
        robot.interact(() -> model.cursorProperty().set(model.trace().size()));
        robot.interact(() -> model.selectedNodeProperty().set(g.byName("w13").orElseThrow().id()));
        // ∂(E + decay)/∂w13, not "∂E + decay/∂w13"; by hand: seed 000's 0.0018 … plus λ·w13 = 0.001 (checked as text only)
        assertThat(text(robot, "#inspectorText")).contains("∂(E + decay)/∂w13 = ");
    }

    @Test
    void clickingANodeShowsItInTheInspector(FxRobot robot) {
        focusGraph(robot);
        robot.type(KeyCode.END);
        robot.clickOn("#node-price");
        // the figure the graph shows, and the stored double that rounding hid
        assertThat(text(robot, "#inspectorText")).contains("value = 220  (exactly 220.00000000000003)")
                .contains("∂price/∂price = 1\n").contains("∂price/∂(apple * count) = tax");
        robot.clickOn("#node-apple");
        assertThat(text(robot, "#inspectorText")).contains("∂price/∂apple = 2.2");
    }

    @Test
    void aFormulaWithAMistakeIsReportedAndTheGraphStays(FxRobot robot) {
        focusGraph(robot);
        robot.interact(() -> formulaBox(robot)
                .setText("x = 1\ny = x +* 2"));
        robot.clickOn("#runFormulaButton");
        waitFor(() -> !model.formulaErrorProperty().get().isEmpty());
        assertThat(text(robot, "#formulaError")).isEqualTo("line 2, column 8: unexpected '*'");
        assertThat(model.lesson().id()).isEqualTo("apple");
        assertThat(robot.lookup("#node-price").tryQuery()).isPresent();
    }

    @Test
    void pickingYourFormulaWhenItCannotBeDrawnSaysWhyAndThePickerStaysTrue(FxRobot robot) {
        focusGraph(robot);
        robot.interact(() -> formulaBox(robot).setText("x = 1\ny = x +* 2"));
        robot.clickOn("#sidebarToggle"); // the formula panel hidden
        waitFor(() -> robot.lookup("#formulaInput").tryQuery().isEmpty());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> picker = robot.lookup("#scenarioPicker").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> picker.setValue(MainView.FORMULA_ID));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(picker.getValue()).as("the picker names what is on screen").isEqualTo("apple");
        assertThat(model.lesson().id()).isEqualTo("apple");
        assertThat(robot.lookup("#formulaError").query().isVisible()).as("the panel opened to say why").isTrue();
        assertThat(robot.lookup("#formulaError").query().getScene()).isNotNull();
        assertThat(text(robot, "#formulaError")).isEqualTo("line 2, column 8: unexpected '*'");
    }

    @Test
    void anEditedFormulaSaysItIsNotDrawnYet(FxRobot robot) {
        focusGraph(robot);
        javafx.scene.control.TextArea box = formulaBox(robot);
        javafx.scene.Node edited = robot.lookup("#formulaEdited").query();
        assertThat(edited.isVisible()).as("apples' own formula, as it came").isFalse();
        robot.interact(() -> box.setText("x = 3\ny = x * x"));
        assertThat(edited.isVisible()).as("apples' formula, edited: the graph is still the example's").isTrue();
        assertThat(text(robot, "#formulaHeading")).as("edited, it is the user's").isEqualTo("Your formula");
        robot.clickOn("#runFormulaButton");
        waitFor(() -> model.lesson().id().equals("formula"));
        assertThat(edited.isVisible()).as("drawn").isFalse();
        robot.interact(() -> box.setText("x = 3\ny = x * x * x"));
        assertThat(edited.isVisible()).as("typed, not drawn").isTrue();
        drawWithCtrlEnter(robot);
        waitFor(() -> model.lesson().program().equals("x = 3\ny = x * x * x"));
        assertThat(edited.isVisible()).as("drawn again").isFalse();
    }

    @Test
    void anExampleBuiltFromAFormulaShowsItToEditAndTheUsersOwnFormulaIsKept(FxRobot robot) {
        focusGraph(robot);
        javafx.scene.control.TextArea box = formulaBox(robot);
        String apple = backprop.scenarios.Scenarios.program("apple").orElseThrow();
        assertThat(box.getText()).isEqualTo(apple);
        assertThat(text(robot, "#formulaHeading")).isEqualTo("This example's formula");
        // three apples instead of two: 100 × 3 × 1.1 = 330
        drawAndStepToTheEnd(robot, apple.replace("count = 2", "count = 3"), "#node-price");
        assertThat(text(robot, "#node-price .node-value")).isEqualTo("330");
        assertThat(text(robot, "#formulaHeading")).isEqualTo("Your formula");
        String mine = box.getText();
        // another example built from a formula shows its own; one that is not gives the box back
        robot.interact(() -> model.load("apple-orange"));
        waitFor(() -> model.lesson().id().equals("apple-orange"));
        assertThat(box.getText()).isEqualTo(backprop.scenarios.Scenarios.program("apple-orange").orElseThrow());
        robot.interact(() -> model.load("xor"));
        waitFor(() -> model.lesson().id().equals("xor"));
        assertThat(box.getText()).isEqualTo(mine);
        assertThat(text(robot, "#formulaHeading")).isEqualTo("Your formula");
        // "Your formula" in the picker, while an example's formula is shown, is the user's own
        robot.interact(() -> model.load("apple"));
        waitFor(() -> model.lesson().id().equals("apple") && box.getText().equals(apple));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> picker = robot.lookup("#scenarioPicker").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> picker.setValue(MainView.FORMULA_ID));
        waitFor(() -> model.lesson().id().equals("formula"));
        assertThat(model.lesson().program()).isEqualTo(mine);
        assertThat(box.getText()).as("the box says what is drawn").isEqualTo(mine);
        assertThat(text(robot, "#formulaHeading")).isEqualTo("Your formula");
        // text typed and not drawn is never replaced
        robot.interact(() -> box.setText("z = 5"));
        robot.interact(() -> model.load("apple"));
        waitFor(() -> model.lesson().id().equals("apple"));
        assertThat(box.getText()).isEqualTo("z = 5");
        assertThat(text(robot, "#formulaHeading")).isEqualTo("Your formula");
    }

    @Test
    void theFormulaBoxSaysTheValuesTypedIntoTheGraph(FxRobot robot) {
        focusGraph(robot);
        javafx.scene.control.TextArea box = formulaBox(robot);
        javafx.scene.Node edited = robot.lookup("#formulaEdited").query();
        String apple = backprop.scenarios.Scenarios.program("apple").orElseThrow();
        // three apples typed on the graph: the example's formula says so and is still what is drawn
        typeValue(robot, "count", "3");
        waitFor(() -> box.getText().equals(apple.replace("count = 2", "count = 3")));
        assertThat(text(robot, "#formulaHeading")).isEqualTo("This example's formula");
        assertThat(edited.isVisible()).isFalse();
        // so does the inspector's field for count, selected by the click (it had kept 2.0)
        javafx.scene.control.TextField field = robot.lookup("#inspectorValueField").queryAs(javafx.scene.control.TextField.class);
        waitFor(() -> field.getText().equals("3"));
        robot.interact(model::undo);
        waitFor(() -> box.getText().equals(apple));
        waitFor(() -> field.getText().equals("2"));
        // a typed formula follows too, and drawing it again keeps the value typed on the graph
        String mine = "x = 3\nparam w = 0.5\ny = w * x";
        robot.interact(() -> box.setText(mine));
        robot.clickOn("#runFormulaButton");
        waitFor(() -> model.lesson().id().equals("formula") && robot.lookup("#node-w").tryQuery().isPresent());
        typeValue(robot, "w", "0.25");
        waitFor(() -> box.getText().equals(mine.replace("0.5", "0.25")));
        assertThat(edited.isVisible()).isFalse();
        drawWithCtrlEnter(robot);
        waitFor(() -> model.lesson().program().equals(mine.replace("0.5", "0.25")));
        robot.interact(model::toEnd);
        waitFor(() -> robot.lookup("#node-y .node-value").tryQuery().isPresent() && text(robot, "#node-y .node-value").equals("0.75"));
        // text typed and not drawn stays when a value changes
        robot.interact(() -> box.setText("z = 5"));
        typeValue(robot, "w", "1");
        waitFor(() -> model.stateProperty().get().value(model.lesson().graph().byName("w").orElseThrow().id()).scalar() == 1);
        assertThat(box.getText()).isEqualTo("z = 5");
        assertThat(edited.isVisible()).isTrue();
    }

    @Test
    void theFormulaBoxWrapsALongLineAndShowsAShortFormulaWhole(FxRobot robot) {
        focusGraph(robot);
        javafx.scene.control.TextArea box = formulaBox(robot);
        // apples' formula, whose last line is 27 characters, in full: no scroll bar either way
        assertThat(box.lookupAll(".scroll-bar")).isNotEmpty().allSatisfy(bar -> assertThat(bar.isVisible())
                .as(((javafx.scene.control.ScrollBar) bar).getOrientation() + " scroll bar").isFalse());
        // apples and oranges' last line, 58 characters, is wider than the box: wrapped, the box as tall as the formula
        robot.interact(() -> model.load("apple-orange"));
        waitFor(() -> box.getText().equals(backprop.scenarios.Scenarios.program("apple-orange").orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(box.lookupAll(".scroll-bar")).isNotEmpty().allSatisfy(bar -> assertThat(bar.isVisible())
                .as(((javafx.scene.control.ScrollBar) bar).getOrientation() + " scroll bar").isFalse());
    }

    @Test
    void theInspectorScrollsRatherThanCutsALongText(FxRobot robot) {
        focusGraph(robot);
        robot.interact(() -> model.load("apple-orange"));
        waitFor(() -> model.lesson().id().equals("apple-orange") && model.moment() != null);
        int product = model.lesson().graph().byName("orange * orange_count").orElseThrow().id();
        robot.interact(() -> model.selectedNodeProperty().set(product)); // op, value, gradient, two local derivatives
        WaitForAsyncUtils.waitForFxEvents();
        Label body = robot.lookup("#inspectorText").queryAs(Label.class);
        assertThat(body.getText()).contains("∂(orange * orange_count)/∂orange_count");
        assertThat(body.getHeight()).as("every line laid out, none cut off")
                .isGreaterThanOrEqualTo(body.prefHeight(body.getWidth()) - 0.5);
    }

    @Test
    void aFormulasMistakeIsShownWholeUnderATallFormula(FxRobot robot) {
        focusGraph(robot);
        // in the smallest window the issue names, nine rows of formula, the values and the inspector below
        // fill the sidebar, and the message had been cut to one line ("line 12, column 12: expected the…")
        robot.interact(() -> {
            view.getScene().getWindow().setWidth(1024);
            view.getScene().getWindow().setHeight(700);
        });
        waitFor(() -> view.getWidth() <= 1024 && view.getHeight() <= 700);
        StringBuilder program = new StringBuilder();
        for (int i = 1; i <= 11; i++) {
            program.append("a").append(i).append(" = ").append(i).append('\n');
        }
        program.append("y = (a1 + 1");
        javafx.scene.control.TextArea box = formulaBox(robot);
        robot.interact(() -> box.setText(program.toString()));
        drawWithCtrlEnter(robot);
        waitFor(() -> !model.formulaErrorProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#formulaError").queryAs(Label.class);
        assertThat(error.getText()).startsWith("line 12, column 12: ");
        // (waited for: the first layout after the message appears may still be under way; cut off, it stays cut off)
        waitFor(() -> laidOutWhole(error));
        // mended, not drawn yet: the "Edited" line is whole too
        robot.interact(() -> box.setText(program + ")"));
        robot.interact(() -> model.runProgram(program + ")"));
        robot.interact(() -> box.setText(program + ") + a2 * a3 * a4 * a5 * a6 * a7 * a8 * a9 * a10"));
        WaitForAsyncUtils.waitForFxEvents();
        Label edited = robot.lookup("#formulaEdited").queryAs(Label.class);
        assertThat(edited.isVisible()).isTrue();
        waitFor(() -> laidOutWhole(edited));
    }

    /** Whether a wrapped label has the height its text needs at its width (a squeezed one is cut off with "…"). */
    private static boolean laidOutWhole(Label label) {
        return label.getHeight() >= label.prefHeight(label.getWidth()) - 0.5;
    }

    @Test
    void theArrowKeysStillStepAfterAClickInTheInspectorOrOnTheChainRule(FxRobot robot) {
        // (the training workspace: HiddenSidebarTest)
        focusGraph(robot);
        robot.clickOn("#node-price");
        waitFor(() -> text(robot, "#inspectorText").contains("price"));
        robot.clickOn("#inspectorText");
        robot.type(KeyCode.RIGHT);
        waitFor(() -> model.cursorProperty().get() == 1);
        robot.clickOn("#chainScroll");
        robot.type(KeyCode.RIGHT);
        waitFor(() -> model.cursorProperty().get() == 2);

    }

    /** Clicks a box's value on the graph, types {@code value} and Enter. */
    private void typeValue(FxRobot robot, String node, String value) {
        robot.interact(() -> view.graphView().fit()); // a graph just drawn is fitted on its first layout
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#node-" + node + " .node-value");
        waitFor(() -> robot.lookup("#editor-" + node).tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#editor-" + node).queryAs(javafx.scene.control.TextField.class).setText(value));
        robot.clickOn("#editor-" + node).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aTypedFormulaIsDrawnAndStepped(FxRobot robot) {
        focusGraph(robot);
        drawAndStepToTheEnd(robot, "x = 3\ny = x * x + x", "#node-y");
        assertThat(text(robot, "#node-y .node-value")).isEqualTo("12");
        assertThat(text(robot, "#node-x .node-grad")).isEqualTo("∂ 7");
    }

    /** Types {@code program} in the formula box, draws it with the button and steps to the end once {@code node} is drawn. */
    private void drawAndStepToTheEnd(FxRobot robot, String program, String node) {
        robot.interact(() -> formulaBox(robot).setText(program));
        robot.clickOn("#runFormulaButton");
        waitFor(() -> model.lesson().id().equals("formula") && robot.lookup(node).tryQuery().isPresent());
        robot.interact(() -> view.graphView().requestFocus());
        robot.type(KeyCode.END);
    }

    @Test
    void aBigFormulaIsBuiltOffTheFxThreadAndEveryViewJoins(FxRobot robot) {
        focusGraph(robot);
        // a small graph's text is drawn directly (sharpest); a big one's is kept as bitmaps (see Styles.cacheText)
        assertThat(robot.lookup("#node-price").query().isCache()).isFalse();
        // a1 = x + x = 2, a_k = a_(k-1) + x = k + 1: a59 = 60, and d a59 / dx = 60
        StringBuilder program = new StringBuilder("x = 1\na1 = x + x\n");
        for (int k = 2; k <= 59; k++) {
            program.append("a").append(k).append(" = a").append(k - 1).append(" + x\n");
        }
        robot.interact(() -> model.runProgram(program.toString()));
        waitFor(() -> model.lesson().id().equals("formula")
                && robot.lookup(".graph-node").queryAll().size() == 60 // 60 nodes, more than are built inline
                && robot.lookup("#node-a59").tryQuery().isPresent());
        assertThat(model.scene().boxes()).hasSizeGreaterThan(backprop.ui.graph.GraphView.BUILD_INLINE_UP_TO);
        robot.interact(() -> view.graphView().requestFocus());
        robot.type(KeyCode.END);
        assertThat(text(robot, "#node-a59 .node-value")).isEqualTo("60");
        assertThat(text(robot, "#node-x .node-grad")).isEqualTo("∂ 60");
        assertThat(robot.lookup(".graph-node").<javafx.scene.Node>queryAll()).allMatch(n -> n.isCache());
        assertThat(robot.lookup(".edge-label").<javafx.scene.Node>queryAll()).isNotEmpty().allMatch(n -> n.isCache());
        // while zooming the bitmaps are scaled, not redrawn each frame; once still they are drawn sharp again
        // (read in the same FX event as the zoom: the settling lasts 200 ms, which a busy test machine can spend waiting)
        boolean[] settling = {false};
        List<javafx.scene.CacheHint> hints = new java.util.ArrayList<>();
        robot.interact(() -> {
            view.graphView().zoomBy(1.1);
            settling[0] = view.graphView().zoomSettling();
            robot.lookup(".graph-node").<javafx.scene.Node>queryAll().forEach(n -> hints.add(n.getCacheHint()));
        });
        assertThat(settling[0]).isTrue();
        assertThat(hints).hasSize(60).containsOnly(javafx.scene.CacheHint.SCALE);
        waitFor(() -> !view.graphView().zoomSettling());
        assertThat(robot.lookup(".graph-node").<javafx.scene.Node>queryAll())
                .allMatch(n -> n.getCacheHint() == javafx.scene.CacheHint.QUALITY);
    }

    @Test
    void aFittedGraphStaysWholeWhileItCanBeReadWholeThenKeepsAReadableZoomOnTheStep(FxRobot robot) {
        focusGraph(robot);
        robot.type(KeyCode.END); // the last step, backward through apple * count (its chain rule sets the graph's height)
        GraphView graph = view.graphView();
        javafx.stage.Window stage = graph.getScene().getWindow();
        WaitForAsyncUtils.waitForFxEvents();
        double wide = graph.zoomFactor();
        double graphWidth = model.scene().layout().width();
        // narrower, but the whole graph can still be drawn at a readable zoom: it stays whole
        double halfway = (wide + GraphView.READABLE_ZOOM) / 2;
        robot.interact(() -> stage.setWidth(stage.getWidth() - graph.getWidth() + graphWidth * halfway / 0.96));
        waitFor(() -> graph.zoomFactor() < wide);
        assertThat(graph.zoomFactor()).isCloseTo(halfway, org.assertj.core.data.Offset.offset(0.01));
        assertWholeGraphInView(graph);
        // narrower than the whole graph at a readable zoom (as when the training workspace opens beside it):
        // the readable zoom, with the current step's box in view (its numbers are what the class reads)
        robot.interact(() -> stage.setWidth(stage.getWidth() - graph.getWidth() + graphWidth * 0.6));
        waitFor(() -> graph.getWidth() < graphWidth * 0.65);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph.zoomFactor()).isEqualTo(GraphView.READABLE_ZOOM);
        String current = model.scene().boxOf(model.moment().current().node()); // apple * count: an unnamed box
        assertBoxInView(robot, graph, "#node-" + current);
        // wide again: whole again (nobody zoomed)
        robot.interact(() -> stage.setWidth(1280));
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> graph.zoomFactor() == wide);
        assertWholeGraphInView(graph);
        // a zoom of the user's own is kept through a resize; F fits again
        robot.interact(() -> graph.zoomBy(1.5));
        double chosen = graph.zoomFactor();
        robot.interact(() -> stage.setWidth(760));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph.zoomFactor()).isEqualTo(chosen);
        robot.interact(() -> stage.setWidth(1280));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph.zoomFactor()).isEqualTo(chosen);
        robot.interact(graph::fit);
        assertThat(graph.zoomFactor()).isEqualTo(wide);
    }

    private static void assertWholeGraphInView(GraphView graph) {
        javafx.geometry.Bounds content = graph.contentBoundsInView();
        assertThat(content.getMinX()).isGreaterThanOrEqualTo(0);
        assertThat(content.getMaxX()).isLessThanOrEqualTo(graph.getWidth());
    }

    private static void assertBoxInView(FxRobot robot, GraphView graph, String box) {
        javafx.scene.Node n = robot.lookup(box).query();
        javafx.geometry.Bounds b = graph.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
        assertThat(b.getMinX()).as(box).isGreaterThanOrEqualTo(0);
        assertThat(b.getMaxX()).as(box).isLessThanOrEqualTo(graph.getWidth());
    }

    @Test
    void aBadSeedIsExplainedUntilAGoodOneIsUsed(FxRobot robot) {
        javafx.scene.control.TextField seed = robot.lookup("#seedField").queryAs(javafx.scene.control.TextField.class);
        String usual = seed.getTooltip().getText();
        robot.interact(() -> seed.setText("abc"));
        robot.interact(() -> robot.lookup("#randomizeButton").queryAs(javafx.scene.control.Button.class).fire());
        assertThat(seed.getTooltip().getText()).isEqualTo("The seed must be a whole number, not 'abc'");
        // said where it is seen, next to the field, and the values are kept
        Label error = robot.lookup("#seedError").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("The seed must be a whole number, not 'abc'; the weights stay");
        assertThat(model.canUndoProperty().get()).isFalse();
        robot.interact(() -> seed.setText("5"));
        robot.interact(() -> robot.lookup("#randomizeButton").queryAs(javafx.scene.control.Button.class).fire());
        assertThat(seed.getTooltip().getText()).isEqualTo(usual);
        assertThat(seed.getStyle()).isEmpty();
        assertThat(error.isVisible()).isFalse();
    }

    @Test
    void theChainRulePanelDoesNotRepaintAsOneBitmap(FxRobot robot) {
        // a ScrollPane's default skin caches its viewport: any change repaints all of it (see Scrolling)
        assertThat(robot.lookup("#chainRulePanel .viewport").query().isCache()).isFalse();
    }

    @Test
    void theNeuronViewDrawsUnitsWithWeightsOnTheEdges(FxRobot robot) {
        focusGraph(robot);
        robot.interact(() -> model.load("seed-221"));
        // a network opens in the neuron view; the toggle goes to the operations and back
        waitFor(() -> robot.lookup("#node-y3").tryQuery().isPresent() && robot.lookup("#node-w13").tryQuery().isEmpty());
        robot.clickOn("#opsViewButton");
        waitFor(() -> robot.lookup("#node-w13").tryQuery().isPresent());
        robot.clickOn("#neuronViewButton");
        waitFor(() -> robot.lookup("#node-y3").tryQuery().isPresent() && robot.lookup("#node-w13").tryQuery().isEmpty());
        robot.interact(() -> view.graphView().requestFocus());
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        assertThat(text(robot, "#node-y5 .node-value")).isEqualTo("0.69028");
        assertThat(robot.lookup(".edge-forward").queryAllAs(javafx.scene.text.Text.class).stream()
                .map(javafx.scene.text.Text::getText))
                .contains("w13 = 0.1", "w35 = 0.3");
    }

    @Test
    void xorsNeuronViewPutsEachWeightOnItsEdgeAndAStepLightsTheWholeLayer(FxRobot robot) {
        focusGraph(robot);
        robot.interact(() -> model.load("xor"));
        // a layer net opens as operations, as seed 003's graph figures draw it; Neurons is a click away
        waitFor(() -> robot.lookup("#node-W_hidden").tryQuery().isPresent());
        robot.clickOn("#neuronViewButton");
        waitFor(() -> robot.lookup("#node-W_hidden").tryQuery().isEmpty()
                && robot.lookup("#node-act_hidden").tryQuery().isPresent());
        // seed 003's weights, drawn here: uniform [0, 1) from the scenario's seed, W_hidden (2×3) row by row
        java.util.Random random = new java.util.Random(backprop.scenarios.Scenarios.XOR_SEED);
        double[] wHidden = new double[6];
        for (int k = 0; k < 6; k++) {
            wHidden[k] = random.nextDouble();
        }
        List<String> edgeTexts = robot.lookup(".edge-forward").queryAllAs(javafx.scene.text.Text.class).stream()
                .map(javafx.scene.text.Text::getText).toList();
        assertThat(edgeTexts).contains(
                "W_hidden[1,2] = " + backprop.ui.text.Numbers.label(backprop.engine.Tensor.scalar(wHidden[1])),
                "W_hidden[2,3] = " + backprop.ui.text.Numbers.label(backprop.engine.Tensor.scalar(wHidden[5])));

        // the first step computes z_hidden = X·W_hidden: all three hidden units light up
        robot.interact(() -> view.graphView().requestFocus());
        robot.type(KeyCode.RIGHT);
        javafx.css.PseudoClass forward = javafx.css.PseudoClass.getPseudoClass("forward");
        waitFor(() -> robot.lookup(".graph-node").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(forward)).count() == 3);
    }

    @Test
    void thePickerShowsTheLessonsTitleAndItsListTheIdsTheCommandLineUses(FxRobot robot) {
        focusGraph(robot);
        javafx.scene.control.ComboBox<?> picker = robot.lookup("#scenarioPicker").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(picker.getButtonCell().getText()).isEqualTo("Buying apples"); // not cut off as "Buying apples  (ap…"
        robot.clickOn("#scenarioPicker");
        List<String> items = robot.lookup(".combo-box-popup .list-cell").queryAllAs(javafx.scene.control.ListCell.class)
                .stream().map(javafx.scene.control.ListCell::getText).toList();
        assertThat(items).contains("2-2-1 sigmoid network  (seed-221)", "XOR  (xor)");
        robot.type(KeyCode.ESCAPE);
    }

    private static java.util.Set<Label> travelling(FxRobot robot) {
        java.util.Set<Label> shown = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        robot.lookup(".token").queryAllAs(Label.class).stream().filter(javafx.scene.Node::isVisible).forEach(shown::add);
        return shown;
    }

    @Test
    void theValuesThatTravelAreTheStepsNumbersOnLabelsUsedAgain(FxRobot robot) {
        focusGraph(robot);
        robot.type(KeyCode.RIGHT); // apple * count: 100 and 2 travel to it
        waitFor(() -> travelling(robot).size() == 2);
        java.util.Set<Label> first = travelling(robot);
        assertThat(first).extracting(Label::getText).containsExactlyInAnyOrder("100", "2");
        waitFor(() -> travelling(robot).isEmpty()); // arrived
        robot.type(KeyCode.RIGHT); // price = 200 × 1.1
        waitFor(() -> travelling(robot).size() == 2);
        java.util.Set<Label> second = travelling(robot);
        assertThat(second).extracting(Label::getText).containsExactlyInAnyOrder("200", "1.1");
        // the same two labels: a new label costs a CSS pass and a skin, in the pulse of the step
        assertThat(second).allMatch(first::contains);
    }

    @Test
    void choosingAnElementWhileValuesTravelLetsThemArrive(FxRobot robot) {
        robot.interact(() -> model.load("xor"));
        waitFor(() -> model.lesson().id().equals("xor") && robot.lookup("#node-W_hidden").tryQuery().isPresent());
        robot.interact(() -> model.speedProperty().set(0.25)); // a journey of ~1.2 s
        robot.interact(() -> view.graphView().requestFocus());
        robot.type(KeyCode.RIGHT); // z_hidden = X·W_hidden: X and W_hidden travel
        waitFor(() -> travelling(robot).size() == 2);
        java.util.Set<Label> onTheirWay = travelling(robot);
        int wHidden = model.lesson().graph().byName("W_hidden").orElseThrow().id();
        robot.interact(() -> {
            model.selectedNodeProperty().set(wHidden);
            model.selectedElementProperty().set(4); // W_hidden[2,2]: the chain rule writes its entry
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.moment().applied()).isEqualTo(1);
        assertThat(travelling(robot)).isEqualTo(onTheirWay); // not parked at their ends by the new moment
    }

    @Test
    void afterItsUpdateABiasLineInTheNeuronViewSaysWhatItsBoxSays(FxRobot robot) {
        robot.interact(() -> model.load("affine-sigmoid"));
        waitFor(() -> model.lesson().id().equals("affine-sigmoid") && model.scene() != null);
        robot.interact(() -> model.viewModeProperty().set(backprop.ui.graph.ViewMode.NEURONS));
        waitFor(() -> model.scene().mode() == backprop.ui.graph.ViewMode.NEURONS && robot.lookup("#node-b").tryQuery().isPresent());
        robot.interact(() -> model.cursorProperty().set(model.trace().size())); // after the updates
        WaitForAsyncUtils.waitForFxEvents();
        // seed 004: y2 = σ(1·(−1.07906824) + 2·(−0.42675882) + 0.2913231); b ← b − 0.1·y2(1 − y2)
        double y2 = 1 / (1 + Math.exp(-(-1.07906824 - 2 * 0.42675882 + 0.2913231)));
        String updated = backprop.ui.text.Numbers.label(0.2913231 - 0.1 * y2 * (1 - y2));
        assertThat(updated).isEqualTo("0.27773");
        assertThat(text(robot, "#node-b .node-value")).isEqualTo(updated);
        List<String> onLines = robot.lookup(".edge-forward").queryAll().stream()
                .map(n -> ((javafx.scene.text.Text) n).getText()).toList();
        assertThat(onLines).contains(updated).doesNotContain("0.29132");
    }

    @Test
    void aDisabledNeuronsButtonSaysWhyOnHover(FxRobot robot) {
        robot.interact(() -> model.load("softmax-ce"));
        waitFor(() -> model.scene() != null && model.scene().graph().size() > 5);
        assertThat(robot.lookup("#neuronViewButton").query().isDisabled()).isTrue();
        robot.moveTo("#neuronViewHolder");
        waitFor(() -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing() && t.getText().contains("at most 48 weights")));

        robot.moveTo("#graphView");
        robot.interact(() -> model.load("seed-221")); // a net of units: the button works, and needs no excuse
        waitFor(() -> model.scene() != null && model.scene().graph().byName("w13").isPresent());
        assertThat(robot.lookup("#neuronViewButton").query().isDisabled()).isFalse();
        robot.moveTo("#neuronViewHolder");
        org.testfx.util.WaitForAsyncUtils.sleep(1500, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(javafx.stage.Window.getWindows().stream()
                .noneMatch(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing() && t.getText().startsWith("No neuron view"))).isTrue();
    }

    @Test
    void inTheNeuronViewTheStepsLinesStandOutFromTheWeightsColours(FxRobot robot) {
        focusGraph(robot);
        robot.interact(() -> model.load("seed-221"));
        waitFor(() -> robot.lookup("#node-y3").tryQuery().isPresent() && robot.lookup("#node-w13").tryQuery().isEmpty());
        javafx.css.PseudoClass backward = javafx.css.PseudoClass.getPseudoClass("backward");
        // the lines of the step (lit) or the weight lines besides them (coloured by their weight)
        java.util.function.Function<Boolean, List<Double>> opacities = lit -> robot.lookup(".graph-edge").queryAll().stream()
                .filter(g -> g.getPseudoClassStates().contains(backward) == lit)
                .map(g -> ((javafx.scene.Parent) g).lookup(".edge-line"))
                .filter(line -> lit || line.getStyle().contains("-fx-opacity"))
                .map(javafx.scene.Node::getOpacity).toList();
        // before any step the weights are drawn at full strength: the largest (w45 = 0.9) opaque
        assertThat(opacities.apply(false)).anyMatch(o -> o > 0.95);
        robot.interact(() -> model.cursorProperty().set(26)); // backward through w23·x2: w23 gets its gradient
        waitFor(() -> !opacities.apply(true).isEmpty());
        assertThat(opacities.apply(true)).allMatch(o -> o == 1.0);
        // a weight line as red as the step's (w45, positive and largest) is faded while a step is shown
        assertThat(opacities.apply(false)).allMatch(o -> o <= 0.5);
    }

    @Test
    void drawingTheTypedFormulaLeavesTheCaretWhereItWas(FxRobot robot) {
        focusGraph(robot);
        javafx.scene.control.TextArea box = formulaBox(robot);
        robot.interact(() -> {
            box.setText("x = 3\ny = x * x + x");
            box.positionCaret(7); // on the second line, where the teacher is editing
        });
        robot.clickOn("#runFormulaButton");
        waitFor(() -> model.lesson().id().equals("formula") && robot.lookup("#node-y").tryQuery().isPresent());
        assertThat(box.getCaretPosition()).isEqualTo(7);
        assertThat(box.getText()).isEqualTo("x = 3\ny = x * x + x");
    }

    @Test
    void aProgramAskedForReachesTheFormulaBoxAtOnceNotWhenItsGraphIsReady(FxRobot robot) {
        focusGraph(robot);
        javafx.scene.control.TextArea box = formulaBox(robot);
        String program = "a = 2\nb = a * a";
        String[] seen = new String[2];
        robot.interact(() -> {
            model.runProgram(program); // as a lesson file would: the box did not hold it
            seen[0] = box.getText();
            seen[1] = model.lesson().id(); // the graph is recorded on the worker: not shown yet
        });
        assertThat(seen[0]).isEqualTo(program);
        assertThat(seen[1]).isEqualTo("apple");
        waitFor(() -> model.lesson().id().equals("formula"));
        assertThat(box.getText()).isEqualTo(program);
    }
}

package backprop.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.UpdateOrder;
import backprop.ui.App;
import backprop.ui.model.LessonModel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
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

/** The training panel on its own stage, used as a teacher would: typing settings, clicking, reading the chart. */
@ExtendWith(ApplicationExtension.class)
class TrainingPanelTest {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final ExecutorService trainer = Executors.newSingleThreadExecutor();
    private LessonModel lesson;
    private TrainingModel model;
    private TrainingPanel panel;

    @Start
    void start(Stage stage) {
        lesson = new LessonModel(worker, Platform::runLater);
        model = new TrainingModel(lesson, trainer, Platform::runLater);
        panel = new TrainingPanel(model);
        stage.setScene(App.createScene(panel, 720, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
        trainer.shutdownNow();
    }

    private static void waitFor(BooleanSupplier condition) {
        backprop.ui.FxWait.until(condition);
    }

    private void load(FxRobot robot, Runnable loading) {
        robot.interact(loading);
        waitFor(() -> lesson.lesson() != null && lesson.stateProperty().get() != null);
    }

    @Test
    void anAlternativeViewTakesTheChartsPlaceOnlyWhileItApplies(FxRobot robot) {
        javafx.beans.property.BooleanProperty applies = new javafx.beans.property.SimpleBooleanProperty(false);
        javafx.scene.control.Label boundary = new javafx.scene.control.Label("boundary");
        boundary.setId("altView");
        robot.interact(() -> panel.addAlternativeView("Output over the plane", boundary, applies));
        // a lesson without 2-D data: the chart, no switch
        assertThat(shown(robot, "#lossChart")).isTrue();
        assertThat(shown(robot, "#altView")).isFalse();
        assertThat(shown(robot, "#alternativeViewButton")).isFalse();
        // one with it: the switch appears and the view is shown first
        robot.interact(() -> applies.set(true));
        assertThat(shown(robot, "#alternativeViewButton")).isTrue();
        assertThat(shown(robot, "#altView")).isTrue();
        assertThat(shown(robot, "#lossChart")).isFalse();
        robot.clickOn("#lossViewButton");
        assertThat(shown(robot, "#lossChart")).isTrue();
        assertThat(shown(robot, "#altView")).isFalse();
        robot.clickOn("#lossViewButton"); // clicking the chosen one again keeps it chosen
        assertThat(shown(robot, "#lossChart")).isTrue();
        robot.clickOn("#alternativeViewButton");
        assertThat(shown(robot, "#altView")).isTrue();
        robot.interact(() -> applies.set(false));
        assertThat(shown(robot, "#lossChart")).isTrue();
        assertThat(shown(robot, "#altView")).isFalse();
    }

    /** Types a value into a field as a teacher does: click, select all, type, Enter. */
    private static void type(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
        robot.type(KeyCode.ENTER);
    }

    /** Whether a control and every parent up to the scene are visible. */
    private static boolean shown(FxRobot robot, String id) {
        for (javafx.scene.Node n = robot.lookup(id).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void seed000SgdEagerUntil1e7DrawsItsCurveOf111Points(FxRobot robot) {
        load(robot, () -> lesson.load("seed-221"));
        ComboBox<String> optimizer = robot.lookup("#optimizerChoice").queryComboBox();
        assertThat(optimizer.getValue()).isEqualTo("sgd");
        type(robot, "#learningRateField", "1");
        robot.interact(() -> robot.lookup("#updateOrderChoice").<UpdateOrder>queryComboBox().setValue(UpdateOrder.EAGER));
        type(robot, "#untilLossField", "1e-7");
        assertThat(model.untilLossProperty().get()).isEqualTo(1e-7);
        assertThat(lesson.updateOrderProperty().get()).isEqualTo(UpdateOrder.EAGER);

        robot.clickOn("#runUntilButton");
        LossChart chart = robot.lookup("#lossChart").queryAs(LossChart.class);
        waitFor(() -> !model.isRunning() && chart.pointCount() == 111);

        assertThat(chart.pointCount()).isEqualTo(111);
        assertThat(model.runs()).hasSize(1);
        assertThat(text(robot, "#trainingStatus")).contains("iteration 111");
        assertThat(robot.lookup("#divergenceMessage").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup(".chart-legend-item").queryAs(Label.class).getText()).isEqualTo("SGD lr=1 · eager");

        // hovering the last point shows its iteration and loss
        Run run = model.runs().get(0);
        Point2D last = chart.pointOnScreen(run, 111);
        assertThat(last).isNotNull();
        robot.moveTo(last);
        Label hover = robot.lookup("#chartHover").queryAs(Label.class);
        waitFor(hover::isVisible);
        assertThat(hover.getText()).isEqualTo(LossChart.hoverText(111, run.lossAt(111))).startsWith("iteration 111\nloss 9.257e");

        // clicking an earlier point restores its weights (undoable)
        robot.clickOn(chart.pointOnScreen(run, 40));
        waitFor(() -> model.positionProperty().get() != null && model.positionProperty().get().iteration() != 111);
        int picked = model.positionProperty().get().iteration();
        assertThat(picked).isBetween(35, 45);
        assertThat(lesson.latestState()).isEqualTo(run.stateNear(picked).state());
        assertThat(lesson.canUndoProperty().get()).isTrue();

        // the log scale can be switched off
        assertThat(chart.logScaleProperty().get()).isTrue();
        robot.clickOn("#logScaleToggle");
        assertThat(chart.logScaleProperty().get()).isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.pointCount()).isEqualTo(111);
    }

    @Test
    void aDivergingProgramPausesWithTheMessageAndKeepsTheLastFiniteWeight(FxRobot robot) {
        load(robot, () -> lesson.runProgram("param w = 2; loss = w^2"));
        type(robot, "#learningRateField", "5");
        type(robot, "#iterationsField", "100");
        robot.clickOn("#runIterationsButton");
        waitFor(() -> !model.isRunning() && !model.divergence().isEmpty());

        Label message = robot.lookup("#divergenceMessage").queryAs(Label.class);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).contains("diverged").contains("weights of iteration 4");
        assertThat(text(robot, "#trainingStatus")).contains("Paused");
        int w = lesson.lesson().graph().byName("w").orElseThrow().id();
        assertThat(lesson.latestState().value(w).scalar()).isEqualTo(-1458.0);
        assertThat(robot.lookup("#runIterationsButton").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#pauseButton").queryButton().isDisabled()).isTrue();
    }

    @Test
    void aBadLearningRateSpringsBackWithAMessage(FxRobot robot) {
        load(robot, () -> lesson.load("seed-221"));
        type(robot, "#learningRateField", "fast");
        Label error = robot.lookup("#settingsError").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("Learning rate").contains("fast");
        assertThat(robot.lookup("#learningRateField").queryAs(TextField.class).getText()).isEqualTo("1");
        assertThat(model.learningRateProperty().get()).isEqualTo(1.0);
    }

    @Test
    void aRefusedIterationCountTypedThenRunWithoutEnterSaysSoAndDoesNotRun(FxRobot robot) {
        load(robot, () -> lesson.load("seed-221"));
        TextField n = robot.lookup("#iterationsField").queryAs(TextField.class);
        robot.clickOn(n);
        robot.interact(n::clear);
        robot.write("20000000"); // over the 10,000,000 allowed
        robot.clickOn("#runIterationsButton"); // no Enter
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#settingsError").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("10,000,000").contains("2e7");
        assertThat(model.runs()).isEmpty();
        assertThat(model.isRunning()).isFalse();
        // a good count typed and run the same way is taken and run
        robot.clickOn(n);
        robot.interact(n::clear);
        robot.write("5");
        robot.clickOn("#runIterationsButton");
        waitFor(() -> !model.isRunning() && model.runs().size() == 1);
        assertThat(model.iterationsProperty().get()).isEqualTo(5);
        assertThat(model.runs().get(0).size()).isEqualTo(6); // iteration 1's loss and one after each of 5 updates
    }

    @Test
    void onlyTheChosenOptimizersSettingsAreShown(FxRobot robot) {
        load(robot, () -> lesson.load("seed-221"));
        assertThat(shown(robot, "#momentumField")).isFalse();
        robot.interact(() -> robot.lookup("#optimizerChoice").<String>queryComboBox().setValue("adam"));
        for (String id : new String[] {"#learningRateField", "#betaField", "#beta2Field", "#epsField"}) {
            assertThat(shown(robot, id)).as(id).isTrue();
        }
        assertThat(shown(robot, "#momentumField")).isFalse();
        assertThat(robot.lookup("#learningRateField").queryAs(TextField.class).getText()).isEqualTo("0.001");
        assertThat(lesson.optimizerProperty().get().name()).isEqualTo("adam");
    }

    @Test
    void fiftyThousandXorEpochsTrainWithTheChartLiveAndTheWindowDrawing(FxRobot robot) {
        load(robot, () -> lesson.load("xor"));
        assertThat(model.iterationsProperty().get()).isEqualTo(50_000);
        LossChart chart = robot.lookup("#lossChart").queryAs(LossChart.class);
        FrameGaps frames = new FrameGaps();
        robot.interact(frames::start);
        robot.interact(model::runIterations);
        waitFor(() -> !model.isRunning());
        robot.interact(frames::stop);
        waitFor(() -> chart.pointCount() == 50_001);

        // how fast is measured by the bench-ui command (docs/benchmarks.md), not asserted here
        assertThat(chart.maxVerticesPerRun()).isLessThanOrEqualTo((int) Math.ceil(chart.plotWidth()) + 1);
        assertThat(frames.count).as("the window kept drawing frames while training").isGreaterThan(2);
        assertThat(text(robot, "#trainingStatus")).startsWith("Done: 50,000 updates in ").contains("at iteration 50,001");
    }

    /** Counts pulses and the longest pause between them while training runs. */
    private static final class FrameGaps extends AnimationTimer {
        int count;
        long last;
        long maxGapNanos;

        @Override
        public void handle(long now) {
            if (last != 0) {
                maxGapNanos = Math.max(maxGapNanos, now - last);
            }
            last = now;
            count++;
        }
    }
}

package backprop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The sweep of {@link StepSweep} in the window as the app has it, with the training workspace beside
 * a narrower graph (where the neuron view's follow had once thrown at XOR's weight update).
 */
@ExtendWith(ApplicationExtension.class)
class TrainingWindowSweepTest {
    private WindowUnderTest window;

    @Start
    void start(Stage stage) {
        window = WindowUnderTest.showWithTraining(stage, "apple");
    }

    @AfterEach
    void stop() {
        window.close();
    }

    @Test
    void everyStepOfEveryLessonBesideTheTrainingWorkspace(FxRobot robot) throws Exception {
        FxWait.until(() -> window.model.moment() != null);
        // a graph view 870 × 330 beside the workspace and under a tall chain rule (XOR's matrices) can have
        // numbers end to end along an edge: there an arrow may cover one, never a box
        assertThat(StepSweep.everyStepOfEveryLesson(robot, window.model, false)).isEmpty();
    }
}

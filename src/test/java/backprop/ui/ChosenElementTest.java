package backprop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.ui.model.LessonModel;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The chain-rule panel keeps the line written for the chosen element in sight. */
@ExtendWith(ApplicationExtension.class)
class ChosenElementTest {
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

    @Test
    void theChosenWeightsEntryIsScrolledIntoSight(FxRobot robot) {
        FxWait.until(() -> model.moment() != null && model.moment().trace().graph() == model.lesson().graph());
        int w = model.lesson().graph().byName("W_hidden").orElseThrow().id();
        int step = TraceSteps.reaching(model.trace(), w);
        robot.interact(() -> {
            model.selectedNodeProperty().set(w);
            model.selectedElementProperty().set(1 * 3 + 1); // W_hidden[2,2]
            model.cursorProperty().set(step);
        });
        // the step writes X^T·∂E/∂z whole, then W_hidden[2,2]'s sum of products last: under the fold
        java.util.List<String> lines = model.moment().explanation().lines();
        assertThat(model.moment().explanation().focusLine()).isEqualTo(lines.size() - 1);
        assertThat(lines.get(lines.size() - 1)).contains("\\right]_{2,2} = \\sum_{n}");
        ScrollPane area = robot.lookup("#chainScroll").queryAs(ScrollPane.class);
        // taller than the panel, and scrolled down to (within a few pixels of) its last line's bottom
        FxWait.until(() -> {
            double content = area.getContent().getLayoutBounds().getHeight();
            double seen = area.getViewportBounds().getHeight();
            return content > seen + 40 && area.getVvalue() * (content - seen) + seen >= content - 8;
        });
    }
}

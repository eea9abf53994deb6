package backprop.ui.chain;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.ui.model.LessonModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A step that arrives while the app closes (its formula renderer already stopped) draws nothing and throws nothing. */
@ExtendWith(ApplicationExtension.class)
class ChainRulePanelClosingTest {
    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void aStepAfterTheRendererStoppedIsShownAsTextWithoutAFormula() throws Exception {
        ExecutorService renderer = Executors.newSingleThreadExecutor();
        renderer.shutdownNow(); // as App.stop() leaves it
        CompletableFuture<String> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                LessonModel model = new LessonModel(Runnable::run, Runnable::run);
                ChainRulePanel panel = new ChainRulePanel(model, renderer);
                model.load("apple");
                model.stepForward();
                shown.complete(panel.texProperty().get());
            } catch (RuntimeException e) {
                shown.completeExceptionally(e);
            }
        });
        assertThat(shown.get(10, TimeUnit.SECONDS)).contains("100 \\cdot 2 = 200");
    }
}

package backprop.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ScrollingTest {
    private ScrollPane plain;
    private ScrollPane uncached;

    @Start
    void start(Stage stage) {
        plain = new ScrollPane(new Label("plain"));
        uncached = Scrolling.uncachedScrollPane(new Label("changes every frame"));
        stage.setScene(new Scene(new HBox(plain, uncached), 400, 200));
        stage.show();
    }

    @Test
    void theViewportOfAnUncachedScrollPaneIsNotABitmap(FxRobot robot) {
        // the premise: the default skin caches its viewport (if JavaFX stops doing so, the helper can go)
        assertThat(plain.lookup(".viewport").isCache()).isTrue();
        assertThat(uncached.lookup(".viewport").isCache()).isFalse();
        assertThat(((Label) uncached.getContent()).getText()).isEqualTo("changes every frame");
    }
}

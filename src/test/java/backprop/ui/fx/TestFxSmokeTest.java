package backprop.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Proves that TestFX can click and type in a real (Monocle headless) stage under plain {@code mvn test}. */
@ExtendWith(ApplicationExtension.class)
class TestFxSmokeTest {

    private final AtomicInteger rightPresses = new AtomicInteger();
    private Label greeting;

    @Start
    void start(Stage stage) {
        greeting = new Label("waiting");
        greeting.setId("greeting");
        Button hello = new Button("Hello");
        hello.setId("hello");
        hello.setOnAction(event -> greeting.setText("clicked"));

        Scene scene = new Scene(new VBox(10, hello, greeting), 240, 120);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.RIGHT) {
                rightPresses.incrementAndGet();
            }
        });
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void clickingTheButtonChangesTheLabel(FxRobot robot) {
        robot.clickOn("#hello");

        assertThat(robot.lookup("#greeting").queryAs(Label.class).getText()).isEqualTo("clicked");
    }

    @Test
    void typedKeysReachTheSceneHandler(FxRobot robot) {
        robot.clickOn("#hello");
        robot.type(KeyCode.RIGHT, 2);

        assertThat(rightPresses).hasValue(2);
    }
}

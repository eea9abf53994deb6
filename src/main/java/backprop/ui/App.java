package backprop.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop app. */
public final class App extends Application {

    public static void launchApp(String[] args) {
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Backprop Visualizer");
        stage.setScene(new Scene(new Label("Backprop Visualizer"), 1280, 800));
        stage.show();
    }
}

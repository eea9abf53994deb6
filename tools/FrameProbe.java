import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The machine's own frame pacing, for comparison with bench-ui: a bare 1280×800 window whose label
 * changes every frame, measured for 5 s after 3 s, optionally beside a thread that computes for
 * ~2.7 ms and parks 14 ms each frame, as the app's trainer does (-Dbusy=true).
 *   java -Dprism.order=sw -Dbusy=true -cp target/backprop-visualizer.jar tools/FrameProbe.java
 * Prints the frames per second, the frames more than 20 ms after the one before, and the longest gap.
 */
public final class FrameProbe {
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        static volatile double sink;

        @Override
        public void start(Stage stage) {
            Label label = new Label("0");
            label.setStyle("-fx-font-size: 40px");
            stage.setScene(new Scene(new StackPane(label), 1280, 800));
            stage.show();
            boolean busy = Boolean.getBoolean("busy");
            if (busy) {
                Thread t = new Thread(() -> {
                    double x = 0;
                    long last = System.nanoTime();
                    while (true) {
                        for (int i = 0; i < 1000; i++) {
                            x += Math.sqrt(i);
                        }
                        sink = x;
                        long now = System.nanoTime();
                        if (now - last >= 16_000_000L) {
                            last = now;
                            Platform.runLater(() -> { });
                            java.util.concurrent.locks.LockSupport.parkNanos(14_000_000L);
                        }
                    }
                }, "busy");
                t.setDaemon(true);
                t.start();
            }
            new AnimationTimer() {
                long from;
                long last;
                int frames;
                int late;
                double longest;

                @Override
                public void handle(long now) {
                    if (from == 0) {
                        from = now + 3_000_000_000L;
                    }
                    if (now < from) {
                        last = now;
                        return;
                    }
                    double gap = (now - last) / 1e6;
                    last = now;
                    frames++;
                    late += gap > 20 ? 1 : 0;
                    longest = Math.max(longest, gap);
                    label.setText(Integer.toString(frames));
                    if (now - from > 5_000_000_000L) {
                        System.out.printf("busy=%s frames %d (%.1f/s), late %d, longest %.1f ms%n",
                                busy, frames, frames / 5.0, late, longest);
                        Platform.exit();
                    }
                }
            }.start();
        }
    }
}

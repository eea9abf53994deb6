package backprop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The start-up rehearsal plays its whole script off-screen, and waits while the class watches something. */
@ExtendWith(ApplicationExtension.class)
class RehearsalTest {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final ExecutorService trainer = Executors.newSingleThreadExecutor();
    private final ExecutorService latex = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) {
        stage.show(); // a showing window keeps the toolkit pulsing
    }

    @AfterEach
    void stopThreads() {
        worker.shutdownNow();
        trainer.shutdownNow();
        latex.shutdownNow();
    }

    @Test
    void itPlaysToTheEndWhenNothingElseMoves() throws Exception {
        CompletableFuture<Double> done = new CompletableFuture<>();
        Platform.runLater(() -> Rehearsal.start(worker, trainer, latex, 0, () -> false, done::complete));
        double seconds = done.get(60, TimeUnit.SECONDS);
        assertThat(seconds).isPositive();
        assertThat(Rehearsal.chartSnapshotsOfLast).as("the chart drawn while it trained").isPositive();
    }

    @Test
    void theAppIsBusyWhileALessonLoadsPlaysOrTrains() throws Exception {
        java.util.ArrayDeque<Runnable> recording = new java.util.ArrayDeque<>();
        AtomicBoolean training = new AtomicBoolean();
        CompletableFuture<java.util.List<Boolean>> seen = new CompletableFuture<>();
        Platform.runLater(() -> {
            backprop.ui.model.LessonModel model = new backprop.ui.model.LessonModel(recording::add, Runnable::run);
            java.util.function.BooleanSupplier busy = Rehearsal.busy(model,
                    new backprop.ui.graph.GraphView(model), training::get);
            java.util.List<Boolean> states = new java.util.ArrayList<>();
            states.add(busy.getAsBoolean()); // nothing yet
            model.load("apple");
            states.add(busy.getAsBoolean()); // recorded on the worker, not shown
            recording.poll().run();
            states.add(busy.getAsBoolean()); // shown, its few views joined at once
            model.playingProperty().set(true);
            states.add(busy.getAsBoolean());
            model.playingProperty().set(false);
            training.set(true);
            states.add(busy.getAsBoolean());
            seen.complete(states);
        });
        assertThat(seen.get(10, TimeUnit.SECONDS)).containsExactly(false, true, false, true, true);
    }

    @Test
    void aKeyOrMouseEventMakesItWaitASecond() throws Exception {
        CompletableFuture<java.util.function.BooleanSupplier> made = new CompletableFuture<>();
        CompletableFuture<java.util.List<Boolean>> seen = new CompletableFuture<>();
        Platform.runLater(() -> {
            javafx.scene.layout.Pane root = new javafx.scene.layout.Pane();
            javafx.scene.Scene scene = new javafx.scene.Scene(root, 100, 100);
            java.util.function.BooleanSupplier busy = Rehearsal.busyOrRecentInput(scene, () -> false);
            java.util.List<Boolean> states = new java.util.ArrayList<>();
            states.add(busy.getAsBoolean()); // no input yet
            javafx.event.Event.fireEvent(root, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED,
                    "", "", javafx.scene.input.KeyCode.RIGHT, false, false, false, false));
            states.add(busy.getAsBoolean()); // a key just now
            seen.complete(states);
            made.complete(busy);
        });
        assertThat(seen.get(10, TimeUnit.SECONDS)).containsExactly(false, true);
        Thread.sleep(Rehearsal.INPUT_QUIET_NANOS / 1_000_000 + 200);
        assertThat(made.get().getAsBoolean()).as("a second later it may go on").isFalse();
    }

    @Test
    void itWaitsWhileSomethingPlaysAndGoesOnAfterwards() throws Exception {
        AtomicBoolean playing = new AtomicBoolean(true);
        CompletableFuture<Double> done = new CompletableFuture<>();
        CompletableFuture<java.util.function.BooleanSupplier> started = new CompletableFuture<>();
        Platform.runLater(() -> started.complete(Rehearsal.start(worker, trainer, latex, 0, playing::get, done::complete)));
        Thread.sleep(1500);
        assertThat(started.get(5, TimeUnit.SECONDS).getAsBoolean()).as("nothing is rehearsed while the class watches")
                .isFalse();
        playing.set(false);
        assertThat(done.get(60, TimeUnit.SECONDS)).isPositive();
    }

    /**
     * How long the rehearsal's first training run kept the trainer, the class getting busy as it began
     * (or never). The run is held at its start until the rehearsal has seen two pulses with the class
     * busy: it checks once a pulse, and under a loaded machine's late pulses a ~200 ms run could end
     * before the first of them (the test had failed so, once, in a full build).
     */
    private double firstRunMillis(boolean classGetsBusy) throws Exception {
        AtomicBoolean busy = new AtomicBoolean();
        CompletableFuture<Void> trainingStarted = new CompletableFuture<>();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        CompletableFuture<Double> runMillis = new CompletableFuture<>();
        java.util.concurrent.Executor watched = task -> trainer.execute(() -> {
            trainingStarted.complete(null);
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long from = System.nanoTime();
            task.run();
            runMillis.complete((System.nanoTime() - from) / 1e6);
        });
        CompletableFuture<Double> done = new CompletableFuture<>();
        Platform.runLater(() -> Rehearsal.start(worker, watched, latex, 0, busy::get, done::complete));
        trainingStarted.get(60, TimeUnit.SECONDS);
        busy.set(classGetsBusy);
        if (classGetsBusy) {
            pulses(2);
        }
        go.countDown();
        double millis = runMillis.get(60, TimeUnit.SECONDS);
        assertThat(done.get(60, TimeUnit.SECONDS)).as("and it ends").isPositive();
        return millis;
    }

    /** Waits until the FX thread has run {@code n} more pulses (every animation timer runs in each). */
    private static void pulses(int n) throws Exception {
        java.util.concurrent.CountDownLatch seen = new java.util.concurrent.CountDownLatch(n);
        javafx.animation.AnimationTimer[] timer = new javafx.animation.AnimationTimer[1];
        Platform.runLater(() -> {
            timer[0] = new javafx.animation.AnimationTimer() {
                @Override
                public void handle(long now) {
                    seen.countDown();
                }
            };
            timer[0].start();
        });
        assertThat(seen.await(60, TimeUnit.SECONDS)).isTrue();
        Platform.runLater(() -> timer[0].stop());
    }

    @Test
    void itsTrainingRunStopsWhenTheClassNeedsTheTrainer() throws Exception {
        // the trainer runs one job at a time: a class's run would otherwise wait for the rehearsal's.
        // Measured against a whole run on the same machine (that one first, colder: it takes longer)
        double whole = firstRunMillis(false);
        double stopped = firstRunMillis(true);
        assertThat(stopped).as("ms the class's run waited, against %.0f ms for the whole run", whole)
                .isLessThan(whole / 4);
    }
}

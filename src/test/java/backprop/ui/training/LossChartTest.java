package backprop.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Optimizer;
import backprop.engine.UpdateOrder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** New points are drawn at once, without laying the window out again. */
@ExtendWith(ApplicationExtension.class)
class LossChartTest {
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private LossChart chart;
    private VBox window;

    @Start
    void start(Stage stage) {
        chart = new LossChart();
        chart.setRuns(runs);
        window = new VBox(chart);
        stage.setScene(new Scene(window, 500, 400));
        stage.show();
    }

    @Test
    void newPointsAreDrawnWithoutALayoutOfTheWindow() throws Exception {
        Run run = new Run("sgd", new Optimizer.Sgd(0.1), UpdateOrder.SIMULTANEOUS, 0, 1, 0, 1);
        CompletableFuture<Boolean> added = new CompletableFuture<>();
        Platform.runLater(() -> {
            run.append(1, 1.0, null, null);
            run.publish();
            runs.add(run); // a new run: a legend entry, which lays the window out
            added.complete(true);
        });
        added.get(10, TimeUnit.SECONDS);
        Thread.sleep(300); // a few frames: the window laid out with the new run
        CompletableFuture<int[]> seen = new CompletableFuture<>();
        Platform.runLater(() -> {
            boolean dirtyBefore = window.isNeedsLayout();
            int before = chart.pointCount();
            for (int i = 2; i <= 50; i++) {
                run.append(i, 1.0 / i, null, null);
            }
            run.publish();
            seen.complete(new int[] {dirtyBefore ? 1 : 0, before, chart.pointCount(), window.isNeedsLayout() ? 1 : 0});
        });
        int[] s = seen.get(10, TimeUnit.SECONDS);
        assertThat(s[0]).as("laid out before the points come").isZero();
        assertThat(s[1]).isEqualTo(1);
        assertThat(s[2]).as("points drawn once they came").isEqualTo(50);
        assertThat(s[3]).as("the window asked for a layout").isZero();
    }

    @Test
    void manyRunsScrollTheirLegendAndLeaveThePlotItsRoom() throws Exception {
        CompletableFuture<Double> before = new CompletableFuture<>();
        Platform.runLater(() -> {
            VBox.setVgrow(chart, javafx.scene.layout.Priority.ALWAYS); // the chart has the window's height, as in the panel
            window.layout();
            before.complete(chart.lookup(".chart-plot").getLayoutBounds().getHeight());
            for (int k = 0; k < 6; k++) {
                Run run = new Run("Adam lr=0.001 β₁=0.9 β₂=0.999 ε=1e-8 · simultaneous · from iteration 50001", // two lines
                        new Optimizer.Sgd(0.1), UpdateOrder.SIMULTANEOUS, 0, 1, k, 1);
                run.append(1, 1.0, null, null);
                run.publish();
                runs.add(run);
            }
        });
        double alone = before.get(10, TimeUnit.SECONDS);
        Thread.sleep(300); // a few frames: the window laid out with the runs
        CompletableFuture<double[]> sizes = new CompletableFuture<>();
        Platform.runLater(() -> {
            javafx.scene.Node scroll = chart.lookup("#chartLegendScroll");
            javafx.scene.layout.VBox legend = (javafx.scene.layout.VBox) chart.lookup("#chartLegend");
            javafx.scene.Node newest = legend.getChildren().get(legend.getChildren().size() - 1);
            double newestTop = newest.localToScene(newest.getBoundsInLocal()).getMinY();
            javafx.geometry.Bounds view = scroll.localToScene(scroll.getBoundsInLocal());
            sizes.complete(new double[] {alone, chart.lookup(".chart-plot").getLayoutBounds().getHeight(),
                    scroll.getLayoutBounds().getHeight(), newestTop - view.getMinY(), view.getHeight()});
        });
        double[] s = sizes.get(10, TimeUnit.SECONDS);
        assertThat(s[2]).as("the legend's height").isLessThanOrEqualTo(LossChart.LEGEND_MAX_HEIGHT + 4);
        assertThat(s[3]).as("the newest run's first line, from the legend's top").isBetween(-1.0, s[4] - 10);
        assertThat(s[1]).as("the plot's height with six runs").isGreaterThan(s[0] - LossChart.LEGEND_MAX_HEIGHT - 10);
    }
}

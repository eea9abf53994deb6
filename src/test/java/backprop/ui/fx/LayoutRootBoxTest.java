package backprop.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A line that changes every frame lays out itself, not the window, unless its height changes. */
@ExtendWith(ApplicationExtension.class)
class LayoutRootBoxTest {
    private VBox panel;
    private Label status;
    private LayoutRootBox box;

    @Start
    void start(Stage stage) {
        status = new Label("Training … iteration 1 · loss 0.25");
        status.setWrapText(true);
        box = new LayoutRootBox(status);
        panel = new VBox(new Label("above"), box, new Label("below"));
        stage.setScene(new Scene(panel, 300, 200));
        stage.show();
    }

    private <T> T onFx(java.util.function.Supplier<T> action) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(action.get()));
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aNewTextOfTheSameHeightLeavesThePanelAlone() throws Exception {
        boolean[] dirty = onFx(() -> {
            panel.layout();
            double height = box.getHeight();
            status.setText("Training … iteration 2 · loss 0.24");
            boolean panelDirty = panel.isNeedsLayout();
            panel.layout();
            return new boolean[] {panelDirty, status.getText().equals("Training … iteration 2 · loss 0.24") && box.getHeight() == height};
        });
        assertThat(dirty[0]).as("the panel is asked for a layout").isFalse();
        assertThat(dirty[1]).isTrue();
        // the label itself is laid out at the box's size: its text is shown whole
        assertThat(onFx(() -> status.getWidth())).isEqualTo(onFx(() -> box.getWidth()));
    }

    @Test
    void aTextThatWrapsOntoMoreLinesGrowsTheBox() throws Exception {
        double[] heights = onFx(() -> {
            panel.layout();
            double before = box.getHeight();
            status.setText("The loss of pass 12 (1.5E7) is over 10^6 times the first loss (3.2): training stopped,"
                    + " the weights of the last finite iteration are kept");
            boolean panelDirty = panel.isNeedsLayout();
            panel.applyCss();
            panel.layout();
            return new double[] {before, box.getHeight(), panelDirty ? 1 : 0};
        });
        assertThat(heights[2]).as("the panel is asked for a layout").isEqualTo(1);
        assertThat(heights[1]).isGreaterThan(heights[0] * 2);
    }
}

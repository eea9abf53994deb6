package backprop.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotsTest {

    @BeforeAll
    static void startFx() {
        HeadlessFx.startToolkitHeadless();
    }

    @Test
    void writesLabelOnWhiteAsPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("out/label.png");
        StackPane root = HeadlessFx.onFxThread(() -> onWhite(new Label("220")));

        Snapshots.writePng(root, 160, 80, png);

        PngPixels pixels = PngPixels.read(png);
        assertThat(pixels.width()).isEqualTo(160);
        assertThat(pixels.height()).isEqualTo(80);
        assertThat(pixels.dark()).as("text drawn").isGreaterThan(20);
        assertThat(pixels.white()).as("background").isGreaterThan(160 * 80 / 2);
        assertThat(pixels.coloured()).as("colour fringes from LCD smoothing").isZero();
    }

    static StackPane onWhite(Label label) {
        label.setStyle("-fx-font-size: 32px; -fx-text-fill: black;");
        StackPane root = new StackPane(label);
        root.setStyle("-fx-background-color: white;");
        return root;
    }
}

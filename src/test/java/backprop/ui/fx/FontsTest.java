package backprop.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FontsTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void startFx() {
        HeadlessFx.startToolkitHeadless();
    }

    @Test
    void bundledCjkFamilyIsRegistered() {
        List<Font> fonts = Fonts.loadBundled();

        assertThat(fonts).extracting(Font::getFamily).contains(Fonts.CJK_FAMILY);
        assertThat(Font.getFamilies()).contains(Fonts.CJK_FAMILY);
    }

    @Test
    void loadingAgainReturnsTheSameFonts() {
        assertThat(Fonts.loadBundled()).isSameAs(Fonts.loadBundled());
    }

    @Test
    void labelWithTheBundledStylesheetDrawsChinese() throws Exception {
        Fonts.loadBundled();

        BufferedImage text = render("反向传播");

        assertThat(PngPixels.read(dir.resolve("反向传播.png")).dark()).as("text drawn").isGreaterThan(50);
        // a missing glyph is drawn as the same empty box for every character, so real glyphs differ by order
        assertThat(samePixels(text, render("播传向反"))).as("glyphs, not empty boxes").isFalse();
    }

    private BufferedImage render(String text) throws Exception {
        Path png = dir.resolve(text + ".png");
        StackPane root = HeadlessFx.onFxThread(() -> {
            StackPane pane = SnapshotsTest.onWhite(new Label(text));
            pane.getStylesheets().add(Fonts.bundledFontStylesheet());
            return pane;
        });
        Snapshots.writePng(root, 200, 80, png);
        return ImageIO.read(png.toFile());
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}

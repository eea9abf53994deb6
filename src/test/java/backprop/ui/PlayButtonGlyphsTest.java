package backprop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The play button's symbols must exist in the font the app bundles, or some machines draw a box. */
class PlayButtonGlyphsTest {

    @Test
    void playAndPauseSymbolsAreInTheBundledFont() throws Exception {
        Font bundled;
        try (InputStream in = PlayButtonGlyphsTest.class.getResourceAsStream("/backprop/ui/fonts/wqy-microhei.ttc")) {
            bundled = Font.createFonts(in)[0];
        }
        for (String label : new String[] {StepperBar.PLAY, StepperBar.PAUSE}) {
            assertThat(bundled.canDisplayUpTo(label)).as(label).isEqualTo(-1);
        }
        assertThat(bundled.canDisplay('⏸')).as("the premise: ⏸ is missing").isFalse();
    }
}

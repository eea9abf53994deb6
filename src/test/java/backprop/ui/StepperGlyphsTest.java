package backprop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The stepper's symbols must exist in the font the app bundles, or some machines draw a box. */
class StepperGlyphsTest {

    @Test
    void stepperSymbolsAreInTheBundledFont() throws Exception {
        Font bundled;
        try (InputStream in = StepperGlyphsTest.class.getResourceAsStream("/backprop/ui/fonts/wqy-microhei.ttc")) {
            bundled = Font.createFonts(in)[0];
        }
        for (String label : new String[] {StepperBar.PLAY, StepperBar.PAUSE, StepperBar.RESET}) {
            assertThat(bundled.canDisplayUpTo(label)).as(label).isEqualTo(-1);
        }
        assertThat(bundled.canDisplay('⏸')).as("the premise: ⏸ is missing").isFalse();
    }
}

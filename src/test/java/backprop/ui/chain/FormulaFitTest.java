package backprop.ui.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The formula area: full size when the formula fits, never below 0.8 of it, as tall as needed up to a cap. */
class FormulaFitTest {

    @Test
    void aFormulaThatFitsIsShownAtFullSizeInAnAreaJustTallEnough() {
        FormulaFit f = FormulaFit.of(600, 200, 800, 320, 130);
        assertThat(f.scale()).isEqualTo(1);
        assertThat(f.height()).isEqualTo(204); // 200 + the viewport's border
    }

    @Test
    void theAreaKeepsTheHeightALessonAlreadyNeeded() {
        assertThat(FormulaFit.of(600, 60, 800, 320, 250).height()).isEqualTo(250);
    }

    @Test
    void aWideFormulaShrinksToTheWidthButNotBelowFourFifths() {
        assertThat(FormulaFit.of(900, 100, 810, 320, 130).scale()).isCloseTo(0.9, within(1e-12));
        assertThat(FormulaFit.of(2000, 100, 800, 320, 130).scale()).isEqualTo(FormulaFit.MIN_SCALE);
    }

    @Test
    void aTallFormulaTakesTheMostItMayAndScrollsTheRest() {
        FormulaFit f = FormulaFit.of(600, 1000, 800, 320, 130);
        assertThat(f.scale()).isEqualTo(FormulaFit.MIN_SCALE);
        assertThat(f.height()).isEqualTo(320);
        // a little too tall: shrunk just enough to fit, not scrolled
        FormulaFit g = FormulaFit.of(600, 350, 800, 320, 130);
        assertThat(g.scale()).isCloseTo(316.0 / 350, within(1e-12));
        assertThat(g.height()).isCloseTo(320, within(1e-9));
    }
}

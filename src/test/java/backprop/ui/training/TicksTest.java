package backprop.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The chart's tick marks: round numbers, powers of ten on the log axis. */
class TicksTest {

    @Test
    void linearTicksAreRoundSteps() {
        assertThat(Ticks.linear(0, 0.018, 4, false)).containsExactly(0.0, 0.005, 0.01, 0.015);
        assertThat(Ticks.linear(1, 111, 5, true)).containsExactly(20.0, 40.0, 60.0, 80.0, 100.0);
        assertThat(Ticks.linear(1, 3, 10, true)).containsExactly(1.0, 2.0, 3.0);
        assertThat(Ticks.linear(0.1, 0.7, 6, false)).contains(0.3).doesNotContain(0.30000000000000004);
    }

    @Test
    void logTicksArePowersOfTenOrFinerWhenTheCurveBarelyMoves() {
        assertThat(Ticks.log(-7.1, -1.7, 10)).containsExactly(1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2);
        assertThat(Ticks.log(-7.1, -1.7, 3)).containsExactly(1e-7, 1e-5, 1e-3);
        assertThat(Ticks.log(Math.log10(0.011), Math.log10(0.06), 4)).containsExactly(0.02, 0.05);
        assertThat(Ticks.log(Math.log10(0.0121), Math.log10(0.0139), 4)).isNotEmpty().allMatch(v -> v >= 0.0121 && v <= 0.0139);
    }

    @Test
    void powersOfTenAreWrittenWithSuperscripts() {
        assertThat(Ticks.powerOfTen(1e-7)).isEqualTo("10⁻⁷");
        assertThat(Ticks.powerOfTen(1e12)).isEqualTo("10¹²");
        assertThat(Ticks.powerOfTen(0.01)).isEqualTo("0.01");
        assertThat(Ticks.powerOfTen(0.05)).isEqualTo("0.05");
    }
}

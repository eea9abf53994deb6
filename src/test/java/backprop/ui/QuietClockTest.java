package backprop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rehearsal's wait for a quiet moment, on a clock of our own (no toolkit). */
class QuietClockTest {
    private static final long MS = 1_000_000L;

    @Test
    void itIsQuietOnlyAfterTheWholeQuietTimeWithNothingBusy() {
        Rehearsal.QuietClock clock = new Rehearsal.QuietClock(500 * MS);
        assertThat(clock.quietAt(0, true)).isFalse();
        assertThat(clock.quietAt(16 * MS, false)).as("the first idle frame").isFalse();
        assertThat(clock.quietAt(400 * MS, false)).isFalse();
        assertThat(clock.quietAt(516 * MS, false)).as("500 ms after the first idle frame").isTrue();
    }

    @Test
    void aBusyFrameStartsTheWaitAgain() {
        Rehearsal.QuietClock clock = new Rehearsal.QuietClock(500 * MS);
        assertThat(clock.quietAt(0, false)).isFalse();
        assertThat(clock.quietAt(300 * MS, true)).as("a graph loads between two quiet spells").isFalse();
        assertThat(clock.quietAt(316 * MS, false)).isFalse();
        assertThat(clock.quietAt(600 * MS, false)).as("only 284 ms quiet since the load").isFalse();
        assertThat(clock.quietAt(816 * MS, false)).isTrue();
    }

    @Test
    void aClockQuietSinceEarlierIsQuietAtOnceUntilSomethingIsBusy() {
        Rehearsal.QuietClock clock = new Rehearsal.QuietClock(500 * MS, 1000 * MS);
        assertThat(clock.quietAt(1500 * MS, false)).as("quiet since 1000 ms").isTrue();
        assertThat(clock.quietAt(1516 * MS, true)).as("a run starts").isFalse();
        assertThat(clock.quietAt(3000 * MS, false)).as("the run's last frame: the wait starts again").isFalse();
        assertThat(clock.quietAt(3516 * MS, false)).isTrue();
    }
}

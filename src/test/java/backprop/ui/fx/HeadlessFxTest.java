package backprop.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import javafx.application.Platform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HeadlessFxTest {

    @BeforeAll
    static void startFx() {
        HeadlessFx.startToolkitHeadless();
    }

    @Test
    void startingTwiceIsHarmless() throws Exception {
        HeadlessFx.startToolkitHeadless();

        assertThat(HeadlessFx.onFxThread(() -> "still running")).isEqualTo("still running");
    }

    @Test
    void runsWorkOnTheFxThread() throws Exception {
        assertThat(HeadlessFx.onFxThread(Platform::isFxApplicationThread)).isTrue();
    }

    @Test
    void nestedCallsOnTheFxThreadDoNotDeadlock() throws Exception {
        assertThat(HeadlessFx.onFxThread(() -> HeadlessFx.onFxThread(() -> 42))).isEqualTo(42);
    }

    @Test
    void rethrowsWhatTheWorkThrew() {
        IOException failure = new IOException("disk full");

        assertThatThrownBy(() -> HeadlessFx.onFxThread(() -> {
            throw failure;
        })).isSameAs(failure);
    }

    @Test
    void collectsWhatAListenerThrowsInsteadOfGoingOnAsIfNothingHappened() throws Exception {
        Thread.UncaughtExceptionHandler before = HeadlessFx.onFxThread(() -> Thread.currentThread().getUncaughtExceptionHandler());
        try {
            java.util.List<Throwable> failures = HeadlessFx.collectFailures();
            HeadlessFx.throwFirst(failures); // nothing yet
            IllegalStateException broken = new IllegalStateException("a listener's bug");
            javafx.beans.property.IntegerProperty cursor = new javafx.beans.property.SimpleIntegerProperty();
            cursor.addListener((o, was, now) -> {
                throw broken;
            });
            HeadlessFx.onFxThread(() -> {
                cursor.set(9); // JavaFX catches the listener's exception and hands it to the thread's handler
                return null;
            });
            assertThat(failures).containsExactly(broken);
            assertThatThrownBy(() -> HeadlessFx.throwFirst(failures)).isSameAs(broken);
        } finally {
            HeadlessFx.onFxThread(() -> {
                Thread.currentThread().setUncaughtExceptionHandler(before);
                return null;
            });
        }
    }

    @Test
    void usesTheHeadlessPlatform() {
        assertThat(System.getProperty("glass.platform")).isEqualTo("Monocle");
        assertThat(System.getProperty("monocle.platform")).isEqualTo("Headless");
        assertThat(System.getProperty("prism.order")).isEqualTo("sw");
    }
}

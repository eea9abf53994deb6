package backprop.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting in TestFX tests for work the app does on its worker threads. */
public final class FxWait {
    private FxWait() {
    }

    /**
     * Waits until {@code condition} holds (20 s at most), then for the FX events it caused. The
     * condition is evaluated on the FX thread: it usually looks nodes up, and a lookup from the test
     * thread while the app attaches views walks child lists as they change (an IndexOutOfBounds was
     * seen in CI).
     */
    public static void until(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFxThread(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("condition not reached in 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean onFxThread(BooleanSupplier condition) throws Exception {
        if (javafx.application.Platform.isFxApplicationThread()) {
            return condition.getAsBoolean();
        }
        return WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get(20, TimeUnit.SECONDS);
    }
}

package backprop.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting in TestFX tests for work the app does on its worker threads. */
public final class FxWait {
    private FxWait() {
    }

    /** Waits until {@code condition} holds (20 s at most), then for the FX events it caused. */
    public static void until(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not reached in 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}

package backprop.ui.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import javafx.application.Platform;

/** Starts JavaFX without a display (Monocle, software rendering) for snapshots and tests. */
public final class HeadlessFx {

    private HeadlessFx() {
    }

    /**
     * Starts the toolkit once; later calls, or a toolkit started elsewhere (an app, TestFX), are fine.
     * Properties already set on the command line win over the headless defaults.
     */
    public static void startToolkitHeadless() {
        setIfUnset("glass.platform", "Monocle");
        setIfUnset("monocle.platform", "Headless");
        setIfUnset("prism.order", "sw");
        // no window is ever shown headless, so closing the last one must not end the toolkit
        Platform.setImplicitExit(false);
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // "Toolkit already initialized": nothing left to do
        }
    }

    /** Runs {@code work} on the FX thread, waits for it and returns its result or rethrows what it threw. */
    public static <T> T onFxThread(Callable<T> work) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return work.call();
        }
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        try {
            return task.get();
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw (Exception) cause;
        }
    }

    /**
     * From now on, what the FX thread's code throws where JavaFX catches it (a property listener, an
     * event handler) is collected here instead of printed while the thread goes on.
     */
    public static java.util.List<Throwable> collectFailures() throws Exception {
        java.util.List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        onFxThread(() -> {
            Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> failures.add(e));
            return null;
        });
        return failures;
    }

    /** Throws the first collected failure, if any. */
    public static void throwFirst(java.util.List<Throwable> failures) throws Exception {
        if (failures.isEmpty()) {
            return;
        }
        Throwable first = failures.get(0);
        if (first instanceof Exception e) {
            throw e;
        }
        throw new IllegalStateException(first);
    }

    private static void setIfUnset(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

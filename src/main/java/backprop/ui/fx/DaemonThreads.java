package backprop.ui.fx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The app's background threads: named (they show in profiles and thread dumps) and daemon (they never keep the JVM up). */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** One named daemon thread running tasks in order. */
    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}

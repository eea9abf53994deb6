package backprop.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A diagnostic for bench-ui ({@code BENCH_STACKS=1}): samples the FX thread's stack every half
 * millisecond for a few seconds and, for a slow pulse, prints the methods most of that pulse's samples
 * passed through. JFR's execution samples were too sparse on a two-core VM to explain a single 20-ms
 * pulse; this is coarse (a stack walk needs a safepoint) but dense enough.
 */
final class FxStackSampler {
    private record Sample(long nanos, StackTraceElement[] stack) {
    }

    private final List<Sample> samples = new ArrayList<>();

    /** Samples {@code thread} for {@code seconds} on a daemon thread of its own. */
    FxStackSampler(Thread thread, double seconds) {
        Thread t = new Thread(() -> {
            long stop = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() < stop) {
                Sample s = new Sample(System.nanoTime(), thread.getStackTrace());
                synchronized (samples) {
                    samples.add(s);
                }
                java.util.concurrent.locks.LockSupport.parkNanos(500_000);
            }
        }, "fx-stack-sampler");
        t.setDaemon(true);
        t.start();
    }

    /** The methods that at least a fifth of the samples between {@code from} and {@code to} (nanoTime) passed through. */
    String summary(long from, long to) {
        Map<String, Integer> seen = new TreeMap<>();
        int n = 0;
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.nanos() < from || s.nanos() > to) {
                    continue;
                }
                n++;
                Set<String> once = new HashSet<>();
                for (StackTraceElement e : s.stack()) {
                    String m = e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1) + "." + e.getMethodName();
                    if (once.add(m)) {
                        seen.merge(m, 1, Integer::sum);
                    }
                }
            }
        }
        int total = n;
        StringBuilder sb = new StringBuilder("   " + total + " samples of the FX thread\n");
        seen.entrySet().stream().filter(e -> e.getValue() >= Math.max(2, total / 5))
                .sorted((a, b) -> b.getValue() - a.getValue()).limit(40)
                .forEach(e -> sb.append("     ").append(e.getValue()).append(' ').append(e.getKey()).append('\n'));
        return sb.toString();
    }
}

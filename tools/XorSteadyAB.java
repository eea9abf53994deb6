import java.lang.reflect.*;
import java.net.*;
import java.util.Arrays;
import java.util.Optional;

/**
 * XOR training at the JIT's steady state, two builds of the engine in one JVM (each jar in a class
 * loader of its own), run after run alternated: this VM's speed drifts by ±30% within minutes, and
 * both builds see the same drift. Prints each build's µs a pass and the median of B/A per round.
 * It answers "is B's compiled code faster", not "is B faster cold": use tools/ab-train.sh for that.
 * Run: javac -d /tmp/probe tools/XorSteadyAB.java
 *      java -cp /tmp/probe XorSteadyAB /tmp/before.jar target/backprop-visualizer.jar [rounds=15] [passes=200000]
 */
public class XorSteadyAB {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int passes = args.length > 3 ? Integer.parseInt(args[3]) : 200_000;
        Object[][] v = new Object[2][];
        for (int k = 0; k < 2; k++) {
            ClassLoader cl = new URLClassLoader(new URL[] {new java.io.File(args[k]).toURI().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> sc = cl.loadClass("backprop.scenarios.Scenarios");
            Object opt = cl.loadClass("backprop.engine.Optimizers").getMethod("create", String.class, double.class, Double.class, Double.class, Double.class, Double.class)
                    .invoke(null, "sgd", 0.1, null, null, null, null);
            Class<?> order = cl.loadClass("backprop.engine.UpdateOrder");
            Object simul = Enum.valueOf((Class) order, "SIMULTANEOUS");
            Class<?> cfgC = cl.loadClass("backprop.engine.Trainer$Config");
            Class<?> optC = cl.loadClass("backprop.engine.Optimizer");
            Object cfg = cfgC.getConstructor(optC, order, double.class, int.class).newInstance(opt, simul, Double.NaN, passes);
            cfg = cfgC.getMethod("lastPassOnly").invoke(cfg);
            Object xor = ((Optional<?>) sc.getMethod("byId", String.class).invoke(null, "xor")).orElseThrow();
            Object graph = xor.getClass().getMethod("graph").invoke(xor);
            Object init = graph.getClass().getMethod("initialState").invoke(graph);
            Class<?> tr = cl.loadClass("backprop.engine.Trainer");
            Method train = null;
            for (Method m : tr.getMethods()) if (m.getName().equals("train") && m.getParameterCount() == 3) train = m;
            v[k] = new Object[] {train, graph, init, cfg};
        }
        double[][] t = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k0 = 0; k0 < 2; k0++) {
                int k = (r % 2 == 0) ? k0 : 1 - k0;
                long t0 = System.nanoTime();
                ((Method) v[k][0]).invoke(null, v[k][1], v[k][2], v[k][3]);
                t[k][r] = (System.nanoTime() - t0) / 1e3 / passes;
            }
        }
        for (int k = 0; k < 2; k++) {
            double[] s = Arrays.copyOfRange(t[k], 3, rounds); Arrays.sort(s);
            System.out.printf("%s: median %.3f µs/pass (after 3 warm rounds) %s%n", args[k], s[s.length / 2], Arrays.toString(Arrays.stream(t[k]).map(x -> Math.round(x * 1000) / 1000.0).toArray()));
        }
        double[] ratio = new double[rounds - 3];
        for (int r = 3; r < rounds; r++) ratio[r - 3] = t[1][r] / t[0][r];
        Arrays.sort(ratio);
        System.out.printf("B/A per round median %.3f%n", ratio[ratio.length / 2]);
    }
}

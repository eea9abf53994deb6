import backprop.engine.Optimizers;
import backprop.engine.Trainer;
import backprop.engine.UpdateOrder;
import backprop.scenarios.Scenarios;

/**
 * Where a cold JVM spends XOR's 50,000 passes: the time at which passes 1, 100, ..., 50,000 end, from
 * the trainer's start (what `train`'s "seconds" measures). For A/B comparisons of the engine in a cold
 * JVM; run each build ten times or more, interleaved (this VM's timings vary by ±20%).
 * Run: javac -cp target/backprop-visualizer.jar -d /tmp/probe tools/XorColdProbe.java
 *      java -cp target/backprop-visualizer.jar:/tmp/probe XorColdProbe
 *      (-Dpasses=1000000 before XorColdProbe: a longer run, to see the JIT's steady state)
 * (compiled first: the source launcher would compile it inside the measured JVM)
 */
public class XorColdProbe {
    public static void main(String[] args) {
        var xor = Scenarios.byId("xor").orElseThrow();
        int passes = Integer.getInteger("passes", 50_000);
        long[] end = new long[passes + 1];
        var config = new Trainer.Config(Optimizers.create("sgd", 0.1, null, null, null, null),
                UpdateOrder.SIMULTANEOUS, Double.NaN, passes);
        Trainer.Listener listener = (step, loss, weights) -> end[step] = System.nanoTime();
        java.util.function.BooleanSupplier never = () -> false; // lambdas made before the clock starts: a JVM's first costs ~5 ms
        var initial = xor.graph().initialState();
        long t0 = System.nanoTime();
        var result = Trainer.train(xor.graph(), initial, config, listener, never);
        System.out.printf("total %.1f ms (the trainer's own figure: %.1f ms)%n", (end[passes] - t0) / 1e6,
                result.seconds() * 1e3);
        long previous = t0;
        int previousPass = 0;
        int[] marks = {1, 100, 1_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000};
        for (int pass : java.util.Arrays.stream(marks).filter(p -> p <= passes).toArray()) {
            System.out.printf("pass %6d ends at %6.1f ms (%.2f µs a pass since pass %d)%n", pass, (end[pass] - t0) / 1e6,
                    (end[pass] - previous) / 1e3 / (pass - previousPass), previousPass);
            previous = end[pass];
            previousPass = pass;
        }
    }
}

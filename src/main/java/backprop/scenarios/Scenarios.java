package backprop.scenarios;

import backprop.engine.Graph;
import backprop.engine.GraphBuilder;
import backprop.engine.ModelState;
import backprop.engine.Tensor;
import backprop.engine.UpdateOrder;
import backprop.engine.op.Affine;
import backprop.engine.op.BinaryCrossEntropy;
import backprop.engine.op.Elementwise;
import backprop.engine.op.MatMul;
import backprop.engine.op.SoftmaxCrossEntropy;
import backprop.engine.op.SquaredError;
import backprop.engine.program.ProgramParser;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** The built-in scenarios, each taken from a seed post (numbers as printed there). */
public final class Scenarios {
    /** The seed of seed 003's uniform [0, 1) XOR weights; with it, training ends within 0.1 of 0, 1, 1, 0. */
    public static final long XOR_SEED = 3;

    private Scenarios() {
    }

    /**
     * Each scenario by id, in the order the app lists them: its title and how to build it. A scenario
     * is built when asked for: the app's first frame needs the apple graph only (building all eight
     * took ~100 ms of a cold start), and the example list needs only the titles.
     */
    private static final java.util.Map<String, Entry> ENTRIES = entries();

    private record Entry(String title, java.util.function.Supplier<Scenario> build) {
    }

    private static java.util.Map<String, Entry> entries() {
        java.util.Map<String, Entry> b = new java.util.LinkedHashMap<>();
        b.put("apple", new Entry("Buying apples", Scenarios::apple));
        b.put("apple-orange", new Entry("Apples and oranges", Scenarios::appleOrange));
        b.put("sigmoid-decomposed", new Entry("Sigmoid, node by node", Scenarios::sigmoidDecomposed));
        b.put("seed-221", new Entry("2-2-1 sigmoid network", Scenarios::seed221));
        b.put("affine-sigmoid", new Entry("Affine + sigmoid", Scenarios::affineSigmoid));
        b.put("softmax-ce", new Entry("Softmax cross-entropy", Scenarios::softmaxCe));
        b.put("xor", new Entry("XOR", () -> xor(XOR_SEED)));
        b.put("logistic", new Entry("Logistic regression", Scenarios::logistic));
        return java.util.Collections.unmodifiableMap(b);
    }

    public static List<Scenario> all() {
        return ENTRIES.values().stream().map(e -> e.build().get()).toList();
    }

    public static Optional<Scenario> byId(String id) {
        Entry e = ENTRIES.get(id);
        return e == null ? Optional.empty() : Optional.of(e.build().get());
    }

    public static List<String> ids() {
        return List.copyOf(ENTRIES.keySet());
    }

    /** A scenario's title, for a list of them, without building it (the id itself when unknown). */
    public static String title(String id) {
        Entry e = ENTRIES.get(id);
        return e == null ? id : e.title();
    }

    /**
     * The scenarios written in the formula language, as the app's formula box shows them (a teacher
     * edits one and draws it as a formula of their own): the scenario is built from this very text.
     */
    private static final java.util.Map<String, String> PROGRAMS = java.util.Map.of(
            "apple", """
                    apple = 100
                    count = 2
                    tax = 1.1
                    price = apple * count * tax
                    """,
            "apple-orange", """
                    apple = 100
                    apple_count = 2
                    orange = 150
                    orange_count = 3
                    tax = 1.1
                    price = (apple * apple_count + orange * orange_count) * tax
                    """,
            "sigmoid-decomposed", """
                    x = 1
                    y = 1 / (1 + exp(x * -1))
                    """);

    /** The scenario's program in the formula language, for those built from one. */
    public static Optional<String> program(String id) {
        return Optional.ofNullable(PROGRAMS.get(id));
    }

    /** Seed 001 (Saito): two apples at 100 each, 10% tax. */
    public static Scenario apple() {
        return new Scenario("apple", title("apple"),
                "Saito's apple graph: price = apple × count × tax = 100 × 2 × 1.1",
                ProgramParser.parse(PROGRAMS.get("apple")), Scenario.Defaults.SGD);
    }

    /** Seed 001 (Saito): two apples and three oranges, 10% tax. */
    public static Scenario appleOrange() {
        return new Scenario("apple-orange", title("apple-orange"),
                "Saito's graph: price = (apple × apple_count + orange × orange_count) × tax",
                ProgramParser.parse(PROGRAMS.get("apple-orange")), Scenario.Defaults.SGD);
    }

    /** Seed 001: the sigmoid as ×(−1), exp, +1 and 1/x nodes. */
    public static Scenario sigmoidDecomposed() {
        return new Scenario("sigmoid-decomposed", title("sigmoid-decomposed"),
                "Seed 001's sigmoid y = 1/(1 + exp(−x)) as ×(−1), exp, +1 and 1/x nodes",
                ProgramParser.parse(PROGRAMS.get("sigmoid-decomposed")), Scenario.Defaults.SGD);
    }

    /** Seed 000: the 2-2-1 sigmoid network, one node per multiply, add and sigmoid. */
    public static Scenario seed221() {
        GraphBuilder b = new GraphBuilder();
        int loss = seed221Network().buildScalars(b);
        return new Scenario("seed-221", title("seed-221"),
                "Seed 000's 2-2-1 sigmoid net, x = (0.35, 0.9), target 0.5, E = ½(y − t)²",
                b.build(loss), new Scenario.Defaults("sgd", 1, UpdateOrder.SIMULTANEOUS, 1e-7, 100_000));
    }

    /** Seed 000's network and weights, for building it either way. */
    public static Mlp seed221Network() {
        return new Mlp(Tensor.row(0.35, 0.9),
                List.of(Tensor.of(new double[][] {{0.1, 0.4}, {0.8, 0.6}}), Tensor.column(0.3, 0.9)),
                Elementwise.SIGMOID, Elementwise.SIGMOID, Tensor.scalar(0.5));
    }

    /** Seed 004: an affine unit (C1) and a sigmoid (C2) with the weights the post printed. */
    public static Scenario affineSigmoid() {
        GraphBuilder b = new GraphBuilder();
        int x = b.input("x", Tensor.row(1, 2), false);
        int w = b.param("W", Tensor.column(-1.07906824, -0.42675882));
        int bias = b.param("b", Tensor.scalar(0.2913231));
        int y1 = b.op("y1", Affine.INSTANCE, x, w, bias);
        int y2 = b.op("y2", Elementwise.SIGMOID, y1);
        b.report(y2);
        return new Scenario("affine-sigmoid", title("affine-sigmoid"),
                "Seed 004's C1 + C2: y2 = σ(x·W + b) with x = (1, 2)", b.build(y2), Scenario.Defaults.SGD);
    }

    /** Seed 002: a 10-20-2 net, every weight 0.1, cross-entropy against label 0. */
    public static Scenario softmaxCe() {
        GraphBuilder b = new GraphBuilder();
        int x = b.input("x", Tensor.row(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0), false);
        int w1 = b.param("W1", Tensor.filled(10, 20, 0.1));
        int w2 = b.param("W2", Tensor.filled(20, 2, 0.1));
        int h = b.op("h", MatMul.INSTANCE, x, w1);
        int s = b.op("scores", MatMul.INSTANCE, h, w2);
        int t = b.input("t", Tensor.row(1, 0), false);
        int loss = b.op("L", SoftmaxCrossEntropy.INSTANCE, s, t);
        b.report(s);
        return new Scenario("softmax-ce", title("softmax-ce"),
                "Seed 002's 10-20-2 net, every weight 0.1, label 0: the loss is ln 2, and the weights into the "
                        + "label-1 output still get gradients (see W2's gradient: its second column is not zero)",
                b.build(loss), Scenario.Defaults.SGD);
    }

    /**
     * Seed 003: XOR with 2 inputs, 3 sigmoid hidden units and a linear output, no biases, weights
     * uniform in [0, 1), loss ½Σ(y − o)² over the four points, lr 0.1, 50,000 epochs.
     */
    public static Scenario xor(long seed) {
        Random random = new Random(seed);
        GraphBuilder b = new GraphBuilder();
        int x = b.input("X", Tensor.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}), false);
        int w1 = b.param("W_hidden", uniform(random, 2, 3));
        int w2 = b.param("W_output", uniform(random, 3, 1));
        int z = b.op("z_hidden", MatMul.INSTANCE, x, w1);
        int h = b.op("act_hidden", Elementwise.SIGMOID, z);
        int o = b.op("output", MatMul.INSTANCE, h, w2);
        int t = b.input("y", Tensor.column(0, 1, 1, 0), false);
        int loss = b.op("E", SquaredError.INSTANCE, o, t);
        b.report(o);
        return new Scenario("xor", title("xor"),
                "Seed 003's XOR net: 2-3-1, sigmoid hidden, linear output, no biases, 4 points",
                b.build(loss), new Scenario.Defaults("sgd", 0.1, UpdateOrder.SIMULTANEOUS, Double.NaN, 50_000));
    }

    /** Logistic regression y = σ(x·w + b) on ten 2-D points in two clusters, binary cross-entropy. */
    public static Scenario logistic() {
        GraphBuilder b = new GraphBuilder();
        int x = b.input("X", Tensor.of(LOGISTIC_POINTS), false);
        int w = b.param("w", Tensor.column(0.1, -0.1));
        int bias = b.param("b", Tensor.scalar(0));
        int z = b.op("z", Affine.INSTANCE, x, w, bias);
        int y = b.op("y", Elementwise.SIGMOID, z);
        int t = b.input("t", Tensor.column(0, 0, 0, 0, 0, 1, 1, 1, 1, 1), false);
        int loss = b.op("L", BinaryCrossEntropy.INSTANCE, y, t);
        b.report(y);
        return new Scenario("logistic", title("logistic"),
                "σ(xᵀw + b) on ten 2-D points in two classes, binary cross-entropy",
                b.build(loss), new Scenario.Defaults("sgd", 0.5, UpdateOrder.SIMULTANEOUS, Double.NaN, 1000));
    }

    static final double[][] LOGISTIC_POINTS = {
        {1.0, 1.5}, {1.5, 0.5}, {0.5, 0.8}, {2.0, 1.0}, {1.2, 2.0},
        {3.0, 3.5}, {3.5, 2.5}, {2.5, 3.0}, {4.0, 3.2}, {3.2, 4.0},
    };

    /**
     * New weights for a lesson's graph from a seed, so a lesson can be repeated exactly: XOR draws
     * seed 003's uniform [0, 1) weights (seed {@link #XOR_SEED} gives the built-in ones); every other
     * graph draws each param uniformly from [−1, 1) in node order. Inputs keep their values.
     */
    public static ModelState randomWeights(String scenarioId, Graph graph, ModelState current, long seed) {
        ModelState out = current.withoutOptimizerMemory();
        if ("xor".equals(scenarioId)) {
            Graph fresh = xor(seed).graph();
            for (Graph.Node p : graph.params()) {
                out = out.withValue(p.id(), fresh.node(p.id()).initialValue());
            }
            return out;
        }
        Random random = new Random(seed);
        for (Graph.Node p : graph.params()) {
            Tensor w = current.value(p.id());
            double[][] v = new double[w.rows()][w.cols()];
            for (double[] row : v) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = 2 * random.nextDouble() - 1;
                }
            }
            out = out.withValue(p.id(), Tensor.of(v));
        }
        return out;
    }

    private static Tensor uniform(Random random, int rows, int cols) {
        double[][] v = new double[rows][cols];
        for (double[] row : v) {
            for (int c = 0; c < cols; c++) {
                row[c] = random.nextDouble();
            }
        }
        return Tensor.of(v);
    }
}

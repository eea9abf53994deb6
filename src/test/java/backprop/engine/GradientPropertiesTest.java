package backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backprop.engine.op.Affine;
import backprop.engine.op.BinaryCrossEntropy;
import backprop.engine.op.Elementwise;
import backprop.engine.op.MatMul;
import backprop.engine.op.Op;
import backprop.engine.op.SoftmaxCrossEntropy;
import backprop.engine.op.SquaredError;
import backprop.engine.op.WeightDecay;
import backprop.scenarios.Mlp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/**
 * Backprop checked against things computed without it: central differences ({@link GradientCheck}),
 * the same network built from scalar ops, and optimizer rules written out here by hand.
 */
class GradientPropertiesTest {
    private static final String SEED = "20261123";
    /** Step of the central differences; its truncation error is ~h²·f''' and its rounding error ~1e-16·|f|/h. */
    private static final double H = 1e-5;
    /** GradientCheck's error is relative for gradients above 1, absolute below. */
    private static final double CHECK_TOLERANCE = 1e-6;

    // ---- (a) random scalar graphs ---------------------------------------------------------------

    /** An op reading two earlier nodes, picked by index modulo the number of nodes before it. */
    record OpSpec(Elementwise op, int a, int b) {
    }

    record ScalarProgram(List<Double> leaves, List<Boolean> leafIsParam, List<OpSpec> ops) {
    }

    @Provide
    Arbitrary<ScalarProgram> scalarPrograms() {
        Arbitrary<OpSpec> op = Combinators.combine(Arbitraries.of(Elementwise.class),
                Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 1000)).as(OpSpec::new);
        return Combinators.combine(
                Arbitraries.doubles().between(-2, 2).ofScale(3).list().ofMinSize(2).ofMaxSize(4),
                Arbitraries.of(true, false).list().ofSize(4),
                op.list().ofMinSize(3).ofMaxSize(10)).as(ScalarProgram::new);
    }

    /** The graph and, for each risky op, the operands whose values must stay away from a kink. */
    private record Built(Graph graph, List<int[]> kinks) {
    }

    /**
     * Builds the program; log, sqrt, the divisor and the base of a power read a·a + 0.5 rather than
     * a, which keeps them in their domains whatever a is.
     */
    private static Built build(ScalarProgram p) {
        GraphBuilder b = new GraphBuilder();
        List<Integer> nodes = new ArrayList<>();
        for (int i = 0; i < p.leaves().size(); i++) {
            String name = "l" + i;
            nodes.add(p.leafIsParam().get(i) ? b.param(name, p.leaves().get(i)) : b.input(name, p.leaves().get(i)));
        }
        List<int[]> kinks = new ArrayList<>();
        List<Integer> ops = new ArrayList<>();
        Set<Integer> read = new HashSet<>();
        for (OpSpec s : p.ops()) {
            int a = nodes.get(s.a() % nodes.size());
            int c = nodes.get(s.b() % nodes.size());
            int id = switch (s.op()) {
                case LOG, SQRT -> b.anonymous(s.op().opName(), s.op(), positive(b, a));
                case DIV -> b.anonymous("div", Elementwise.DIV, a, positive(b, c));
                case POW -> b.anonymous("pow", Elementwise.POW, positive(b, a), c);
                default -> s.op().arity() == 1
                        ? b.anonymous(s.op().opName(), s.op(), a)
                        : b.anonymous(s.op().opName(), s.op(), a, c);
            };
            switch (s.op()) {
                case RELU, ABS -> kinks.add(new int[] {a});
                case MAX -> kinks.add(new int[] {a, c});
                default -> { }
            }
            read.add(a);
            if (s.op().arity() == 2) {
                read.add(c);
            }
            nodes.add(id);
            ops.add(id);
        }
        // sum the ops nobody reads, so that every op is on the way to the output
        Integer out = null;
        for (int id : ops) {
            if (!read.contains(id)) {
                out = out == null ? id : b.anonymous("sum", Elementwise.ADD, out, id);
            }
        }
        return new Built(b.build(out), kinks);
    }

    private static int positive(GraphBuilder b, int a) {
        int square = b.anonymous("square", Elementwise.MUL, a, a);
        return b.anonymous("shifted", Elementwise.ADD, square, b.constant(0.5));
    }

    @Property(tries = 200, seed = SEED)
    void randomScalarGraphsAgreeWithCentralDifferences(@ForAll("scalarPrograms") ScalarProgram program) {
        Built built = build(program);
        Graph g = built.graph();
        Iteration forward = Iteration.gradients(g, g.initialState());
        forward.runToEnd();
        for (int id = 0; id < g.size(); id++) {
            // keep values moderate: central differences lose digits on huge values and curvatures
            Assume.that(Math.abs(forward.value(id).scalar()) < 100);
        }
        for (int[] k : built.kinks()) {
            if (k.length == 1) {
                Assume.that(Math.abs(forward.value(k[0]).scalar()) > 1e-2);
            } else {
                Assume.that(Math.abs(forward.value(k[0]).scalar() - forward.value(k[1]).scalar()) > 1e-2);
            }
        }
        List<GradientCheck.Entry> entries = GradientCheck.check(g, g.initialState(), H);
        assertThat(entries).isNotEmpty();
        assertThat(GradientCheck.maxError(entries)).as("%s", entries).isLessThan(CHECK_TOLERANCE);
    }

    // ---- (b) layer blocks = scalar ops ------------------------------------------------------------

    record MlpCase(Mlp mlp) {
        @Override
        public String toString() {
            return "Mlp[x=" + mlp.input() + ", W=" + mlp.weights() + ", hidden=" + mlp.hidden() + ", output="
                    + mlp.output() + ", t=" + mlp.target() + "]";
        }
    }

    @Provide
    Arbitrary<MlpCase> mlps() {
        Arbitrary<List<Integer>> sizes = Arbitraries.integers().between(1, 4).list().ofMinSize(2).ofMaxSize(4);
        return sizes.flatMap(s -> {
            List<Arbitrary<Tensor>> weights = new ArrayList<>();
            for (int l = 1; l < s.size(); l++) {
                weights.add(matrix(s.get(l - 1), s.get(l), -2, 2));
            }
            Arbitrary<List<Tensor>> ws = Combinators.combine(weights).as(List::copyOf);
            return Combinators.combine(matrix(1, s.get(0), -2, 2), ws,
                    Arbitraries.of(Elementwise.SIGMOID, Elementwise.TANH),
                    Arbitraries.just(Elementwise.SIGMOID).injectNull(0.5),
                    matrix(1, s.get(s.size() - 1), -1, 1))
                    .as((x, w, hidden, output, t) -> new MlpCase(new Mlp(x, w, hidden, output, t)));
        });
    }

    private static Arbitrary<Tensor> matrix(int rows, int cols, double lo, double hi) {
        return Arbitraries.doubles().between(lo, hi).ofScale(8).list().ofSize(rows * cols).map(v -> {
            double[][] m = new double[rows][cols];
            for (int k = 0; k < v.size(); k++) {
                m[k / cols][k % cols] = v.get(k);
            }
            return Tensor.of(m);
        });
    }

    /** Seed 000's numbering: inputs are units 1..n, then each layer's units follow; w35 joins 3 to 5. */
    private static String weightName(int from, int to) {
        return from < 10 && to < 10 ? "w" + from + to : "w" + from + "_" + to;
    }

    @Property(tries = 200, seed = SEED)
    void layerBlocksAndScalarOpsGiveTheSameLossAndGradients(@ForAll("mlps") MlpCase c) {
        Mlp mlp = c.mlp();
        GraphBuilder lb = new GraphBuilder();
        Graph layers = lb.build(mlp.buildLayers(lb));
        GraphBuilder sb = new GraphBuilder();
        Graph scalars = sb.build(mlp.buildScalars(sb));
        Iteration li = Iteration.gradients(layers, layers.initialState());
        li.runToEnd();
        Iteration si = Iteration.gradients(scalars, scalars.initialState());
        si.runToEnd();

        assertThat(si.value(scalars.output()).scalar()).isCloseTo(li.value(layers.output()).scalar(), within(1e-12));
        int firstUnit = 1;
        int checked = 0;
        for (int l = 0; l < mlp.weights().size(); l++) {
            Tensor w = mlp.weights().get(l);
            Tensor dW = li.grad(layers.byName("W" + (l + 1)).orElseThrow().id());
            int nextFirst = firstUnit + w.rows();
            for (int i = 0; i < w.rows(); i++) {
                for (int j = 0; j < w.cols(); j++) {
                    Graph.Node scalar = scalars.byName(weightName(firstUnit + i, nextFirst + j)).orElseThrow();
                    assertThat(scalar.initialValue().scalar()).isEqualTo(w.get(i, j));
                    assertThat(si.grad(scalar.id()).scalar()).as("dE/d%s", scalar.name())
                            .isCloseTo(dW.get(i, j), within(1e-12));
                    checked++;
                }
            }
            firstUnit = nextFirst;
        }
        assertThat(checked).isEqualTo(scalars.params().size());
    }

    // ---- (c) layer ops against central differences -------------------------------------------------

    private static void assertPassesGradientCheck(Graph g) {
        List<GradientCheck.Entry> entries = GradientCheck.check(g, g.initialState(), H);
        assertThat(entries).isNotEmpty();
        assertThat(GradientCheck.maxError(entries)).as("%s", entries).isLessThan(CHECK_TOLERANCE);
    }

    /** ½Σ(y − T)² against a fixed random T, so the upstream gradient of the op is not all ones. */
    private static Graph squaredErrorOf(GraphBuilder b, int y, Tensor target) {
        return b.build(b.op("E", SquaredError.INSTANCE, y, b.input("T", target, false)));
    }

    /** c · L for a param c, so that a loss op must scale by its upstream gradient. */
    private static Graph scaled(GraphBuilder b, int loss, double c) {
        return b.build(b.op("cL", Elementwise.MUL, loss, b.param("c", c)));
    }

    private static Tensor random(java.util.Random r, int rows, int cols, double lo, double hi) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int k = 0; k < cols; k++) {
                row[k] = lo + (hi - lo) * r.nextDouble();
            }
        }
        return Tensor.of(m);
    }

    @Property(tries = 200, seed = SEED)
    void matMulPassesGradientCheck(@ForAll @IntRange(min = 1, max = 4) int n, @ForAll @IntRange(min = 1, max = 4) int k,
                                   @ForAll @IntRange(min = 1, max = 4) int m, @ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        GraphBuilder b = new GraphBuilder();
        int x = b.param("x", random(r, n, k, -2, 2));
        int w = b.param("W", random(r, k, m, -2, 2));
        assertPassesGradientCheck(squaredErrorOf(b, b.op("y", MatMul.INSTANCE, x, w), random(r, n, m, -2, 2)));
    }

    @Property(tries = 200, seed = SEED)
    void affinePassesGradientCheck(@ForAll @IntRange(min = 1, max = 4) int n, @ForAll @IntRange(min = 1, max = 4) int k,
                                   @ForAll @IntRange(min = 1, max = 4) int m, @ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        GraphBuilder b = new GraphBuilder();
        int x = b.param("x", random(r, n, k, -2, 2));
        int w = b.param("W", random(r, k, m, -2, 2));
        int bias = b.param("b", random(r, 1, m, -2, 2));
        assertPassesGradientCheck(squaredErrorOf(b, b.op("y", Affine.INSTANCE, x, w, bias), random(r, n, m, -2, 2)));
    }

    @Property(tries = 200, seed = SEED)
    void softmaxCrossEntropyPassesGradientCheck(@ForAll @IntRange(min = 1, max = 4) int n,
                                                @ForAll @IntRange(min = 1, max = 5) int k,
                                                @ForAll @DoubleRange(min = -2, max = 2) double c,
                                                @ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        GraphBuilder b = new GraphBuilder();
        int a = b.param("a", random(r, n, k, -3, 3));
        // targets are distributions (one-hot or soft labels): rows of positive numbers summing to 1
        double[][] t = random(r, n, k, 0.01, 1).toRows();
        for (double[] row : t) {
            double sum = 0;
            for (double v : row) {
                sum += v;
            }
            for (int j = 0; j < k; j++) {
                row[j] /= sum;
            }
        }
        int target = b.param("t", Tensor.of(t));
        assertPassesGradientCheck(scaled(b, b.op("L", SoftmaxCrossEntropy.INSTANCE, a, target), c));
    }

    @Property(tries = 200, seed = SEED)
    void binaryCrossEntropyPassesGradientCheck(@ForAll @IntRange(min = 1, max = 4) int n,
                                               @ForAll @IntRange(min = 1, max = 3) int k,
                                               @ForAll @DoubleRange(min = -2, max = 2) double c,
                                               @ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        GraphBuilder b = new GraphBuilder();
        int y = b.param("y", random(r, n, k, 0.05, 0.95));
        int t = b.param("t", random(r, n, k, 0, 1));
        assertPassesGradientCheck(scaled(b, b.op("L", BinaryCrossEntropy.INSTANCE, y, t), c));
    }

    @Property(tries = 200, seed = SEED)
    void squaredErrorPassesGradientCheck(@ForAll @IntRange(min = 1, max = 4) int n,
                                         @ForAll @IntRange(min = 1, max = 4) int k,
                                         @ForAll @DoubleRange(min = -2, max = 2) double c,
                                         @ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        GraphBuilder b = new GraphBuilder();
        int y = b.param("y", random(r, n, k, -2, 2));
        int t = b.param("t", random(r, n, k, -2, 2));
        assertPassesGradientCheck(scaled(b, b.op("E", SquaredError.INSTANCE, y, t), c));
    }

    @Property(tries = 200, seed = SEED)
    void weightDecayPassesGradientCheck(@ForAll @IntRange(min = 1, max = 4) int n,
                                        @ForAll @IntRange(min = 1, max = 4) int k,
                                        @ForAll @DoubleRange(min = 0.001, max = 2) @Scale(6) double lambda,
                                        @ForAll @DoubleRange(min = -2, max = 2) double c,
                                        @ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        GraphBuilder b = new GraphBuilder();
        int w = b.param("w", random(r, n, k, -2, 2));
        Op decay = new WeightDecay(lambda, 1);
        assertPassesGradientCheck(scaled(b, b.op("R", decay, w), c));
    }

    // ---- (d) optimizers against their formulas --------------------------------------------------

    /** One random case: a weight, two gradients, prior memory (first, second, t) and hyperparameters. */
    record OptCase(double[] w, double[] g1, double[] g2, double[] first, double[] second, int t, boolean fresh,
                   double lr, double mu, double beta1, double beta2, double eps) {
        Tensor tensor(double[] v) {
            return Tensor.row(v);
        }

        Optimizer.Slot slot() {
            return fresh ? Optimizer.Slot.EMPTY : new Optimizer.Slot(tensor(first), tensor(second), t);
        }

        double[] firstOrZeros() {
            return fresh ? new double[w.length] : first.clone();
        }

        double[] secondOrZeros() {
            return fresh ? new double[w.length] : second.clone();
        }

        /** The same case with the first memory tensor replaced (AdaGrad and RMSprop keep a non-negative one there). */
        OptCase withFirst(double[] f) {
            return new OptCase(w, g1, g2, f, second, t, fresh, lr, mu, beta1, beta2, eps);
        }

        int t0() {
            return fresh ? 0 : t;
        }

        @Override
        public String toString() {
            return "w=" + java.util.Arrays.toString(w) + " g1=" + java.util.Arrays.toString(g1) + " g2="
                    + java.util.Arrays.toString(g2) + " first=" + java.util.Arrays.toString(first) + " second="
                    + java.util.Arrays.toString(second) + " t=" + t + " fresh=" + fresh + " lr=" + lr + " mu=" + mu
                    + " b1=" + beta1 + " b2=" + beta2 + " eps=" + eps;
        }
    }

    @Provide
    Arbitrary<OptCase> optCases() {
        return Arbitraries.integers().between(1, 4).flatMap(n -> {
            Arbitrary<double[]> vec = Arbitraries.doubles().between(-3, 3).ofScale(8).array(double[].class).ofSize(n);
            Arbitrary<double[]> nonNegative = Arbitraries.doubles().between(0, 3).ofScale(8).array(double[].class).ofSize(n);
            Arbitrary<double[][]> vectors = Combinators.combine(vec, vec, vec, vec, nonNegative)
                    .as((a, b, c, d, e) -> new double[][] {a, b, c, d, e});
            Arbitrary<double[]> hyper = Combinators.combine(Arbitraries.doubles().between(1e-4, 1).ofScale(8),
                    Arbitraries.doubles().between(0, 0.99).ofScale(8), Arbitraries.doubles().between(0, 0.99).ofScale(8),
                    Arbitraries.doubles().between(0.5, 0.9999).ofScale(8), Arbitraries.doubles().between(1e-8, 0.1).ofScale(10))
                    .as((lr, mu, b1, b2, eps) -> new double[] {lr, mu, b1, b2, eps});
            return Combinators.combine(vectors, hyper, Arbitraries.integers().between(1, 50), Arbitraries.of(true, false))
                    .as((v, h, t, fresh) -> new OptCase(v[0], v[1], v[2], v[3], v[4], t, fresh,
                            h[0], h[1], h[2], h[3], h[4]));
        });
    }

    /** Runs two updates and checks weights (and memory) after each against the hand-written rule. */
    private static void assertTwoUpdates(OptCase c, Optimizer opt, double[][] expectedW, double[][] expectedFirst,
                                         double[][] expectedSecond) {
        Optimizer.Slot slot0 = c.slot();
        Tensor w = c.tensor(c.w());
        Tensor w0 = w;
        Tensor[] g = {c.tensor(c.g1()), c.tensor(c.g2())};
        Optimizer.Slot slot = slot0;
        for (int step = 0; step < 2; step++) {
            Optimizer.Update u = opt.update(w, g[step], slot);
            assertClose(u.value(), expectedW[step], "w after update " + (step + 1));
            if (expectedFirst != null) {
                assertClose(u.slot().first(), expectedFirst[step], "first moment after update " + (step + 1));
            }
            if (expectedSecond != null) {
                assertClose(u.slot().second(), expectedSecond[step], "second moment after update " + (step + 1));
            }
            assertThat(u.slot().t()).isEqualTo(c.t0() + step + 1);
            w = u.value();
            slot = u.slot();
        }
        // pure: the inputs are untouched, so an earlier state can be restored
        assertThat(w0).isEqualTo(c.tensor(c.w()));
        assertThat(slot0).isEqualTo(c.slot());
    }

    private static void assertClose(Tensor actual, double[] expected, String what) {
        assertThat(actual.size()).isEqualTo(expected.length);
        for (int k = 0; k < expected.length; k++) {
            assertThat(actual.at(k)).as(what + "[" + k + "]")
                    .isCloseTo(expected[k], within(1e-12 * Math.max(1, Math.abs(expected[k]))));
        }
    }

    /** Applies a per-element rule to every element; the rule gets the element index. */
    private static double[] each(int n, java.util.function.IntToDoubleFunction f) {
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = f.applyAsDouble(k);
        }
        return out;
    }

    @Property(tries = 200, seed = SEED)
    void sgdFollowsItsFormula(@ForAll("optCases") OptCase c) {
        int n = c.w().length;
        double[] w1 = each(n, k -> c.w()[k] - c.lr() * c.g1()[k]);
        double[] w2 = each(n, k -> w1[k] - c.lr() * c.g2()[k]);
        assertTwoUpdates(c, new Optimizer.Sgd(c.lr()), new double[][] {w1, w2}, null, null);
    }

    @Property(tries = 200, seed = SEED)
    void momentumFollowsItsFormula(@ForAll("optCases") OptCase c) {
        int n = c.w().length;
        double[] v0 = c.firstOrZeros();
        double[] v1 = each(n, k -> c.mu() * v0[k] - c.lr() * c.g1()[k]);
        double[] w1 = each(n, k -> c.w()[k] + v1[k]);
        double[] v2 = each(n, k -> c.mu() * v1[k] - c.lr() * c.g2()[k]);
        double[] w2 = each(n, k -> w1[k] + v2[k]);
        assertTwoUpdates(c, new Optimizer.Momentum(c.lr(), c.mu()), new double[][] {w1, w2}, new double[][] {v1, v2},
                null);
    }

    /** Saito's DLFS Nesterov: v *= μ; v −= η g; w += μ² v; w −= (1 + μ) η g. */
    @Property(tries = 200, seed = SEED)
    void nesterovFollowsItsFormula(@ForAll("optCases") OptCase c) {
        int n = c.w().length;
        double mu = c.mu();
        double lr = c.lr();
        double[] v = c.firstOrZeros();
        double[] w = c.w().clone();
        double[][] ws = new double[2][];
        double[][] vs = new double[2][];
        double[][] gs = {c.g1(), c.g2()};
        for (int step = 0; step < 2; step++) {
            for (int k = 0; k < n; k++) {
                v[k] *= mu;
                v[k] -= lr * gs[step][k];
                w[k] += mu * mu * v[k];
                w[k] -= (1 + mu) * lr * gs[step][k];
            }
            ws[step] = w.clone();
            vs[step] = v.clone();
        }
        assertTwoUpdates(c, new Optimizer.Nesterov(lr, mu), ws, vs, null);
    }

    @Property(tries = 200, seed = SEED)
    void adaGradFollowsItsFormula(@ForAll("optCases") OptCase c) {
        int n = c.w().length;
        double[] h = c.fresh() ? new double[n] : c.second().clone();
        double[] w = c.w().clone();
        double[][] ws = new double[2][];
        double[][] hs = new double[2][];
        double[][] gs = {c.g1(), c.g2()};
        for (int step = 0; step < 2; step++) {
            for (int k = 0; k < n; k++) {
                h[k] += gs[step][k] * gs[step][k];
                w[k] -= c.lr() * gs[step][k] / (Math.sqrt(h[k]) + c.eps());
            }
            ws[step] = w.clone();
            hs[step] = h.clone();
        }
        assertTwoUpdates(c.withFirst(c.second()), new Optimizer.AdaGrad(c.lr(), c.eps()), ws, hs, null);
    }

    /** Seed 000's rule: s = βs + (1 − β)g²; w −= η/(√s + ε)·g. */
    @Property(tries = 200, seed = SEED)
    void rmsPropFollowsItsFormula(@ForAll("optCases") OptCase c) {
        int n = c.w().length;
        double beta = c.beta2();
        double[] s = c.fresh() ? new double[n] : c.second().clone();
        double[] w = c.w().clone();
        double[][] ws = new double[2][];
        double[][] ss = new double[2][];
        double[][] gs = {c.g1(), c.g2()};
        for (int step = 0; step < 2; step++) {
            for (int k = 0; k < n; k++) {
                s[k] = beta * s[k] + (1 - beta) * gs[step][k] * gs[step][k];
                w[k] -= c.lr() * gs[step][k] / (Math.sqrt(s[k]) + c.eps());
            }
            ws[step] = w.clone();
            ss[step] = s.clone();
        }
        assertTwoUpdates(c.withFirst(c.second()), new Optimizer.RmsProp(c.lr(), beta, c.eps()), ws, ss, null);
    }

    /** Kingma and Ba, Algorithm 1: m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), w −= α m̂/(√v̂ + ε). */
    @Property(tries = 200, seed = SEED)
    void adamFollowsItsFormulaWithBiasCorrection(@ForAll("optCases") OptCase c) {
        int n = c.w().length;
        double b1 = c.beta1();
        double b2 = c.beta2();
        double[] m = c.firstOrZeros();
        double[] v = c.secondOrZeros();
        double[] w = c.w().clone();
        int t = c.t0();
        double[][] ws = new double[2][];
        double[][] ms = new double[2][];
        double[][] vs = new double[2][];
        double[][] gs = {c.g1(), c.g2()};
        for (int step = 0; step < 2; step++) {
            t++;
            for (int k = 0; k < n; k++) {
                double g = gs[step][k];
                m[k] = b1 * m[k] + (1 - b1) * g;
                v[k] = b2 * v[k] + (1 - b2) * g * g;
                double mHat = m[k] / (1 - Math.pow(b1, t));
                double vHat = v[k] / (1 - Math.pow(b2, t));
                w[k] -= c.lr() * mHat / (Math.sqrt(vHat) + c.eps());
            }
            ws[step] = w.clone();
            ms[step] = m.clone();
            vs[step] = v.clone();
        }
        assertTwoUpdates(c, new Optimizer.Adam(c.lr(), b1, b2, c.eps()), ws, ms, vs);
    }

    /** The first Adam step moves every weight by about α (bias correction undoes the (1 − β) factors). */
    @Property(tries = 50, seed = SEED)
    void firstAdamStepIsAboutTheLearningRate(@ForAll @DoubleRange(min = 0.1, max = 3) double g,
                                             @ForAll @DoubleRange(min = 1e-4, max = 0.1) @Scale(8) double lr) {
        Optimizer.Update u = new Optimizer.Adam(lr, 0.9, 0.999, 1e-8)
                .update(Tensor.scalar(1), Tensor.scalar(g), Optimizer.Slot.EMPTY);
        assertThat(1 - u.value().scalar()).isCloseTo(lr, within(lr * 1e-6));
    }
}

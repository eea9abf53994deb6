package backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Graph.Kind;
import backprop.engine.Graph.Node;
import backprop.engine.Step.BackwardStep;
import backprop.engine.Step.EdgeGradient;
import backprop.engine.Step.ForwardStep;
import backprop.engine.Step.LossStep;
import backprop.engine.Step.UpdateStep;
import backprop.engine.program.ProgramParser;
import backprop.scenarios.Scenarios;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of the trace (design.md, "The trace"): stepping and running straight through are the
 * same computation, a trace frame is exactly the executor's state, steps come in the documented order,
 * and the trainer is nothing but iterations run back to back.
 */
class TraceContractTest {
    /** Optimizers with and without memory, so optimizer slots are part of what must match. */
    private static List<Optimizer> optimizers() {
        return List.of(new Optimizer.Sgd(0.1), new Optimizer.Adam(0.01, 0.9, 0.999, 1e-8),
                new Optimizer.RmsProp(0.1, 0.999, 0.01));
    }

    static Stream<Arguments> everyScenarioOrderAndOptimizer() {
        List<Arguments> out = new ArrayList<>();
        List<String> graphs = new ArrayList<>(Scenarios.ids());
        graphs.addAll(EXTRA_GRAPHS.keySet());
        for (String g : graphs) {
            for (UpdateOrder order : UpdateOrder.values()) {
                for (Optimizer opt : optimizers()) {
                    out.add(Arguments.of(g, order, opt));
                }
            }
        }
        return out.stream();
    }

    /** Graphs beyond the scenarios: a param read twice by one op and by two ops, and weight decay on layers. */
    private static final java.util.Map<String, java.util.function.Supplier<Graph>> EXTRA_GRAPHS = java.util.Map.of(
            "param-fan-out", () -> ProgramParser.parse("""
                    param w = 0.5
                    param v = -1.5
                    x = 2
                    loss = (w * w + w * v * x - 1) ^ 2 + sigmoid(v)
                    """),
            "xor+decay", () -> GraphBuilder.withWeightDecay(Scenarios.byId("xor").orElseThrow().graph(), 0.01),
            "softmax-ce+decay", () -> GraphBuilder.withWeightDecay(
                    Scenarios.byId("softmax-ce").orElseThrow().graph(), 0.1));

    private static Graph graph(String name) {
        java.util.function.Supplier<Graph> extra = EXTRA_GRAPHS.get(name);
        return extra != null ? extra.get() : Scenarios.byId(name).orElseThrow().graph();
    }

    /** What an iteration knows at one moment, copied out of it. */
    private record Snapshot(Tensor[] values, Tensor[] grads, Tensor[] leaves) {
        static Snapshot of(Iteration it) {
            int n = it.graph().size();
            Tensor[] values = new Tensor[n];
            Tensor[] grads = new Tensor[n];
            Tensor[] leaves = new Tensor[n];
            ModelState state = it.state();
            for (int i = 0; i < n; i++) {
                values[i] = it.value(i);
                grads[i] = it.grad(i);
                leaves[i] = state.value(i);
            }
            return new Snapshot(values, grads, leaves);
        }
    }

    // ---- stepping = running straight through ---------------------------------------------------

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyScenarioOrderAndOptimizer")
    void steppingOneByOneAndRunningStraightThroughAreBitIdentical(String scenario, UpdateOrder order,
                                                                   Optimizer opt) {
        Graph g = graph(scenario);
        ExecutionPlan plan = ExecutionPlan.of(g);
        ModelState stepped = g.initialState();
        ModelState straight = g.initialState();
        ModelState halves = g.initialState();
        // three chained iterations, so optimizer memory carried between them is compared too
        for (int pass = 0; pass < 3; pass++) {
            Iteration a = new Iteration(plan, stepped, opt, order);
            List<Step> steps = new ArrayList<>();
            while (a.hasNext()) {
                // looking at the state between steps (as the UI does) must not disturb it
                Snapshot.of(a);
                a.hasNext();
                steps.add(a.next());
            }

            Iteration b = new Iteration(plan, straight, opt, order);
            Step last = b.runToEnd();

            // the trainer's way: forward up to the loss, then the rest
            Iteration c = new Iteration(plan, halves, opt, order);
            c.runForward();
            c.runToEnd();

            assertThat(last).isEqualTo(steps.get(steps.size() - 1));
            Snapshot sa = Snapshot.of(a);
            for (Snapshot other : List.of(Snapshot.of(b), Snapshot.of(c))) {
                assertThat(other.values()).containsExactly(sa.values());
                assertThat(other.grads()).containsExactly(sa.grads());
                assertThat(other.leaves()).containsExactly(sa.leaves());
            }
            assertThat(b.state()).isEqualTo(a.state());
            assertThat(c.state()).isEqualTo(a.state());
            // a recorded trace is the same sequence of steps
            assertThat(Trace.record(g, stepped, opt, order).steps()).isEqualTo(steps);

            stepped = a.state();
            straight = b.state();
            halves = c.state();
        }
    }

    // ---- frames replay the executor ------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyScenarioOrderAndOptimizer")
    void frameAtKIsTheIterationAfterKSteps(String scenario, UpdateOrder order, Optimizer opt) {
        Graph g = graph(scenario);
        ModelState start = g.initialState();
        // start from a state with optimizer memory, as a second iteration would
        Iteration warmup = new Iteration(ExecutionPlan.of(g), start, opt, order);
        warmup.runToEnd();
        start = warmup.state();

        Iteration it = new Iteration(ExecutionPlan.of(g), start, opt, order);
        List<Snapshot> snapshots = new ArrayList<>();
        snapshots.add(Snapshot.of(it));
        while (it.hasNext()) {
            it.next();
            snapshots.add(Snapshot.of(it));
        }
        Trace trace = Trace.record(g, start, opt, order);
        assertThat(trace.size()).isEqualTo(snapshots.size() - 1);
        for (int k = 0; k <= trace.size(); k++) {
            Trace.Frame f = trace.frameAt(k);
            Snapshot s = snapshots.get(k);
            assertThat(f.applied()).isEqualTo(k);
            assertThat(f.values()).as("values after %d steps", k).containsExactly(s.values());
            assertThat(f.grads()).as("gradients after %d steps", k).containsExactly(s.grads());
            assertThat(f.leaves()).as("leaves after %d steps", k).containsExactly(s.leaves());
        }
    }

    // ---- step order ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyScenarioOrderAndOptimizer")
    void stepsComeForwardThenLossThenBackwardThenUpdates(String scenario, UpdateOrder order, Optimizer opt) {
        Graph g = graph(scenario);
        ExecutionPlan plan = ExecutionPlan.of(g);
        Trace trace = Trace.record(g, g.initialState(), opt, order);
        List<Step> steps = trace.steps();
        int loss = trace.lossIndex();

        // forward: every op node once, in id order, each after the op nodes it reads
        List<Integer> opNodes = g.nodes().stream().filter(n -> !n.isLeaf()).map(Node::id).toList();
        List<Integer> forward = new ArrayList<>();
        for (int i = 0; i < loss; i++) {
            assertThat(steps.get(i)).isInstanceOf(ForwardStep.class);
            forward.add(steps.get(i).node());
        }
        assertThat(forward).isEqualTo(opNodes);

        // exactly one loss step, on the output
        assertThat(steps.stream().filter(s -> s instanceof LossStep).count()).isEqualTo(1);
        assertThat(steps.get(loss).node()).isEqualTo(g.output());

        // backward: reverse id order; a node's step comes after every consumer's step
        List<BackwardStep> backward = new ArrayList<>();
        Map<Integer, Integer> firstBackward = new HashMap<>();
        for (int i = loss + 1; i < steps.size(); i++) {
            if (steps.get(i) instanceof BackwardStep b) {
                if (!backward.isEmpty()) {
                    assertThat(b.node()).isLessThanOrEqualTo(backward.get(backward.size() - 1).node());
                }
                backward.add(b);
                firstBackward.putIfAbsent(b.node(), i);
            }
        }
        for (BackwardStep b : backward) {
            for (int consumer : g.consumers(b.node())) {
                if (firstBackward.containsKey(consumer)) {
                    assertThat(firstBackward.get(consumer)).isLessThan(firstBackward.get(b.node()));
                }
            }
        }
        // the backward pass is the op nodes on the way from the output to a leaf needing a gradient
        Set<Integer> expectedBackward = new HashSet<>();
        for (int id : opNodes) {
            if (plan.needsGrad(id) && reaches(g, id, g.output())) {
                expectedBackward.add(id);
            }
        }
        assertThat(firstBackward.keySet()).isEqualTo(expectedBackward);

        // every param that got a gradient is updated once, with its complete gradient
        Map<Integer, Tensor> completeGrad = new HashMap<>();
        Map<Integer, Integer> completedAt = new HashMap<>();
        Map<Integer, Integer> updatedAt = new HashMap<>();
        for (int i = loss + 1; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s instanceof BackwardStep b) {
                for (EdgeGradient e : b.edges()) {
                    if (e.complete()) {
                        completeGrad.put(e.input(), e.accumulated());
                        completedAt.put(e.input(), i);
                    }
                }
            } else if (s instanceof UpdateStep u) {
                assertThat(updatedAt.put(u.node(), i)).as("second update of %s", u.node()).isNull();
                assertThat(u.gradient()).isEqualTo(completeGrad.get(u.node()));
                assertThat(u.before()).isEqualTo(g.initialState().value(u.node()));
            } else {
                throw new AssertionError("unexpected step after the loss: " + s);
            }
        }
        Set<Integer> paramsWithGradient = new HashSet<>();
        for (Node n : g.params()) {
            if (completeGrad.containsKey(n.id())) {
                paramsWithGradient.add(n.id());
            }
        }
        assertThat(updatedAt.keySet()).isEqualTo(paramsWithGradient);

        if (order == UpdateOrder.SIMULTANEOUS) {
            // all backward steps, then all updates
            int lastBackward = loss + backward.size();
            for (int i = loss + 1; i <= lastBackward; i++) {
                assertThat(steps.get(i)).isInstanceOf(BackwardStep.class);
            }
            for (int i = lastBackward + 1; i < steps.size(); i++) {
                assertThat(steps.get(i)).isInstanceOf(UpdateStep.class);
            }
            assertThat(backward).extracting(BackwardStep::node).doesNotHaveDuplicates();
        } else {
            // eager: an update follows right behind the backward step that completed the gradient
            for (Map.Entry<Integer, Integer> u : updatedAt.entrySet()) {
                int at = u.getValue();
                int completed = completedAt.get(u.getKey());
                assertThat(completed).isLessThan(at);
                for (int i = completed + 1; i < at; i++) {
                    assertThat(steps.get(i)).isInstanceOf(UpdateStep.class);
                }
            }
            // the updates behind one backward step come in the order of its edges (W before b)
            for (int i = loss + 1; i < steps.size(); i++) {
                if (steps.get(i) instanceof BackwardStep b) {
                    List<Integer> updated = new ArrayList<>();
                    for (int j = i + 1; j < steps.size() && steps.get(j) instanceof UpdateStep u; j++) {
                        updated.add(u.node());
                    }
                    List<Integer> completedHere = b.edges().stream().filter(EdgeGradient::complete)
                            .map(EdgeGradient::input).filter(updatedAt::containsKey).distinct().toList();
                    assertThat(updated).isEqualTo(completedHere);
                }
            }
        }
    }

    private static boolean reaches(Graph g, int from, int to) {
        if (from == to) {
            return true;
        }
        for (int c : g.consumers(from)) {
            if (reaches(g, c, to)) {
                return true;
            }
        }
        return false;
    }

    /** Seed 000's code updates w35 first, then passes the gradient to y3 through the new w35. */
    @Test
    void eagerOrderOfSeed221UsesTheUpdatedW35ForY3() {
        Graph g = Scenarios.seed221().graph();
        int w35 = g.byName("w35").orElseThrow().id();
        int y3 = g.byName("y3").orElseThrow().id();
        Trace eager = Trace.record(g, g.initialState(), new Optimizer.Sgd(1), UpdateOrder.EAGER);

        int update = indexOf(eager, s -> s instanceof UpdateStep u && u.node() == w35);
        int toY3 = indexOf(eager, s -> s instanceof BackwardStep b && edgeTo(b, y3) != null);
        assertThat(update).isLessThan(toY3);
        UpdateStep u = (UpdateStep) eager.step(update);
        // w35 − 1·g: the update really moved it
        assertThat(u.after()).isNotEqualTo(u.before());
        assertThat(u.before().scalar()).isEqualTo(0.3);
        BackwardStep b = (BackwardStep) eager.step(toY3);
        // ∂(w35·y3)/∂y3 = w35, and the eager order reads the updated one
        assertThat(edgeTo(b, y3).localDerivative()).isEqualTo(u.after());
        assertThat(edgeTo(b, y3).contribution().scalar())
                .isEqualTo(b.upstreamGrad().scalar() * u.after().scalar());

        // in the simultaneous order the same edge sees the old w35, and updates come last
        Trace simultaneous = Trace.record(g, g.initialState(), new Optimizer.Sgd(1), UpdateOrder.SIMULTANEOUS);
        int sUpdate = indexOf(simultaneous, s -> s instanceof UpdateStep x && x.node() == w35);
        int sToY3 = indexOf(simultaneous, s -> s instanceof BackwardStep x && edgeTo(x, y3) != null);
        assertThat(sToY3).isLessThan(sUpdate);
        assertThat(edgeTo((BackwardStep) simultaneous.step(sToY3), y3).localDerivative())
                .isEqualTo(Tensor.scalar(0.3));
    }

    private static EdgeGradient edgeTo(BackwardStep b, int input) {
        return b.edges().stream().filter(e -> e.input() == input).findFirst().orElse(null);
    }

    private static int indexOf(Trace t, java.util.function.Predicate<Step> p) {
        for (int i = 0; i < t.size(); i++) {
            if (p.test(t.step(i))) {
                return i;
            }
        }
        throw new AssertionError("no such step");
    }

    // ---- the trainer is iterations back to back ------------------------------------------------

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyScenarioOrderAndOptimizer")
    void trainerPassesAreIterationsRunByHand(String scenario, UpdateOrder order, Optimizer opt) {
        Graph g = graph(scenario);
        int passes = 6;
        List<ModelState> seen = new ArrayList<>();
        Trainer.Result r = Trainer.train(g, g.initialState(), new Trainer.Config(opt, order, Double.NaN, passes),
                (step, loss, weights) -> {
                    seen.add(weights.state());
                    // the packed form the app keeps per iteration unpacks to the same state
                    assertThat(weights.codec().unpack(weights.packed())).isEqualTo(weights.state());
                }, () -> false);

        assertThat(r.stopped()).isEqualTo(Trainer.Stop.MAX_STEPS);
        assertThat(r.passes()).hasSize(passes);
        ExecutionPlan plan = ExecutionPlan.of(g);
        ModelState state = g.initialState();
        for (int k = 1; k <= passes; k++) {
            Iteration it = new Iteration(plan, state, opt, order);
            LossStep loss = it.runForward();
            Trainer.Pass p = r.passes().get(k - 1);
            assertThat(p.step()).isEqualTo(k);
            // Double.equals: bit-identical
            assertThat(p.loss()).isEqualTo(loss.loss());
            List<Tensor> reported = g.reported().stream().map(it::value).toList();
            assertThat(p.reported()).isEqualTo(reported);
            assertThat(seen.get(k - 1)).isEqualTo(state);
            if (k < passes) {
                it.runToEnd();
                state = it.state();
            }
        }
        // stopped by max-steps: the weights kept are those the last pass used
        assertThat(r.finalState()).isEqualTo(state);
        assertThat(r.keptPass()).isEqualTo(passes);
    }

    @ParameterizedTest(name = "batch {0} {1}")
    @org.junit.jupiter.params.provider.CsvSource({"1, SIMULTANEOUS", "3, EAGER", "4, SIMULTANEOUS", "9, EAGER"})
    void miniBatchPassesAreIterationsOnTheBatchRunByHand(int size, UpdateOrder order) {
        Graph g = graph("logistic"); // ten rows
        Optimizer opt = new Optimizer.Adam(0.05, 0.9, 0.999, 1e-8);
        int passes = 25;
        long seed = 11;
        Trainer.Result r = Trainer.train(g, g.initialState(),
                new Trainer.Config(opt, order, Double.NaN, passes, new Trainer.Batches(size, seed)));

        // by hand: the same epoch shuffles (java.util.Random, Fisher-Yates), rows copied into a batch state
        int[] data = Trainer.Batches.dataInputs(g);
        int rows = g.initialState().value(data[0]).rows();
        java.util.Random random = new java.util.Random(seed);
        int[] order0 = null;
        int next = rows;
        ExecutionPlan plan = ExecutionPlan.of(g);
        ModelState full = g.initialState();
        for (int k = 1; k <= passes; k++) {
            ModelState batch = full;
            int[] pick = new int[size];
            for (int j = 0; j < size; j++) {
                if (next == rows) {
                    order0 = new int[rows];
                    for (int i = 0; i < rows; i++) {
                        order0[i] = i;
                    }
                    for (int i = rows - 1; i > 0; i--) {
                        int swap = random.nextInt(i + 1);
                        int tmp = order0[i];
                        order0[i] = order0[swap];
                        order0[swap] = tmp;
                    }
                    next = 0;
                }
                pick[j] = order0[next++];
            }
            for (int id : data) {
                double[][] all = full.value(id).toRows();
                double[][] chosen = new double[size][];
                for (int j = 0; j < size; j++) {
                    chosen[j] = all[pick[j]];
                }
                batch = batch.withValue(id, Tensor.of(chosen));
            }
            Iteration it = new Iteration(plan, batch, opt, order);
            assertThat(r.passes().get(k - 1).loss()).as("pass %d", k).isEqualTo(it.runForward().loss());
            it.runToEnd();
            ModelState next0 = it.state();
            for (int id : data) {
                next0 = next0.withValue(id, full.value(id));
            }
            if (k < passes) {
                full = next0;
            }
        }
        assertThat(r.finalState()).isEqualTo(full);
    }

    @Test
    void aRunKeepingOnlyTheLastPassCountsThemAllAndEndsTheSame() {
        Graph g = graph("xor");
        Trainer.Config config = new Trainer.Config(new Optimizer.Sgd(0.1), UpdateOrder.SIMULTANEOUS, Double.NaN, 30);
        Trainer.Result all = Trainer.train(g, g.initialState(), config);
        Trainer.Result last = Trainer.train(g, g.initialState(), config.lastPassOnly());
        assertThat(all.passes()).hasSize(30);
        assertThat(all.passCount()).isEqualTo(30);
        assertThat(last.passes()).containsExactly(all.last());
        assertThat(last.passCount()).isEqualTo(30);
        assertThat(last.finalState()).isEqualTo(all.finalState());
    }

    @Test
    void aDivergingRunKeepsTheWeightsOfThePassBeforeAndSaysWhichPassThatIs() {
        Graph g = ProgramParser.parse("param w = 2; loss = w^2");
        // w ← w − 5·2w = −9w: pass k has w = 2·(−9)^(k−1), loss 4·81^(k−1); pass 5's 4·81⁴ > 10⁶·4
        Trainer.Result r = Trainer.train(g, g.initialState(),
                new Trainer.Config(new Optimizer.Momentum(5, 0), UpdateOrder.SIMULTANEOUS, Double.NaN, 100));
        assertThat(r.stopped()).isEqualTo(Trainer.Stop.DIVERGED);
        assertThat(r.passes()).hasSize(5);
        assertThat(r.keptPass()).isEqualTo(4);
        int w = g.byName("w").orElseThrow().id();
        assertThat(r.finalState().value(w).scalar()).isEqualTo(-1458.0);
        // the optimizer memory kept is that of pass 4 too: velocity v = w₄ − w₃ = −1458 − 162
        assertThat(r.finalState().slot(w).first().scalar()).isEqualTo(-1620.0);
        assertThat(r.finalState().slot(w).t()).isEqualTo(3);
    }

    @Test
    void aLossNearZeroThatGrowsByRoundingIsNotDivergenceButOneThatPassesOneIs() {
        // w ← w − 1.05·2w = −1.1w: the loss 1e-30·1.21^(k−1) grows 10^6 times by pass 74, yet stays near zero
        Graph g = ProgramParser.parse("param w = 1e-15; loss = w^2");
        Trainer.Result r = Trainer.train(g, g.initialState(),
                new Trainer.Config(new Optimizer.Sgd(1.05), UpdateOrder.SIMULTANEOUS, Double.NaN, 100));
        assertThat(r.stopped()).isEqualTo(Trainer.Stop.MAX_STEPS);
        assertThat(r.last().loss()).isCloseTo(1e-30 * Math.pow(1.21, 99), org.assertj.core.data.Percentage.withPercentage(1e-9));
        // from the same start at lr 5 (w ← −9w, the loss ×81 a pass) it passes 1 at pass 17: 1e-30·81^16 = 3.4
        Trainer.Result away = Trainer.train(g, g.initialState(),
                new Trainer.Config(new Optimizer.Sgd(5), UpdateOrder.SIMULTANEOUS, Double.NaN, 100));
        assertThat(away.stopped()).isEqualTo(Trainer.Stop.DIVERGED);
        assertThat(away.passes()).hasSize(17);
        assertThat(away.divergence()).startsWith("the loss of pass 17 (").endsWith("is over 1, 10^6 times 10^-6, from a first loss near zero (1.0E-30)");
    }

    @Test
    void hugeFiniteWeightsWhoseSumOverflowsAreNotDivergenceButAnInfiniteOneIs() {
        // the trainer tests each weight matrix's sum first: 1.5e308 + 1.5e308 overflows, yet both are finite
        Graph g = rowTimesZeros(1.5e308, 1.5e308);
        Trainer.Result r = Trainer.train(g, g.initialState(),
                new Trainer.Config(new Optimizer.Sgd(0.1), UpdateOrder.SIMULTANEOUS, Double.NaN, 20));
        assertThat(r.stopped()).isEqualTo(Trainer.Stop.MAX_STEPS);
        int w = g.byName("W").orElseThrow().id();
        assertThat(r.finalState().value(w)).isEqualTo(Tensor.of(new double[][] {{1.5e308, 1.5e308}}));

        Graph h = rowTimesZeros(1.5e308, Double.POSITIVE_INFINITY);
        Trainer.Result bad = Trainer.train(h, h.initialState(),
                new Trainer.Config(new Optimizer.Sgd(0.1), UpdateOrder.SIMULTANEOUS, Double.NaN, 20));
        assertThat(bad.stopped()).isEqualTo(Trainer.Stop.DIVERGED);
    }

    @Test
    void anUpdateThatMakesAWeightInfiniteStopsTheRunAtOnceWithThePassItFollowed() {
        // loss 1e300 is finite, its gradient 1e300; w ← 1 − 1e10·1e300 overflows to −∞ in pass 1's update.
        // Caught by the loss only, the run would stop a pass later, at a loss of −∞.
        Graph g = ProgramParser.parse("param w = 1; loss = w * 1e300");
        Trainer.Result r = Trainer.train(g, g.initialState(),
                new Trainer.Config(new Optimizer.Sgd(1e10), UpdateOrder.SIMULTANEOUS, Double.NaN, 10));
        assertThat(r.stopped()).isEqualTo(Trainer.Stop.DIVERGED);
        assertThat(r.passes()).hasSize(1);
        assertThat(r.divergence()).isEqualTo("the update after pass 1 made w NaN or infinite");
        assertThat(r.keptPass()).isEqualTo(1);
        assertThat(r.finalState().value(g.byName("w").orElseThrow().id()).scalar()).isEqualTo(1.0);
    }

    /** E = ½(W·x − 0)² with W = [a b] and x = [0 0]ᵀ: the gradient is 0, so the weights stay as given. */
    private static Graph rowTimesZeros(double a, double b) {
        GraphBuilder gb = new GraphBuilder();
        int w = gb.param("W", Tensor.of(new double[][] {{a, b}}));
        int x = gb.input("x", Tensor.of(new double[][] {{0}, {0}}), false);
        int y = gb.op("y", backprop.engine.op.MatMul.INSTANCE, w, x);
        int t = gb.input("t", Tensor.scalar(0), false);
        return gb.build(gb.op("E", backprop.engine.op.SquaredError.INSTANCE, y, t));
    }

    // ---- fan-out ----------------------------------------------------------------------------------

    @Test
    void fanOutGradientsAreSummedAndMarkedCompleteOnTheLastShare() {
        Graph g = ProgramParser.parse("x = 3\ny = x * x + x");
        int x = g.byName("x").orElseThrow().id();
        assertThat(g.node(x).kind()).isEqualTo(Kind.INPUT);
        Trace trace = Trace.record(g, g.initialState(), null, UpdateOrder.SIMULTANEOUS);

        assertThat(trace.frameAt(trace.size()).value(g.output())).isEqualTo(Tensor.scalar(12));
        // dy/dx = 2x + 1 = 7
        assertThat(trace.frameAt(trace.size()).grad(x)).isEqualTo(Tensor.scalar(7));

        List<EdgeGradient> shares = new ArrayList<>();
        List<Integer> shareStep = new ArrayList<>();
        for (int i = 0; i < trace.size(); i++) {
            if (trace.step(i) instanceof BackwardStep b) {
                for (EdgeGradient e : b.edges()) {
                    if (e.input() == x) {
                        shares.add(e);
                        shareStep.add(i);
                    }
                }
            }
        }
        // the + node passes back first (1), then the × node twice (3 from each operand)
        assertThat(shares).hasSize(3);
        int add = g.output();
        int mul = g.byName("x * x").orElseThrow().id();
        assertThat(trace.step(shareStep.get(0)).node()).isEqualTo(add);
        assertThat(trace.step(shareStep.get(1)).node()).isEqualTo(mul);
        assertThat(trace.step(shareStep.get(2)).node()).isEqualTo(mul);

        assertThat(shares).extracting(EdgeGradient::localDerivative)
                .containsExactly(Tensor.scalar(1), Tensor.scalar(3), Tensor.scalar(3));
        assertThat(shares).extracting(EdgeGradient::contribution)
                .containsExactly(Tensor.scalar(1), Tensor.scalar(3), Tensor.scalar(3));
        assertThat(shares).extracting(EdgeGradient::accumulated)
                .containsExactly(Tensor.scalar(1), Tensor.scalar(4), Tensor.scalar(7));
        assertThat(shares).extracting(EdgeGradient::complete).containsExactly(false, false, true);
        assertThat(shares).extracting(EdgeGradient::slot).containsExactly(1, 0, 1);

        // the partial sums are what a frame shows in between
        assertThat(trace.frameAt(shareStep.get(0) + 1).grad(x)).isEqualTo(Tensor.scalar(1));
        assertThat(trace.frameAt(shareStep.get(0)).grad(x)).isNull();
    }

    @Test
    void iterationWithoutOptimizerEndsAfterTheBackwardPass() {
        Graph g = Scenarios.seed221().graph();
        Trace t = Trace.record(g, g.initialState(), null, UpdateOrder.EAGER);
        assertThat(t.steps()).noneMatch(s -> s instanceof UpdateStep);
        assertThat(t.step(t.size() - 1)).isInstanceOf(BackwardStep.class);
        for (Node p : g.params()) {
            assertThat(t.frameAt(t.size()).leaf(p.id())).isEqualTo(p.initialValue());
            assertThat(t.frameAt(t.size()).grad(p.id())).isNotNull();
        }
    }
}

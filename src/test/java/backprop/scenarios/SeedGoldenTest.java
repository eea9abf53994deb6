package backprop.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backprop.engine.Graph;
import backprop.engine.Iteration;
import backprop.engine.ModelState;
import backprop.engine.Optimizer;
import backprop.engine.Tensor;
import backprop.engine.Trainer;
import backprop.engine.Trainer.Result;
import backprop.engine.Trainer.Stop;
import backprop.engine.UpdateOrder;
import org.junit.jupiter.api.Test;

/** The numbers the seed posts print (and tools/seed000_reference.py recomputes in plain Python). */
class SeedGoldenTest {
    private static final double EXACT = 1e-12;

    private static Iteration gradients(Scenario s) {
        Iteration it = Iteration.gradients(s.graph(), s.graph().initialState());
        it.runToEnd();
        return it;
    }

    private static double grad(Iteration it, String leaf) {
        return it.grad(it.graph().byName(leaf).orElseThrow().id()).scalar();
    }

    @Test
    void appleGraphOfSeed001() {
        Iteration it = gradients(Scenarios.apple());
        assertThat(it.value(it.graph().output()).scalar()).isCloseTo(220.00000000000003, within(EXACT));
        assertThat(grad(it, "apple")).isCloseTo(2.2, within(EXACT));
        assertThat(grad(it, "count")).isCloseTo(110, within(EXACT));
        assertThat(grad(it, "tax")).isCloseTo(200, within(EXACT));
    }

    @Test
    void appleAndOrangeGraphOfSeed001() {
        Iteration it = gradients(Scenarios.appleOrange());
        assertThat(it.value(it.graph().output()).scalar()).isCloseTo(715.0000000000001, within(EXACT));
        assertThat(grad(it, "apple")).isCloseTo(2.2, within(EXACT));
        assertThat(grad(it, "apple_count")).isCloseTo(110, within(EXACT));
        assertThat(grad(it, "orange")).isCloseTo(3.3, within(EXACT));
        assertThat(grad(it, "orange_count")).isCloseTo(165, within(EXACT));
        assertThat(grad(it, "tax")).isCloseTo(650, within(EXACT));
    }

    @Test
    void decomposedSigmoidHasTheDerivativeYTimesOneMinusY() {
        Iteration it = gradients(Scenarios.sigmoidDecomposed());
        double y = 1 / (1 + Math.exp(-1.0));
        assertThat(it.value(it.graph().output()).scalar()).isCloseTo(y, within(EXACT));
        assertThat(grad(it, "x")).isCloseTo(y * (1 - y), within(EXACT));
    }

    private static Result trainSeed221(Optimizer optimizer, UpdateOrder order) {
        Graph g = Scenarios.seed221().graph();
        return Trainer.train(g, g.initialState(), new Trainer.Config(optimizer, order, 1e-7, 100_000));
    }

    private static double y(Result r, int step) {
        return r.passes().get(step - 1).reported().get(0).scalar();
    }

    @Test
    void seed000SgdEagerTakes111Passes() {
        Result r = trainSeed221(new Optimizer.Sgd(1), UpdateOrder.EAGER);
        assertThat(r.passes()).hasSize(111);
        assertThat(r.stopped()).isEqualTo(Stop.UNTIL_LOSS);
        assertThat(y(r, 1)).isCloseTo(0.6902834929076443, within(EXACT));
        assertThat(r.passes().get(0).loss()).isCloseTo(0.01810390383656677, within(EXACT));
        assertThat(y(r, 2)).isCloseTo(0.6820312027460466, within(EXACT));
        assertThat(y(r, 111)).isCloseTo(0.5004302844701667, within(EXACT));
        assertThat(r.last().loss()).isCloseTo(9.2572362633313e-08, within(EXACT));
    }

    @Test
    void seed000SgdSimultaneousDiffersFromPassTwoOn() {
        Result r = trainSeed221(new Optimizer.Sgd(1), UpdateOrder.SIMULTANEOUS);
        assertThat(y(r, 2)).isCloseTo(0.6820185832642942, within(EXACT));
        assertThat(r.passes()).hasSize(111);
    }

    @Test
    void seed000RmsPropEagerTakes11Passes() {
        Result r = trainSeed221(new Optimizer.RmsProp(0.1, 0.999, 0.01), UpdateOrder.EAGER);
        assertThat(r.passes()).hasSize(11);
        assertThat(y(r, 2)).isCloseTo(0.6118790538896405, within(EXACT));
        assertThat(y(r, 11)).isCloseTo(0.5002367820786155, within(EXACT));
        assertThat(r.last().loss()).isCloseTo(2.803287637675012e-08, within(EXACT));
    }

    @Test
    void affineSigmoidOfSeed004() {
        Scenario s = Scenarios.affineSigmoid();
        Iteration it = gradients(s);
        Graph g = s.graph();
        int y1 = g.byName("y1").orElseThrow().id();
        assertThat(it.value(y1).scalar()).isCloseTo(-1.64126277, within(1e-8));
        assertThat(it.value(g.output()).scalar()).isCloseTo(0.16229331, within(1e-8));
        assertThat(it.grad(y1).scalar()).isCloseTo(0.13595419, within(1e-8));
        Tensor dW = it.grad(g.byName("W").orElseThrow().id());
        assertThat(dW.at(0)).isCloseTo(0.13595419, within(1e-8));
        assertThat(dW.at(1)).isCloseTo(0.27190838, within(1e-8));
    }

    @Test
    void softmaxCeOfSeed002IsLn2AndLabelOneWeightsGetGradients() {
        Scenario s = Scenarios.softmaxCe();
        Graph g = s.graph();
        int x = g.byName("x").orElseThrow().id();
        for (Tensor input : new Tensor[] {g.node(x).initialValue(), Tensor.filled(1, 10, 3.7), Tensor.filled(1, 10, -0.2)}) {
            ModelState state = g.initialState().withValue(x, input);
            Iteration it = Iteration.gradients(g, state);
            it.runToEnd();
            assertThat(it.value(g.output()).scalar()).isCloseTo(Math.log(2), within(EXACT));
            Tensor dW2 = it.grad(g.byName("W2").orElseThrow().id());
            for (int j = 0; j < 20; j++) {
                // column 1 holds the weights into the label-1 output: their gradients are h_j · 0.5
                double hj = it.value(g.byName("h").orElseThrow().id()).at(j);
                assertThat(dW2.get(j, 1)).isCloseTo(0.5 * hj, within(EXACT));
                assertThat(dW2.get(j, 0)).isCloseTo(-0.5 * hj, within(EXACT));
            }
            // W2's two columns are equal, so ∂L/∂h_j = 0.1 · Σ_k (softmax_k − t_k) = 0.1 · (1 − 1): exactly 0
            // when the equal scores give a softmax of exactly ½ each, and W1's gradient, x_i · ∂L/∂h_j, too
            assertThat(it.grad(g.byName("h").orElseThrow().id()).matrix().data).containsOnly(0.0);
            assertThat(it.grad(g.byName("W1").orElseThrow().id()).matrix().data).containsOnly(0.0);
        }
    }
}

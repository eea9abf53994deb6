package backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backprop.scenarios.Scenarios;
import org.junit.jupiter.api.Test;

/** Weight decay added to any graph: the penalty's value and gradient, checked by hand and numerically. */
class WeightDecayTransformTest {

    @Test
    void eachWeightsGradientGrowsByLambdaTimesTheWeight() {
        Graph plain = Scenarios.seed221().graph();
        Graph decayed = GraphBuilder.withWeightDecay(plain, 0.25);
        Iteration a = Iteration.gradients(plain, plain.initialState());
        a.runToEnd();
        Iteration b = Iteration.gradients(decayed, plain.initialState().resizedFor(decayed));
        b.runToEnd();
        for (Graph.Node p : plain.params()) {
            double w = p.initialValue().scalar();
            assertThat(b.grad(p.id()).scalar()).as(p.name()).isCloseTo(a.grad(p.id()).scalar() + 0.25 * w, within(1e-15));
        }
        assertThat(GradientCheck.maxError(GradientCheck.check(decayed, decayed.initialState(), 1e-6))).isLessThan(1e-8);
    }

    @Test
    void matrixWeightsAreDecayedToo() {
        Graph plain = Scenarios.xor(Scenarios.XOR_SEED).graph();
        Graph decayed = GraphBuilder.withWeightDecay(plain, 0.5);
        assertThat(decayed.size()).as("one penalty node reading every weight, one sum").isEqualTo(plain.size() + 2);
        assertThat(GradientCheck.maxError(GradientCheck.check(decayed, decayed.initialState(), 1e-6))).isLessThan(1e-7);
    }

    @Test
    void lambdaMustBePositive() {
        Graph g = Scenarios.apple().graph();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GraphBuilder.withWeightDecay(g, 0))
                .hasMessageContaining("λ must be a positive number");
    }
}

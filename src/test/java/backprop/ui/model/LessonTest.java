package backprop.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Graph;
import backprop.engine.ModelState;
import backprop.engine.Tensor;
import backprop.engine.program.ProgramParser;
import backprop.scenarios.Scenarios;
import org.junit.jupiter.api.Test;

/** A lesson's formula, written with the values a graph shows. No toolkit needed. */
class LessonTest {

    private static ModelState with(Graph g, ModelState s, String name, double v) {
        return s.withValue(g.byName(name).orElseThrow().id(), Tensor.scalar(v));
    }

    @Test
    void anExampleBuiltFromAFormulaWritesItWithItsValues() {
        Lesson apple = Lesson.of(Scenarios.byId("apple").orElseThrow());
        Graph g = apple.graph();
        assertThat(apple.formulaWith(g.initialState())).isEqualTo(Scenarios.program("apple").orElseThrow());
        ModelState threeApples = with(g, with(g, g.initialState(), "count", 3), "tax", 1.08);
        assertThat(apple.formulaWith(threeApples)).isEqualTo("""
                apple = 100
                count = 3
                tax = 1.08
                price = apple * count * tax
                """);
    }

    @Test
    void aTypedFormulaWritesItsTrainedParamsExactly() {
        String text = "x = 3\nparam w = 0.5\ny = w * x";
        Graph g = ProgramParser.parse(text);
        Lesson typed = Lesson.ofProgram(text, g);
        double trained = 0.1 + 0.2; // 0.30000000000000004: drawn again, the same double
        String written = typed.formulaWith(with(g, g.initialState(), "w", trained));
        assertThat(written).isEqualTo("x = 3\nparam w = 0.30000000000000004\ny = w * x");
        Graph again = ProgramParser.parse(written);
        assertThat(again.byName("w").orElseThrow().initialValue().scalar()).isEqualTo(trained);
    }

    @Test
    void anExampleWithoutAFormulaHasNone() {
        Lesson xor = Lesson.of(Scenarios.byId("xor").orElseThrow());
        assertThat(xor.formulaWith(xor.graph().initialState())).isNull();
    }
}

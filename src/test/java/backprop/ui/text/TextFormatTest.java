package backprop.ui.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How numbers and names read on the graph and in the chain rule. */
class TextFormatTest {

    @Test
    void numbersDropFloatingPointNoise() {
        assertThat(Numbers.format(220.00000000000003)).isEqualTo("220");
        assertThat(Numbers.format(110.00000000000001)).isEqualTo("110");
        assertThat(Numbers.format(0.6902834929076443)).isEqualTo("0.690283");
        assertThat(Numbers.format(-2.5)).isEqualTo("−2.5");
    }

    @Test
    void graphLabelsSwitchToPowersOfTenForSmallValues() {
        assertThat(Numbers.label(-0.00049783)).isEqualTo("−4.978e−4");
        assertThat(Numbers.label(0.0073545)).isEqualTo("0.0073545");
        // a gradient: a number, a matrix's shape, or "all 0" when no entry got any
        assertThat(Numbers.gradientLabel(backprop.engine.Tensor.scalar(-0.5))).isEqualTo("−0.5");
        assertThat(Numbers.gradientLabel(backprop.engine.Tensor.filled(10, 20, 0.0))).isEqualTo("all 0");
        assertThat(Numbers.gradientLabel(backprop.engine.Tensor.of(new double[][] {{0, 0}, {0, 1e-300}}))).isEqualTo("2×2");
        assertThat(Numbers.format(9.2572362633313e-08)).isEqualTo("9.257e−8");
    }

    @Test
    void nonFiniteValuesReadAsSuch() {
        assertThat(Numbers.format(Double.NaN)).isEqualTo("NaN");
        assertThat(Numbers.format(Double.NEGATIVE_INFINITY)).isEqualTo("−∞");
        assertThat(Tex.number(Double.NEGATIVE_INFINITY)).isEqualTo("(-\\infty)");
        assertThat(Tex.number(Double.POSITIVE_INFINITY)).isEqualTo("\\infty");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "w13             | w_{13}",
        "apple           | \\text{apple}",
        "W_hidden        | W_{\\text{hidden}}",
        "apple * count   | (\\text{apple} \\cdot \\text{count})",
        // a negative factor in parentheses (seed 001's sigmoid: x · (−1), not x · −1); a leading minus and
        // a subtraction stay as they are
        "x * -1          | (x \\cdot (-1))",
        "1 + exp(x * -1) | (1 + \\operatorname{exp}(x \\cdot (-1)))",
        "a - b * -c      | (a - b \\cdot (-c))",
        "-a + b          | (- a + b)",
        // a constant by its number and one whole function call without parentheses around them; a call
        // followed by more keeps them
        "1               | 1",
        "2.5             | 2.5",
        "exp(x * -1)     | \\operatorname{exp}(x \\cdot (-1))",
        "max(a, b)       | \\operatorname{max}(a,b)",
        "exp(a) * exp(b) | (\\operatorname{exp}(a) \\cdot \\operatorname{exp}(b))",
        // a name in any script, as the formula language allows (it once sent this into endless recursion)
        "μ               | \\text{μ}",
        "价格            | \\text{价格}",
        "μ * 价格2       | (\\text{μ} \\cdot \\text{价格2})",
    })
    void namesBecomeMath(String name, String tex) {
        assertThat(Tex.name(name)).isEqualTo(tex);
    }

    @Test
    void aNegativeNumberIsParenthesisedOnlyInsideAProduct() {
        assertThat(Tex.number(-0.5)).isEqualTo("(-0.5)");
        assertThat(Tex.result(-0.5)).isEqualTo("-0.5");
    }
}

package backprop.ui.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ops' TeX templates in the inspector's plain text, written out by hand. Before, the inspector
 * stripped the TeX's braces and backslashes: 1/p read "1/(p", ∂(p/q)/∂q read "-fracpq^2", and
 * ∂exp(p * q)/∂(p * q) read "e^p * q".
 */
class PlainMathTest {

    private static String plain(String template, String... operands) {
        return PlainMath.of(template, List.of(operands), "y", null);
    }

    @Test
    void fractionsAndRootsKeepTheirDenominatorTogether() {
        assertThat(plain("\\frac{1}{#0}", "p")).isEqualTo("1/p");
        assertThat(plain("\\frac{1}{#0}", "p + q")).isEqualTo("1/(p + q)");
        assertThat(plain("\\frac{1}{2\\sqrt{#0}}", "p")).isEqualTo("1/(2√p)");
        assertThat(plain("\\frac{1}{2\\sqrt{#0}}", "p + q")).isEqualTo("1/(2√(p + q))");
        assertThat(plain("-\\frac{#0}{{#1}^2}", "a", "b")).isEqualTo("-a/(b^2)");
        assertThat(plain("-\\frac{#0}{{#1}^2}", "a + b", "a * b")).isEqualTo("-(a + b)/((a * b)^2)");
    }

    @Test
    void powersPutACompoundBaseOrExponentInParentheses() {
        assertThat(plain("e^{#0}", "x")).isEqualTo("e^x");
        assertThat(plain("e^{#0}", "p * q")).isEqualTo("e^(p * q)");
        assertThat(plain("#1 \\cdot {#0}^{#1 - 1}", "a", "b")).isEqualTo("b · a^(b - 1)");
        assertThat(plain("{#0}^{#1} \\ln #0", "a + b", "c")).isEqualTo("(a + b)^c ln(a + b)");
    }

    @Test
    void functionsTakeTheirArgumentInParentheses() {
        assertThat(plain("\\cos #0", "p * q")).isEqualTo("cos(p * q)");
        assertThat(plain("-\\sin #0", "x")).isEqualTo("-sin(x)");
        assertThat(plain("\\operatorname{sign}(#0)", "a")).isEqualTo("sign(a)");
        assertThat(plain("\\operatorname{sign}(#0)", "a + b")).isEqualTo("sign(a + b)"); // not sign((a + b))
        assertThat(plain("\\max(#0, #1)", "a + b", "c * d")).isEqualTo("max(a + b, c * d)");
        assertThat(plain("[#0 \\ge #1]", "a", "b")).isEqualTo("[a ≥ b]");
        assertThat(PlainMath.of("1 - {#y}^2", List.of("x"), "tanh(x)", null)).isEqualTo("1 - tanh(x)^2");
        assertThat(PlainMath.of("#y(1 - #y)", List.of("a + b"), "sigmoid(a + b)", null))
                .isEqualTo("sigmoid(a + b)(1 - sigmoid(a + b))");
    }

    @Test
    void matrixProductsAndLosses() {
        assertThat(PlainMath.of("#g \\cdot {#1}^{\\top}", List.of("h", "W2"), "scores", "∂L/∂scores"))
                .isEqualTo("∂L/∂scores · W2ᵀ");
        assertThat(PlainMath.of("\\mathbf{1}^{\\top} \\cdot #g", List.of("X", "w", "b"), "z", "∂L/∂z")).isEqualTo("1ᵀ · ∂L/∂z");
        assertThat(plain("\\frac{\\operatorname{softmax}(#0) - #1}{N}", "scores", "t")).isEqualTo("(softmax(scores) - t)/N");
        assertThat(plain("-\\frac{\\log \\operatorname{softmax}(#0)}{N}", "scores", "t")).isEqualTo("-log(softmax(scores))/N");
        assertThat(plain("\\frac{#0 - #1}{N\\,#0(1 - #0)}", "y", "t")).isEqualTo("(y - t)/(N y(1 - y))");
        assertThat(plain("-\\frac{1}{N}\\log\\frac{#0}{1 - #0}", "y", "t")).isEqualTo("-1/N log(y/(1 - y))");
        assertThat(plain("#0 - #1", "y", "t")).isEqualTo("y - t");
        assertThat(plain("-(#0 - #1)", "y", "t")).isEqualTo("-(y - t)");
        assertThat(plain("\\lambda #0", "w13")).isEqualTo("λ w13");
    }

    @Test
    void anOperandThatIsTheWholeDerivativeIsWrittenAsItIs() {
        assertThat(plain("#1", "a", "p + q")).isEqualTo("p + q"); // ∂(a · (p + q))/∂a
        assertThat(plain("1")).isEqualTo("1");
    }
}

package backprop.ui.chain;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Graph;
import backprop.engine.Optimizer;
import backprop.engine.Step;
import backprop.engine.Step.BackwardStep;
import backprop.engine.Tensor;
import backprop.engine.Trace;
import backprop.engine.UpdateOrder;
import backprop.engine.program.ProgramParser;
import backprop.scenarios.Scenarios;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The chain-rule text of a step, with numbers worked out by hand (or in tools/seed000_reference.py). */
class ChainRuleTest {

    private static Trace trace(Graph g) {
        return Trace.record(g, g.initialState(), null, UpdateOrder.SIMULTANEOUS);
    }

    /** Applied steps up to and including the backward step that passes a gradient to {@code leaf}. */
    private static int stepReaching(Trace t, String leaf) {
        int id = t.graph().byName(leaf).orElseThrow().id();
        for (int i = 0; i < t.size(); i++) {
            if (t.step(i) instanceof BackwardStep b && b.edges().stream().anyMatch(e -> e.input() == id)) {
                return i + 1;
            }
        }
        throw new AssertionError("no step reaches " + leaf);
    }

    @Test
    void appleMultiplyShowsUpstreamTimesLocal() {
        Trace t = trace(Scenarios.apple().graph());
        Explanation x = ChainRule.at(t, t.size(), null);
        assertThat(x.tex()).contains("1.1 \\times 2 = 2.2").contains("1.1 \\times 100 = 110");
        assertThat(x.terms()).isEmpty();
    }

    @Test
    void forwardStepFillsTheNumbersIn() {
        Trace t = trace(Scenarios.apple().graph());
        Explanation x = ChainRule.at(t, 1, null); // apple * count
        assertThat(x.tex()).contains("100 \\cdot 2 = 200");
    }

    @Test
    void aNegativeNumberIsParenthesisedAsAFactorButNotAsTheResult() {
        Trace t = trace(ProgramParser.parse("x = 1; y = 0 - exp(x)"));
        // y = 0 − e = −2.71828; ∂y/∂x = (∂y/∂exp = −1) × e
        assertThat(ChainRule.at(t, 2, null).tex()).endsWith("= 0 - 2.71828 = -2.71828");
        assertThat(ChainRule.at(t, t.size(), null).tex()).contains("= (-1) \\times 2.71828 = -2.71828");
    }

    @Test
    void aValueUsedThreeTimesIsASumOfThreeColouredTerms() {
        Trace t = trace(ProgramParser.parse("x = 3; y = x * x + x"));
        Explanation x = ChainRule.at(t, t.size(), null);
        // y = x·x + x: going backward the sum passes 1·1 first, then the product 1·3 twice; 1 + 3 + 3 = 7
        assertThat(x.terms()).hasSize(3);
        assertThat(x.terms()).extracting(Explanation.Term::colour).containsExactly(0, 1, 2);
        assertThat(x.tex()).contains("\\textcolor{" + ChainRule.TERM_COLOURS.get(0) + "}{1} + \\textcolor{"
                + ChainRule.TERM_COLOURS.get(1) + "}{3} + \\textcolor{" + ChainRule.TERM_COLOURS.get(2) + "}{3} = 7");
        // the share through the output y = (x·x) + x is its expression's derivative, not ∂y/∂x again
        String dydx = "\\frac{\\partial y}{\\partial x}";
        String sum = x.lines().stream().filter(l -> l.startsWith(dydx + " = ")).findFirst().orElseThrow();
        assertThat(sum.substring(dydx.length())).doesNotContain(dydx).contains("\\partial \\left((x \\cdot x) + x\\right)");
        // x · x passes x two shares, one per operand: their lines say which
        assertThat(x.tex()).contains("_{\\text{via } (x \\cdot x)\\text{, operand 1}}").contains("_{\\text{via } (x \\cdot x)\\text{, operand 2}}");
    }

    @Test
    void theWholeChainFromTheOutputToALeafHasADotBetweenEachTwoFactors() {
        Trace t = trace(backprop.scenarios.Scenarios.sigmoidDecomposed().graph());
        String partialX = "}{\\partial x}";
        String chain = ChainRule.at(t, stepReaching(t, "x"), null).lines().stream()
                .filter(l -> l.startsWith("\\frac{\\partial y" + partialX + " = ") && l.split("\\\\frac").length > 4)
                .findFirst().orElseThrow();
        // y = 1/(1 + exp(−x)): ∂y/∂x through /, +, exp and ×(−1), four factors, each two joined by "·"
        String factors = chain.substring(chain.indexOf(" = ") + 3, chain.indexOf(" = ", chain.indexOf(" = ") + 3));
        assertThat(factors.split("\\} \\\\cdot \\\\frac\\{\\\\partial ", -1)).hasSize(4); // three joins (names hold "·" too)
        assertThat(factors).doesNotContain("} \\frac{\\partial ");
    }

    @Test
    void aValueThatIsNotANumberIsSaidToBeOneAndWhy() {
        Trace t = trace(ProgramParser.parse("x = 0; a = log(x); y = a + 1/x"));
        int a = t.graph().byName("a").orElseThrow().id();
        int y = t.graph().output();
        int forwardA = 0;
        while (!(t.step(forwardA) instanceof backprop.engine.Step.ForwardStep f && f.node() == a)) {
            forwardA++;
        }
        assertThat(ChainRule.at(t, forwardA + 1, null).title()).startsWith("Forward: a = −∞").contains("∞: too big for a number");
        int forwardY = 0;
        while (!(t.step(forwardY) instanceof backprop.engine.Step.ForwardStep g && g.node() == y)) {
            forwardY++;
        }
        // log 0 + 1/0 = −∞ + ∞: not a number
        assertThat(ChainRule.at(t, forwardY + 1, null).title()).contains("NaN: not a number");
        assertThat(ChainRule.at(t, forwardY + 2, null).title()).startsWith("Output y = NaN").contains("NaN: not a number");
        assertThat(ChainRule.at(t, forwardY + 2, null).tex()).contains("y = \\text{NaN}");
        Trace fine = trace(ProgramParser.parse("x = 1; a = log(x); y = a + 1/x"));
        for (int k = 1; k <= fine.size(); k++) {
            assertThat(ChainRule.at(fine, k, null).title()).doesNotContain("not a number").doesNotContain("too big");
        }
    }

    @Test
    void aNegativeNumberInAFunctionsParenthesesGetsNoSecondPair() {
        Trace t = trace(backprop.scenarios.Scenarios.affineSigmoid().graph());
        // seed 004: y1 = 1·(−1.07906824) + 2·(−0.42675882) + 0.2913231 = −1.64126 (by hand), then y2 = σ(y1)
        int y2Node = t.graph().byName("y2").orElseThrow().id();
        int forward = 0;
        while (!(t.step(forward) instanceof backprop.engine.Step.ForwardStep f && f.node() == y2Node)) {
            forward++;
        }
        String y2 = ChainRule.at(t, forward + 1, null).tex();
        assertThat(y2).contains("(-1.64126)").doesNotContain("((-1.64126))");
    }

    @Test
    void theOutputsLocalDerivativeIsItsExpressionsSoASumNeverHasTheTotalOnBothSides() {
        Trace t = trace(ProgramParser.parse("x = 3; b = 2 * x; y = b + x"));
        String dydx = "\\frac{\\partial y}{\\partial x}";
        String sum = ChainRule.at(t, t.size(), null).lines().stream().filter(l -> l.startsWith(dydx + " = ")).findFirst().orElseThrow();
        // ∂y/∂x = ∂y/∂y · ∂(b + x)/∂x + ∂y/∂b · ∂b/∂x = 1 + 2 = 3: the total only on the left
        assertThat(sum.substring((dydx + " = ").length())).doesNotContain(dydx)
                .contains("\\frac{\\partial \\left(b + x\\right)}{\\partial x}").endsWith("= 3");
        // apple: price = (apple·count)·tax has one consumer per value and an unnamed operand (its expression
        // would fill a line): the local factor keeps the short symbol
        Trace apple = trace(Scenarios.apple().graph());
        assertThat(ChainRule.at(apple, stepReaching(apple, "tax"), null).tex()).contains(
                "\\frac{\\partial \\text{price}}{\\partial \\text{price}} \\cdot \\frac{\\partial \\text{price}}{\\partial \\text{tax}} = 1 \\times 200 = 200");
    }

    @Test
    void anOutputThatIsOneFunctionCallIsDifferentiatedWithoutExtraParentheses() {
        Trace t = trace(Scenarios.byId("affine-sigmoid").orElseThrow().graph());
        assertThat(ChainRule.at(t, stepReaching(t, "y1"), null).tex())
                .contains("\\cdot \\frac{\\partial \\sigma(y_{1})}{\\partial y_{1}} = 1 \\times ");
        assertThat(backprop.ui.text.Tex.isOneCallTex("\\sigma(y_{1})")).isTrue();
        assertThat(backprop.ui.text.Tex.isOneCallTex("\\operatorname{exp}(a \\cdot (b))")).isTrue();
        assertThat(backprop.ui.text.Tex.isOneCallTex("\\sigma(a) + \\sigma(b)")).isFalse();
        assertThat(backprop.ui.text.Tex.isOneCallTex("(a) \\cdot (b)")).isFalse();
    }

    @Test
    void aNameInAnyAlphabetIsANameNotAnExpression() {
        // the formula language takes any letter (its Lexer); the forward line names the value it computes
        Trace t = trace(ProgramParser.parse("a = 2; 价格 = a * 3; y = 价格 + a"));
        assertThat(ChainRule.at(t, 1, null).tex()).isEqualTo("\\text{价格} = a \\cdot 3 = 2 \\cdot 3 = 6");
    }

    @Test
    void aLossOnMatricesWritesItsLocalDerivativeOnce() {
        Trace t = trace(Scenarios.byId("xor").orElseThrow().graph());
        String line = ChainRule.at(t, stepReaching(t, "output"), null).lines().get(0);
        assertThat(line).contains("\\partial \\left(\\tfrac{1}{2}\\sum (\\text{output} - y)^2\\right)")
                .contains("= \\text{output} - y = \\begin{bmatrix}");
        assertThat(line.split("\\\\partial \\\\left\\(", -1)).hasSize(2); // the expression once
    }

    @Test
    void aSumStillWaitingForConsumersSaysSo() {
        Trace t = trace(ProgramParser.parse("x = 3; y = x * 2 + exp(x)"));
        int first = stepReaching(t, "x");
        assertThat(ChainRule.at(t, first, null).tex()).contains("\\ldots");
        // the first share is only a part of ∂y/∂x: its line names the consumer it comes through
        assertThat(ChainRule.at(t, first, null).lines().get(0)).startsWith("\\frac{\\partial y}{\\partial x}_{\\text{via } ");
    }

    @Test
    void seed221WritesSeed000sWholeChainForAWeight() {
        Trace t = trace(Scenarios.seed221().graph());
        Explanation x = ChainRule.at(t, stepReaching(t, "w13"), null);
        // ∂E/∂w13 = (y5 − t) · y5(1 − y5) · w35 · y3(1 − y3) · x1, from tools/seed000_reference.py's formulas
        assertThat(x.tex()).contains("\\frac{\\partial E}{\\partial y_{5}}")
                .contains("0.190283 \\times 0.213792 \\times 0.3 \\times 0.217504 \\times 0.35 = 0.000929071");
    }

    @Test
    void anUpdateStepShowsTheRuleAndBothValues() {
        Graph g = Scenarios.seed221().graph();
        Optimizer sgd = new Optimizer.Sgd(1);
        Trace t = Trace.record(g, g.initialState(), sgd, UpdateOrder.SIMULTANEOUS);
        Step last = t.step(t.size() - 1);
        Explanation x = ChainRule.at(t, t.size(), sgd);
        assertThat(last).isInstanceOf(Step.UpdateStep.class);
        assertThat(x.tex()).contains("w \\leftarrow w - \\eta\\, g").contains("\\longrightarrow");
    }

    @Test
    void anSgdUpdateWritesTheRuleWithItsNumbers() {
        Graph g = Scenarios.seed221().graph();
        Optimizer sgd = new Optimizer.Sgd(1);
        Trace t = Trace.record(g, g.initialState(), sgd, UpdateOrder.SIMULTANEOUS);
        Step.UpdateStep u = (Step.UpdateStep) t.step(t.size() - 1);
        String w = backprop.ui.text.Tex.name(g.node(u.node()).name());
        // seed 000: w(new) = w(old) − Δw, with η = 1
        double after = u.before().scalar() - 1 * u.gradient().scalar();
        assertThat(ChainRule.at(t, t.size(), sgd).tex()).contains(w + " \\leftarrow " + backprop.ui.text.Tex.result(u.before().scalar())
                + " - 1 \\times " + backprop.ui.text.Tex.number(u.gradient().scalar()) + " = " + backprop.ui.text.Tex.result(after));
        // an adaptive optimizer's scalar update: its numbers are all in the line before and after, once
        Optimizer adam = backprop.engine.Optimizers.create("adam", 0.1, null, null, null, null);
        Trace ta = Trace.record(g, g.initialState(), adam, UpdateOrder.SIMULTANEOUS);
        assertThat(ChainRule.at(ta, ta.size(), adam).lines()).hasSize(2);
    }

    @Test
    void aBigMatrixsUpdateShowsItsFirstEntries() {
        Graph g = Scenarios.softmaxCe().graph();
        Optimizer sgd = new Optimizer.Sgd(0.1);
        Trace t = Trace.record(g, g.initialState(), sgd, UpdateOrder.SIMULTANEOUS);
        int w2 = g.byName("W2").orElseThrow().id();
        for (int i = 0; i < t.size(); i++) {
            if (t.step(i) instanceof Step.UpdateStep u && u.node() == w2) {
                // by hand: ∂L/∂W2_{1,2} = h_1 · 0.5 = 0.275 (see seed002s… above); 0.1 − 0.1 · 0.275 = 0.0725
                assertThat(ChainRule.at(t, i + 1, sgd).tex())
                        .contains("\\left[W_{2}\\right]_{1,2} \\leftarrow 0.1 - 0.1 \\times 0.275 = 0.0725")
                        .contains("\\left[W_{2}\\right]_{1,1} \\leftarrow 0.1 - 0.1 \\times (-0.275) = 0.1275");
                return;
            }
        }
        throw new AssertionError("no update of W2");
    }

    @Test
    void aChosenElementOfABigMatrixIsWrittenInsteadOfItsFirstEntries() {
        Graph g = Scenarios.softmaxCe().graph();
        Optimizer sgd = new Optimizer.Sgd(0.1);
        Trace t = Trace.record(g, g.initialState(), sgd, UpdateOrder.SIMULTANEOUS);
        int w2 = g.byName("W2").orElseThrow().id();
        ChainRule.Focus w2at7x2 = new ChainRule.Focus(w2, 6 * 2 + 1); // W2[7,2], counted from 1
        // by hand (as above): ∂L/∂W2_{7,2} = h_7 · 0.5 = 0.275; 0.1 − 0.1 · 0.275 = 0.0725
        String backward = ChainRule.at(t, stepReaching(t, "W2"), sgd, w2at7x2).tex();
        assertThat(backward).contains("\\right]_{7,2} = \\left[h\\right]_{7} \\left[\\frac{\\partial L}{\\partial \\text{scores}}\\right]_{2}"
                + " = 0.55 \\times 0.5 = 0.275").doesNotContain("\\right]_{1,1} = ").doesNotContain("\\right]_{1,2} = ");
        for (int i = 0; i < t.size(); i++) {
            if (t.step(i) instanceof Step.UpdateStep u && u.node() == w2) {
                assertThat(ChainRule.at(t, i + 1, sgd, w2at7x2).tex())
                        .contains("\\left[W_{2}\\right]_{7,2} \\leftarrow 0.1 - 0.1 \\times 0.275 = 0.0725")
                        .doesNotContain("\\left[W_{2}\\right]_{1,1}");
                // another node chosen: W2's update keeps its first entries
                assertThat(ChainRule.at(t, i + 1, sgd, new ChainRule.Focus(g.byName("W1").orElseThrow().id(), 13)).tex())
                        .contains("\\left[W_{2}\\right]_{1,2} \\leftarrow");
                return;
            }
        }
        throw new AssertionError("no update of W2");
    }

    @Test
    void aChosenElementOfASmallMatrixGetsItsOwnLineBesideTheWholeProduct() {
        Graph g = Scenarios.xor(Scenarios.XOR_SEED).graph();
        Optimizer sgd = new Optimizer.Sgd(0.1);
        Trace t = Trace.record(g, g.initialState(), sgd, UpdateOrder.SIMULTANEOUS);
        int w = g.byName("W_hidden").orElseThrow().id();
        ChainRule.Focus w2x2 = new ChainRule.Focus(w, 1 * 3 + 1); // W_hidden[2,2]
        Explanation x = ChainRule.at(t, stepReaching(t, "W_hidden"), sgd, w2x2);
        Explanation whole = ChainRule.at(t, stepReaching(t, "W_hidden"), sgd);
        assertThat(x.lines()).hasSize(whole.lines().size() + 1).containsAll(whole.lines());
        // ∂E/∂W_{2,2} = Σ_n X_{n,2} ∂E/∂z_{n,2}: X's second column is (0, 1, 0, 1), by the seed's data
        Tensor dz = ((BackwardStep) t.step(stepReaching(t, "W_hidden") - 1)).upstreamGrad();
        String entry = x.lines().stream().filter(l -> !whole.lines().contains(l)).findFirst().orElseThrow();
        assertThat(entry).contains("\\right]_{2,2} = \\sum_{n} \\left[X\\right]_{n,2}")
                .contains("= 0 \\times " + backprop.ui.text.Tex.number(dz.get(0, 1)) + " + 1 \\times "
                        + backprop.ui.text.Tex.number(dz.get(1, 1)) + " + 0 \\times ");
        // its update is written too, though the whole small matrix is in the line above it
        for (int i = 0; i < t.size(); i++) {
            if (t.step(i) instanceof Step.UpdateStep u && u.node() == w) {
                assertThat(ChainRule.at(t, i + 1, sgd, w2x2).lines()).hasSize(ChainRule.at(t, i + 1, sgd).lines().size() + 1)
                        .anySatisfy(l -> assertThat(l).startsWith("\\left[W_{\\text{hidden}}\\right]_{2,2} \\leftarrow "
                                + backprop.ui.text.Tex.number(u.before().get(1, 1)) + " - 0.1 \\times "));
                return;
            }
        }
        throw new AssertionError("no update of W_hidden");
    }

    @Test
    void anUpdatesSettingsAreWrittenInTheRulesOwnSymbols() {
        String tex = ChainRule.optimizerTex(new Optimizer.Adam(0.001, 0.9, 0.999, 1e-8));
        assertThat(tex).startsWith("\\text{Adam}")
                .contains("\\eta={0.001}", "\\beta_1={0.9}", "\\beta_2={0.999}", "\\epsilon={1 \\times 10^{-8}}")
                .doesNotContain("lr", "β", "ε", "1e-8")
                .endsWith(new Optimizer.Adam(0.001, 0.9, 0.999, 1e-8).ruleTex());
    }

    @Test
    void theEagerOrderSaysWhichWeightWasAlreadyUpdated() {
        Graph g = Scenarios.seed221().graph();
        Trace t = Trace.record(g, g.initialState(), new Optimizer.Sgd(1), UpdateOrder.EAGER);
        int w35 = g.byName("w35").orElseThrow().id();
        int y3 = g.byName("y3").orElseThrow().id();
        for (int i = 0; i < t.size(); i++) {
            if (t.step(i) instanceof BackwardStep b && b.edges().stream().anyMatch(e -> e.input() == y3)) {
                // the step passing the gradient to y3 comes right after w35's update, with w35's new value
                assertThat(t.step(i - 1)).isInstanceOf(Step.UpdateStep.class);
                assertThat(ChainRule.at(t, i + 1, null).tex()).contains("eager order").contains("w_{35}: 0.3 \\to ");
                return;
            }
        }
        throw new AssertionError("no step passes a gradient to y3");
    }

    /** A matrix as the panel writes it: bmatrix, three significant digits, rows by \\. */
    private static String bmatrix(DMatrixRMaj m) {
        StringBuilder b = new StringBuilder("\\begin{bmatrix}");
        for (int r = 0; r < m.numRows; r++) {
            for (int c = 0; c < m.numCols; c++) {
                b.append(c == 0 ? "" : " & ").append(backprop.ui.text.Tex.cell(m.get(r, c), ChainRule.MATRIX_DIGITS));
            }
            b.append(r == m.numRows - 1 ? "" : " \\\\ ");
        }
        return b.append("\\end{bmatrix}").toString();
    }

    private static DMatrixRMaj leaf(Graph g, String name) {
        return g.initialState().value(g.byName(name).orElseThrow().id()).matrix();
    }

    /** a·b by EJML, an implementation independent of the engine's kernels. */
    private static DMatrixRMaj product(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }

    @Test
    void xorsFirstProductIsWrittenOutNumberByNumber() {
        Graph g = Scenarios.xor(Scenarios.XOR_SEED).graph();
        Trace t = trace(g);
        DMatrixRMaj x = leaf(g, "X");
        DMatrixRMaj w = leaf(g, "W_hidden");
        Explanation first = ChainRule.at(t, 1, null); // z_hidden = X·W_hidden
        assertThat(first.tex()).contains(" = " + bmatrix(x) + " " + bmatrix(w) + " = " + bmatrix(product(x, w)));
    }

    @Test
    void xorsHiddenWeightGradientIsWrittenOutNumberByNumber() {
        Graph g = Scenarios.xor(Scenarios.XOR_SEED).graph();
        Trace t = trace(g);
        // by hand: h = σ(X·W1), o = h·W2, E = ½Σ(o − y)²: ∂E/∂W1 = Xᵀ·((o − y)·W2ᵀ ⊙ h(1 − h))
        DMatrixRMaj x = leaf(g, "X");
        DMatrixRMaj w2 = leaf(g, "W_output");
        DMatrixRMaj y = leaf(g, "y");
        DMatrixRMaj h = product(x, leaf(g, "W_hidden"));
        for (int k = 0; k < h.getNumElements(); k++) {
            h.data[k] = 1 / (1 + Math.exp(-h.data[k]));
        }
        DMatrixRMaj o = product(h, w2);
        DMatrixRMaj dh = new DMatrixRMaj(h.numRows, h.numCols);
        for (int i = 0; i < h.numRows; i++) {
            for (int j = 0; j < h.numCols; j++) {
                dh.set(i, j, (o.get(i, 0) - y.get(i, 0)) * w2.get(j, 0) * h.get(i, j) * (1 - h.get(i, j)));
            }
        }
        DMatrixRMaj dw1 = new DMatrixRMaj(x.numCols, dh.numCols);
        CommonOps_DDRM.multTransA(x, dh, dw1);
        // seed 001's dot node: ∂L/∂W = Xᵀ · ∂L/∂Y, in that order, with the numbers of both factors
        assertThat(ChainRule.at(t, stepReaching(t, "W_hidden"), null).tex())
                .contains("{X}^{\\top} \\cdot \\frac{\\partial E}{\\partial z_{\\text{hidden}}} = {" + bmatrix(x)
                        + "}^{\\top} \\cdot " + bmatrix(dh) + " = " + bmatrix(dw1));
    }

    @Test
    void anElementwiseOpOnMatricesMultipliesEntryByEntry() {
        Graph g = Scenarios.xor(Scenarios.XOR_SEED).graph();
        Trace t = trace(g);
        // the sigmoid's backward step: ∂E/∂z = ∂E/∂act ⊙ act(1 − act), a Hadamard product, not a matrix product
        String tex = ChainRule.at(t, stepReaching(t, "z_hidden"), null).tex();
        assertThat(tex).contains("\\frac{\\partial E}{\\partial \\text{act}_{\\text{hidden}}} \\odot \\frac{")
                .doesNotContain("\\frac{\\partial E}{\\partial \\text{act}_{\\text{hidden}}} \\cdot");
    }

    @Test
    void seed002sWeightGradientsAreWrittenEntryByEntryWithTheirNumbers() {
        Trace t = trace(Scenarios.softmaxCe().graph());
        // by hand: h_j = Σ_i x_i · 0.1 = 0.1 · (0.1 + 0.2 + … + 1) = 0.55; equal scores, softmax ½ each, t = (1, 0):
        // ∂L/∂scores = (−0.5, 0.5); ∂L/∂W2_{1,2} = h_1 · 0.5 = 0.275 (the label-1 weights get a gradient);
        // ∂L/∂h_1 = Σ_m ∂L/∂scores_m · W2_{1,m} = −0.5 · 0.1 + 0.5 · 0.1 = 0
        String tex = ChainRule.at(t, stepReaching(t, "W2"), null).tex();
        assertThat(tex).contains("{h}^{\\top} \\cdot \\frac{\\partial L}{\\partial \\text{scores}} \\quad (20 \\times 2)")
                .contains("\\right]_{1,2} = \\left[h\\right]_{1} \\left[\\frac{\\partial L}{\\partial \\text{scores}}\\right]_{2}"
                        + " = 0.55 \\times 0.5 = 0.275")
                .contains("\\right]_{1,1} = \\left[h\\right]_{1} \\left[\\frac{\\partial L}{\\partial \\text{scores}}\\right]_{1}"
                        + " = 0.55 \\times (-0.5) = -0.275")
                .contains("\\left[\\frac{\\partial L}{\\partial h}\\right]_{1} = \\sum_{m} "
                        + "\\left[\\frac{\\partial L}{\\partial \\text{scores}}\\right]_{m} \\left[W_{2}\\right]_{1,m}"
                        + " = (-0.5) \\times 0.1 + 0.5 \\times 0.1 = 0");
    }

    @Test
    void anEntryIsNotWrittenWhenItIsASumOfMoreThanFourProducts() {
        Graph g = Scenarios.logistic().graph(); // ten data points: ∂L/∂w_i is a sum of ten products
        Trace t = trace(g);
        String tex = ChainRule.at(t, stepReaching(t, "w"), null).tex();
        assertThat(tex).contains("{X}^{\\top} \\cdot").doesNotContain("\\right]_{1}");
        // b is a scalar: its number, not its shape
        int b = g.byName("b").orElseThrow().id();
        double db = ((BackwardStep) t.step(stepReaching(t, "b") - 1)).edges().stream().filter(e -> e.input() == b)
                .findFirst().orElseThrow().contribution().scalar();
        assertThat(tex).contains("\\mathbf{1}^{\\top} \\cdot \\frac{\\partial L}{\\partial z} = " + backprop.ui.text.Tex.result(db));
    }

    @Test
    void theChosenEntryIsWrittenAsALongerSumOfProducts() {
        Graph g = Scenarios.logistic().graph(); // ten data points: ∂L/∂w_1 = Σ_n X_{n,1} ∂L/∂z_n
        Trace t = trace(g);
        int w = g.byName("w").orElseThrow().id();
        int step = stepReaching(t, "w");
        Explanation x = ChainRule.at(t, step, null, new ChainRule.Focus(w, 0));
        Tensor dz = ((BackwardStep) t.step(step - 1)).upstreamGrad();
        StringBuilder products = new StringBuilder();
        double[] firstColumn = {1.0, 1.5, 0.5, 2.0, 1.2, 3.0, 3.5, 2.5, 4.0, 3.2}; // the scenario's points, by hand
        for (int n = 0; n < 10; n++) {
            products.append(n == 0 ? "" : " + ").append(backprop.ui.text.Tex.number(firstColumn[n])).append(" \\times ")
                    .append(backprop.ui.text.Tex.number(dz.get(n, 0)));
        }
        assertThat(x.focusLine()).isGreaterThanOrEqualTo(0);
        assertThat(x.lines().get(x.focusLine())).contains("\\right]_{1} = \\sum_{n} \\left[X\\right]_{n,1}")
                .contains(" = " + products + " = ");
        // not chosen: the ten-term sum stays unwritten
        assertThat(ChainRule.at(t, step, null).tex()).doesNotContain("\\sum_{n} \\left[X\\right]_{n,1}");
    }

    @Test
    void aChosenElementOfAProductIsWrittenAsItsSumAtTheForwardStep() {
        Graph g = Scenarios.softmaxCe().graph();
        Trace t = trace(g);
        int h = g.byName("h").orElseThrow().id();
        int forward = 0;
        while (!(t.step(forward) instanceof Step.ForwardStep f && f.node() == h)) {
            forward++;
        }
        // seed 002 by hand: h_5 = Σ_k x_k · 0.1 = 0.1 · (0.1 + 0.2 + … + 1) = 0.55
        String products = "0.1 \\times 0.1 + 0.2 \\times 0.1 + 0.3 \\times 0.1 + 0.4 \\times 0.1 + 0.5 \\times 0.1"
                + " + 0.6 \\times 0.1 + 0.7 \\times 0.1 + 0.8 \\times 0.1 + 0.9 \\times 0.1 + 1 \\times 0.1";
        Explanation x = ChainRule.at(t, forward + 1, null, new ChainRule.Focus(h, 4));
        assertThat(x.lines()).hasSize(2);
        assertThat(x.focusLine()).isEqualTo(1);
        assertThat(x.lines().get(1)).isEqualTo("\\left[h\\right]_{5} = \\sum_{k} \\left[x\\right]_{k} \\left[W_{1}\\right]_{k,5} = "
                + products + " = 0.55");
        assertThat(ChainRule.at(t, forward + 1, null).lines()).hasSize(1); // nothing chosen: the shape only
        // an affine layer adds its bias: logistic regression's z_1 = Σ_k X_{1,k} w_k + b = 1 · 0.1 + 1.5 · (−0.1) + 0
        Graph lg = Scenarios.logistic().graph();
        Trace lt = trace(lg);
        int z = lg.byName("z").orElseThrow().id();
        int zStep = 0;
        while (!(lt.step(zStep) instanceof Step.ForwardStep fz && fz.node() == z)) {
            zStep++;
        }
        assertThat(ChainRule.at(lt, zStep + 1, null, new ChainRule.Focus(z, 0)).lines())
                .contains("\\left[z\\right]_{1} = \\sum_{k} \\left[X\\right]_{1,k} \\left[w\\right]_{k} + b = "
                        + "1 \\times 0.1 + 1.5 \\times (-0.1) + 0 = -0.05");
    }

    @Test
    void aChosenElementOfAnElementwiseLayerIsTheOpOnItsOperandsEntries() {
        Graph g = Scenarios.xor(Scenarios.XOR_SEED).graph();
        Trace t = trace(g);
        int act = g.byName("act_hidden").orElseThrow().id();
        int forward = 0;
        while (!(t.step(forward) instanceof Step.ForwardStep f && f.node() == act)) {
            forward++;
        }
        // act_{2,3} = σ(z_{2,3}), z_{2,3} = W_hidden_{2,3} (X's second row is (0, 1)): σ by hand
        double z = g.initialState().value(g.byName("W_hidden").orElseThrow().id()).get(1, 2);
        double sigma = 1 / (1 + Math.exp(-z));
        Explanation x = ChainRule.at(t, forward + 1, null, new ChainRule.Focus(act, 1 * 3 + 2));
        assertThat(x.lines().get(x.focusLine())).isEqualTo("\\left[\\text{act}_{\\text{hidden}}\\right]_{2,3} = "
                + "\\sigma(\\left[z_{\\text{hidden}}\\right]_{2,3}) = \\sigma(" + backprop.ui.text.Tex.number(z) + ") = "
                + backprop.ui.text.Tex.result(sigma));
    }

    @Test
    void aMatrixLargerThanFourByFourIsGivenByItsShape() {
        Graph g = Scenarios.logistic().graph(); // ten data points: z is 10×1
        Trace t = trace(g);
        String tex = ChainRule.at(t, 1, null).tex();
        assertThat(tex).contains("10 \\times 1").doesNotContain("bmatrix");
    }
}

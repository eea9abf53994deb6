package backprop.ui.chain;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Graph;
import backprop.engine.Trace;
import backprop.engine.UpdateOrder;
import backprop.scenarios.Scenarios;
import java.awt.Color;
import java.util.List;
import java.util.function.ToDoubleFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

/** Long chain-rule lines broken into rows at their "=" signs, then between factors. */
class FormulaRowsTest {
    /** A stand-in for typeset width: one unit per character. */
    private static final ToDoubleFunction<String> LENGTH = String::length;
    private static final List<String> ALL = List.of(FormulaRows.EQUALS, FormulaRows.QUAD, " \\cdot ", " \\times ", " + ", " ");

    @Property
    void cuttingLosesNothing(@ForAll @Chars({'{', '}', '(', ')', '\\', ' ', '=', '+'}) @CharRange(from = 'a', to = 'f') String line) {
        assertThat(String.join("", FormulaRows.splitTopLevel(line, ALL))).isEqualTo(line);
    }

    @Test
    void cutsOnlyOutsideGroups() {
        String line = "a = \\frac{b = c}{d} = (e = f) \\quad \\left(g = h\\right)";
        assertThat(FormulaRows.splitTopLevel(line, List.of(FormulaRows.EQUALS, FormulaRows.QUAD)))
                .containsExactly("a", " = ", "\\frac{b = c}{d}", " = ", "(e = f)", " \\quad ", "\\left(g = h\\right)");
    }

    @Test
    void fractionsSideBySideAreFactorsButAFractionAfterAnEqualsSignIsNot() {
        assertThat(FormulaRows.splitTopLevel("x = \\frac{a}{b} \\frac{c}{d} \\cdot e", List.of(" \\cdot ", " ")))
                .containsExactly("x = \\frac{a}{b}", " ", "\\frac{c}{d}", " \\cdot ", "e");
    }

    @Test
    void aSumOfProductsBreaksBetweenItsTermsNotInsideOne() {
        String line = "g = 1 \\times 0.25 + 1.5 \\times 0.75 + 0.5 \\times 0.125 = 1.5";
        // 43 wide: "+ 0.5" would still fit on the first row, "× 0.125" would not
        List<String> rows = FormulaRows.rows(line, LENGTH, 43);
        assertThat(rows).containsExactly("g = 1 \\times 0.25 + 1.5 \\times 0.75",
                "\\phantom{g =}\\; +\\: 0.5 \\times 0.125 = 1.5"); // a medium space after "+": a term of the sum, not a sign
        // a term too wide for a row on its own still breaks between its factors
        String wide = "g = aaaaaaaaaa \\times bbbbbbbbbb \\times cccccccccc + d = 1";
        assertThat(FormulaRows.rows(wide, LENGTH, 36)).allSatisfy(r -> assertThat(r.length()).isLessThanOrEqualTo(36));
    }

    @Test
    void aLineThatFitsStaysWhole() {
        String line = "y = a \\cdot b = 2 \\times 3 = 6";
        assertThat(FormulaRows.rows(line, LENGTH, line.length())).containsExactly(line);
    }

    @Test
    void aWideLineBreaksAtItsEqualsSignsUnderTheFirstOne() {
        String line = "yy = aaaa \\cdot bbbb = 2 \\times 3 = 6";
        List<String> rows = FormulaRows.rows(line, LENGTH, 30);
        assertThat(rows).containsExactly("yy = aaaa \\cdot bbbb", "\\phantom{yy} = 2 \\times 3 = 6");
        assertThat(rows).allSatisfy(r -> assertThat(r.length()).isLessThanOrEqualTo(30));
    }

    @Test
    void aRowStillTooWideBreaksBetweenItsFactorsUnderTheRightHandSide() {
        String line = "y = \\frac{a}{b} \\frac{c}{d} \\frac{e}{f} = 1";
        // the new row starts with the product's "·" (spaced as an operator), not a bare fraction
        assertThat(FormulaRows.rows(line, LENGTH, 35))
                .containsExactly("y = \\frac{a}{b} \\frac{c}{d}", "\\phantom{y =}\\; \\cdot\\: \\frac{e}{f}", "\\phantom{y} = 1");
        // with room for "= 1" after the product's last row, it joins it
        String longer = "y = \\frac{aaaaaaaa}{b} \\frac{c}{d} \\frac{e}{f} = 1";
        assertThat(FormulaRows.rows(longer, LENGTH, 40))
                .containsExactly("y = \\frac{aaaaaaaa}{b} \\frac{c}{d}", "\\phantom{y =}\\; \\cdot\\: \\frac{e}{f} = 1");
    }

    @Test
    void aLeftHandSideWiderThanHalfTheRowIndentsByAFixedAmount() {
        String line = "wwwwwwwwwwwwwwww = a = b";
        assertThat(FormulaRows.rows(line, LENGTH, 22)).containsExactly("wwwwwwwwwwwwwwww = a", "\\qquad = b");
    }

    @Test
    void apple_orangesLongestLinesFitThePanelOnceBroken() {
        // the full chain from price to orange: at 26 pt it is ~1,650 px wide on one line
        Graph g = Scenarios.appleOrange().graph();
        Trace t = Trace.record(g, g.initialState(), null, UpdateOrder.SIMULTANEOUS);
        ToDoubleFunction<String> typeset = tex -> TexRenderer.render(tex, ChainRulePanel.FORMULA_SIZE, Color.BLACK).getWidth();
        double panel = 828; // the formula area's width in a 1280×800 window
        int wide = 0;
        for (int applied = 1; applied <= t.size(); applied++) {
            for (String line : ChainRule.at(t, applied, null).lines()) {
                if (typeset.applyAsDouble(line) > panel) {
                    wide++;
                    assertThat(FormulaRows.rows(line, typeset, panel))
                            .hasSizeGreaterThan(1)
                            .allSatisfy(row -> assertThat(typeset.applyAsDouble(row)).isLessThanOrEqualTo(panel));
                }
            }
        }
        assertThat(wide).isGreaterThanOrEqualTo(4);
    }

    @Test
    void everyOptimizersRuleFitsThePanelBrokenOnlyBetweenItsParts() {
        // Adam's header and rule at 26 pt are ~1,100 px on one line: it had made the panel scroll sideways
        ToDoubleFunction<String> typeset = tex -> TexRenderer.render(tex, ChainRulePanel.FORMULA_SIZE, Color.BLACK).getWidth();
        List<backprop.engine.Optimizer> all = List.of(new backprop.engine.Optimizer.Sgd(0.1),
                new backprop.engine.Optimizer.Momentum(0.1, 0.9), new backprop.engine.Optimizer.Nesterov(0.1, 0.9),
                new backprop.engine.Optimizer.AdaGrad(0.1, 1e-7), new backprop.engine.Optimizer.RmsProp(0.1, 0.999, 0.01),
                new backprop.engine.Optimizer.Adam(0.001, 0.9, 0.999, 1e-8));
        int broken = 0;
        double panel = 828; // the formula area's width in a 1280×800 window
        for (backprop.engine.Optimizer o : all) {
            String line = ChainRule.optimizerTex(o);
            List<String> rows = FormulaRows.rows(line, typeset, panel);
            assertThat(rows).allSatisfy(row -> assertThat(typeset.applyAsDouble(row)).as(row).isLessThanOrEqualTo(panel));
            // the settings stay on the first row; a later row starts with one of the rule's parts
            assertThat(rows.get(0)).contains(o.settings().get(o.settings().size() - 1).tex());
            for (String row : rows.subList(1, rows.size())) {
                String part = row.substring(row.indexOf(FormulaRows.QUAD) + FormulaRows.QUAD.length());
                assertThat(o.ruleTex()).as(row).contains(part);
                assertThat(part).as(row).contains("\\leftarrow");
            }
            broken += rows.size() > 1 ? 1 : 0;
        }
        assertThat(broken).as("Adam at least needs a second row").isGreaterThanOrEqualTo(1);
        // at 1024×700 the area is ~590 px, and the panel breaks rows for that width at its smallest
        // scale: the settings may be scaled, never cut inside a number
        String adam = ChainRule.optimizerTex(all.get(all.size() - 1));
        double narrowRow = 590 / FormulaFit.MIN_SCALE;
        List<String> narrow = FormulaRows.rows(adam, typeset, narrowRow);
        assertThat(narrow.get(0)).contains("\\epsilon={1 \\times 10^{-8}}");
        // and the heading may stand alone on its row (an equation's left-hand side may not)
        assertThat(narrow).allSatisfy(row -> assertThat(typeset.applyAsDouble(row)).as(row).isLessThanOrEqualTo(narrowRow));
    }
}

package backprop.ui.chain;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Graph;
import backprop.engine.Optimizer;
import backprop.engine.Trace;
import backprop.engine.UpdateOrder;
import backprop.engine.program.ProgramException;
import backprop.engine.program.ProgramParser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.scilab.forge.jlatexmath.TeXFormula;

/**
 * Whatever a student types in the formula box: either a graph, or a message that says what and where
 * (never another exception); and for every graph, every step's chain rule is LaTeX that jlatexmath
 * parses, whole and in the rows a narrow panel breaks it into (else the panel shows it as plain text).
 */
class TypedFormulaPropertiesTest {
    private static final String SEED = "20261203";

    @Property(tries = 600, seed = SEED)
    void anyTextIsAGraphOrAMessageWithItsLineAndColumn(@ForAll("typos") String text) {
        try {
            ProgramParser.parse(text);
            net.jqwik.api.statistics.Statistics.collect("a graph");
        } catch (ProgramException e) {
            int lines = text.split("\n", -1).length;
            assertThat(e.line()).isBetween(1, lines);
            assertThat(e.column()).isPositive();
            net.jqwik.api.statistics.Statistics.collect("a message");
            assertThat(e.getMessage()).startsWith("line " + e.line() + ", column " + e.column() + ": ")
                    .doesNotContain("Exception").doesNotContain("null");
        }
    }

    @Property(tries = 250, seed = SEED)
    void everyStepOfAWellFormedProgramHasAChainRuleThatTypesets(@ForAll("programs") String program) {
        Graph g;
        try {
            g = ProgramParser.parse(program);
        } catch (ProgramException e) {
            net.jqwik.api.statistics.Statistics.collect("not a graph");
            return; // 2 ^ -1 ^ 3, say: the other property covers the message
        }
        net.jqwik.api.statistics.Statistics.collect("a graph");
        Optimizer sgd = new Optimizer.Sgd(0.1);
        Trace trace = g.params().isEmpty() ? Trace.record(g, g.initialState(), null, UpdateOrder.SIMULTANEOUS)
                : Trace.record(g, g.initialState(), sgd, UpdateOrder.EAGER);
        for (int applied = 0; applied <= trace.size(); applied++) {
            Explanation x = ChainRule.at(trace, applied, sgd);
            for (String line : x.lines()) {
                assertTypesets(line, program, applied);
                // the narrowest panel breaks a line at every break it has
                for (String row : FormulaRows.rows(line, String::length, 1)) {
                    assertTypesets(row, program, applied);
                }
            }
        }
    }

    private static void assertTypesets(String tex, String program, int applied) {
        // jlatexmath closes an unclosed brace by itself, silently, so braces are counted here
        int depth = 0;
        for (int k = 0; k < tex.length(); k++) {
            char c = tex.charAt(k);
            if (c == '\\') {
                k++; // \{ and \} are literal braces
            } else if (c == '{' || c == '}') {
                depth += c == '{' ? 1 : -1;
                assertThat(depth).as("braces of %s (step %d of %s)", tex, applied, program).isNotNegative();
            }
        }
        assertThat(depth).as("braces of %s (step %d of %s)", tex, applied, program).isZero();
        try {
            new TeXFormula(tex);
        } catch (RuntimeException e) {
            throw new AssertionError("step " + applied + " of\n" + program + "\nwrites " + tex + "\nwhich jlatexmath rejects: " + e.getMessage(), e);
        }
    }

    /** Programs as a student writes them (see {@link backprop.ui.TypedPrograms}). */
    @Provide
    Arbitrary<String> programs() {
        return backprop.ui.TypedPrograms.programs();
    }

    /** A program with a typo (a character dropped, or a stray token put in), or scraps of the language. */
    @Provide
    Arbitrary<String> typos() {
        Arbitrary<String> typo = programs().flatMap(p -> Arbitraries.integers().between(0, p.length() - 1).flatMap(at ->
                Arbitraries.oneOf(Arbitraries.just(p.substring(0, at) + p.substring(at + 1)),
                        scraps().map(stray -> p.substring(0, at) + stray + p.substring(at)))));
        return Arbitraries.oneOf(typo, scraps());
    }

    /** Half-typed programs: the language's tokens and some stray characters, in any order. */
    @Provide
    Arbitrary<String> scraps() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of(backprop.ui.TypedPrograms.NAMES), Arbitraries.of(backprop.ui.TypedPrograms.FUNCTIONS),
                Arbitraries.of("param", "max", "=", "+", "-", "*", "/", "^", "(", ")", ",", ";", "\n", " ", "1", "2.5", "1e3",
                        "1e", ".", "..", "−", "×", "#", "@", "é", "\t", "\"", "ä", "∂", "1.2.3"));
        return token.list().ofMaxSize(14).map(ts -> String.join(" ", ts));
    }
}

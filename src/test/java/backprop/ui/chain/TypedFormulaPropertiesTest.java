package backprop.ui.chain;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.engine.Graph;
import backprop.engine.Optimizer;
import backprop.engine.Trace;
import backprop.engine.UpdateOrder;
import backprop.engine.program.ProgramException;
import backprop.engine.program.ProgramParser;
import java.util.ArrayList;
import java.util.List;
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
    private static final List<String> NAMES = List.of("x", "y", "w", "b", "w13", "W_hidden", "apple", "a_b_c", "z2", "t", "_u");
    private static final List<String> FUNCTIONS = List.of("exp", "log", "sqrt", "sigmoid", "tanh", "relu", "abs");

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

    /** Programs as a student writes them: inputs and params, then expressions over the names so far. */
    @Provide
    Arbitrary<String> programs() {
        return Arbitraries.integers().between(1, 3).flatMap(leaves -> Arbitraries.integers().between(1, 3).flatMap(ops ->
                Arbitraries.longs().map(seed -> program(new java.util.Random(seed), leaves, ops))));
    }

    private static String program(java.util.Random r, int leaves, int ops) {
        List<String> defined = new ArrayList<>();
        StringBuilder p = new StringBuilder();
        for (int k = 0; k < leaves; k++) {
            String name = NAMES.get(k);
            defined.add(name);
            p.append(r.nextBoolean() ? "param " : "").append(name).append(" = ").append(number(r)).append('\n');
        }
        for (int k = 0; k < ops; k++) {
            String name = NAMES.get(leaves + k);
            p.append(name).append(" = ").append(expression(r, defined, 3)).append(r.nextInt(4) == 0 ? "; " : "\n");
            defined.add(name);
        }
        return p.toString();
    }

    private static String number(java.util.Random r) {
        return List.of("0", "1", "2", "0.5", "-1", "-0.25", "3", "1e-3", "100").get(r.nextInt(9));
    }

    private static String expression(java.util.Random r, List<String> names, int depth) {
        int kind = depth == 0 ? r.nextInt(2) : r.nextInt(7);
        return switch (kind) {
            case 0 -> names.get(r.nextInt(names.size()));
            case 1 -> number(r).replace("-", "");
            case 2 -> expression(r, names, depth - 1) + " " + "+-*/^".charAt(r.nextInt(5)) + " " + expression(r, names, depth - 1);
            case 3 -> "-" + expression(r, names, depth - 1);
            case 4 -> "(" + expression(r, names, depth - 1) + ")";
            case 5 -> "max(" + expression(r, names, depth - 1) + ", " + expression(r, names, depth - 1) + ")";
            default -> FUNCTIONS.get(r.nextInt(FUNCTIONS.size())) + "(" + expression(r, names, depth - 1) + ")";
        };
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
                Arbitraries.of(NAMES), Arbitraries.of(FUNCTIONS),
                Arbitraries.of("param", "max", "=", "+", "-", "*", "/", "^", "(", ")", ",", ";", "\n", " ", "1", "2.5", "1e3",
                        "1e", ".", "..", "−", "×", "#", "@", "é", "\t", "\"", "ä", "∂", "1.2.3"));
        return token.list().ofMaxSize(14).map(ts -> String.join(" ", ts));
    }
}

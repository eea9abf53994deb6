package backprop.engine.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import backprop.engine.Graph;
import backprop.engine.Graph.Kind;
import backprop.engine.Graph.Node;
import backprop.engine.Iteration;
import backprop.engine.op.Elementwise;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The formula language: what programs mean, how their nodes are labelled, and where errors point. */
class ProgramParserTest {

    private static double eval(String program) {
        Graph g = ProgramParser.parse(program);
        Iteration it = Iteration.gradients(g, g.initialState());
        return it.runForward().value().scalar();
    }

    private static Node node(Graph g, String name) {
        return g.byName(name).orElseThrow(() -> new AssertionError("no node " + name + " in "
                + g.nodes().stream().map(Node::name).toList()));
    }

    // ---- precedence and associativity -------------------------------------------------------------

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "2^3^2         | 512",  // ^ is right-associative: 2^(3^2)
        "(2^3)^2       | 64",
        "-2^2          | -4",   // ^ binds tighter than unary minus
        "-3 ^ 2        | -9",
        "2 ^ -1        | 0.5",  // a unary minus may start an exponent
        "1-2-3         | -4",   // - is left-associative
        "8/4/2         | 1",    // / is left-associative
        "2 + 3 * 4     | 14",
        "(2 + 3) * 4   | 20",
        "2 * 3 ^ 2     | 18",
        "1 - -3        | 4",
        "- - 3         | 3",
        "6 × 7 − 2 ÷ 2 | 41",   // the typeset operators mean the same
        "3 · 2         | 6",
        "10 - 4 / 2 * 3 | 4",
        "1.5e1 + .5    | 15.5",
    })
    void precedenceAndAssociativity(String expression, double expected) {
        assertThat(eval("y = " + expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "exp(0)                  | 1",
        "log(exp(2))             | 2",
        "sqrt(16)                | 4",
        "sigmoid(0)              | 0.5",
        "tanh(0)                 | 0",
        "relu(-3)                | 0",
        "relu(2)                 | 2",
        "abs(-3)                 | 3",
        "max(2, 5)               | 5",
        "max(5, 2)               | 5",
        "max(abs(-4), sqrt(9))   | 4",
        "sin(0)                  | 0",
        "cos(0)                  | 1",
        "2 * exp(0) + log(1)     | 2",
    })
    void functions(String expression, double expected) {
        assertThat(eval("y = " + expression)).isCloseTo(expected, within(1e-15));
    }

    @Test
    void sigmoidIsTheLogisticFunction() {
        assertThat(eval("y = sigmoid(2)")).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-15));
        assertThat(eval("y = tanh(1)")).isCloseTo(Math.tanh(1), within(1e-15));
    }

    @Test
    void sineAndCosineAndTheirGradients() {
        // sin(x)·cos(x) = sin(2x)/2, so its derivative is cos(2x): at x = 0.5, cos(1)
        Graph g = ProgramParser.parse("x = 0.5\ny = sin(x) * cos(x)");
        Iteration it = Iteration.gradients(g, g.initialState());
        it.runToEnd();
        assertThat(it.value(g.output()).scalar()).isCloseTo(Math.sin(1) / 2, within(1e-15));
        assertThat(it.grad(node(g, "x").id()).scalar()).isCloseTo(Math.cos(1), within(1e-15));
        assertThat(error("y = sinh(1)").problem())
                .contains("unknown function 'sinh' (known: abs, cos, exp, log, max, relu, sigmoid, sin, sqrt, tanh)");
    }

    // ---- statements -------------------------------------------------------------------------------

    @Test
    void commentsSemicolonsAndNewlinesSeparateStatements() {
        assertThat(eval("# a header comment\nx = 2 # the input\n\ny = x * 3 # triple it\n")).isEqualTo(6);
        assertThat(eval("x = 1; y = x + 1; z = y * 10")).isEqualTo(20);
        assertThat(eval("x = 1;; y = x + 1;\n;\n")).isEqualTo(2);
        assertThat(eval("x = 4\r\ny = sqrt(x) # no newline at the end")).isEqualTo(2);
    }

    @Test
    void theLastStatementIsTheOutput() {
        Graph g = ProgramParser.parse("x = 1\ny = x * 2\nz = y + 1");
        assertThat(g.node(g.output()).name()).isEqualTo("z");
    }

    @Test
    void paramAndInputDeclarations() {
        Graph g = ProgramParser.parse("x = 2\nparam w = -0.5\nn = -3\ny = w * x + n");
        Node x = node(g, "x");
        Node w = node(g, "w");
        Node n = node(g, "n");
        assertThat(x.kind()).isEqualTo(Kind.INPUT);
        assertThat(w.kind()).isEqualTo(Kind.PARAM);
        assertThat(n.kind()).isEqualTo(Kind.INPUT);
        assertThat(x.initialValue().scalar()).isEqualTo(2);
        assertThat(w.initialValue().scalar()).isEqualTo(-0.5);
        assertThat(n.initialValue().scalar()).isEqualTo(-3);
        // both are differentiated: the user asks for ∂y/∂x as well as ∂y/∂w
        assertThat(x.requiresGrad()).isTrue();
        assertThat(w.requiresGrad()).isTrue();
        assertThat(g.params()).extracting(Node::name).containsExactly("w");
        assertThat(g.namedLeaves()).extracting(Node::name).containsExactly("x", "w", "n");
        assertThat(node(g, "y").kind()).isEqualTo(Kind.OP);
    }

    // ---- node labels ------------------------------------------------------------------------------

    @Test
    void subExpressionsAreNodesLabelledWithTheirText() {
        // Saito's apple graph: the first product is a node of its own
        Graph g = ProgramParser.parse("apple = 100\ncount = 2\ntax = 1.1\nprice = apple * count * tax");
        Node applePrice = node(g, "apple * count");
        assertThat(applePrice.kind()).isEqualTo(Kind.OP);
        assertThat(applePrice.op()).isEqualTo(Elementwise.MUL);
        assertThat(applePrice.inputs()).containsExactly(node(g, "apple").id(), node(g, "count").id());
        Node price = node(g, "price");
        assertThat(price.inputs()).containsExactly(applePrice.id(), node(g, "tax").id());
        assertThat(g.output()).isEqualTo(price.id());
        assertThat(g.nodes()).hasSize(5);
    }

    @Test
    void labelsOfParenthesesFunctionsMinusAndConstants() {
        Graph g = ProgramParser.parse("a = 1; b = 2; c = 3\nz = (a   +  b) * c + exp(a) - -a * 2");
        assertThat(node(g, "a + b").op()).isEqualTo(Elementwise.ADD); // runs of blanks become one
        assertThat(node(g, "(a + b) * c").op()).isEqualTo(Elementwise.MUL);
        assertThat(node(g, "exp(a)").op()).isEqualTo(Elementwise.EXP);
        assertThat(node(g, "-a").op()).isEqualTo(Elementwise.NEG);
        assertThat(node(g, "-a * 2").op()).isEqualTo(Elementwise.MUL);
        Node two = node(g, "2");
        assertThat(two.kind()).isEqualTo(Kind.CONST);
        assertThat(two.requiresGrad()).isFalse();
        assertThat(node(g, "z").op()).isEqualTo(Elementwise.SUB);
    }

    @Test
    void seed001DecomposedSigmoidHasOneNodePerStep() {
        Graph g = ProgramParser.parse("x = 1\ny = 1 / (1 + exp(x * -1))");
        assertThat(node(g, "x * -1").op()).isEqualTo(Elementwise.MUL);
        assertThat(node(g, "-1").kind()).isEqualTo(Kind.CONST);
        assertThat(node(g, "exp(x * -1)").op()).isEqualTo(Elementwise.EXP);
        assertThat(node(g, "1 + exp(x * -1)").op()).isEqualTo(Elementwise.ADD);
        assertThat(node(g, "y").op()).isEqualTo(Elementwise.DIV);
    }

    @Test
    void aNameForAnExistingNodeIsAnAlias() {
        Graph g = ProgramParser.parse("x = 2\ny = x * 3\nz = y");
        assertThat(g.output()).isEqualTo(node(g, "y").id());
        assertThat(g.byName("z")).isEmpty();
    }

    // ---- errors -----------------------------------------------------------------------------------

    private static ProgramException error(String program) {
        ProgramException e = catchThrowableOfType(ProgramException.class, () -> ProgramParser.parse(program));
        assertThat(e).as("parsing %s", program).isNotNull();
        return e;
    }

    private static void assertError(String program, int line, int column, String problem) {
        ProgramException e = error(program);
        assertThat(e.line()).as("line of: %s", e.getMessage()).isEqualTo(line);
        assertThat(e.column()).as("column of: %s", e.getMessage()).isEqualTo(column);
        assertThat(e.problem()).contains(problem);
        assertThat(e.getMessage()).startsWith("line " + line + ", column " + column + ": ");
    }

    @Test
    void unknownName() {
        //                 y = x + z
        //                 123456789
        assertError("x = 1\ny = x + z", 2, 9, "unknown name 'z'");
    }

    @Test
    void unknownFunction() {
        //                 y = 2 * foo(x)
        //                 123456789
        assertError("x = 1\ny = 2 * foo(x)", 2, 9, "unknown function 'foo'");
    }

    @Test
    void missingClosingParenthesis() {
        // the statement ends (at the newline, column 11) before the ')' comes
        //                 y = (x + 1⏎
        //                 1234567890 1
        assertError("x = 1\ny = (x + 1\nz = 2", 2, 11, "expected ')' to close the '(' at column 5");
        // at the end of the text
        //                 y = 3 * exp(x
        //                 1234567890123 4
        assertError("x = 1\ny = 3 * exp(x", 2, 14, "expected ')' to close exp(");
    }

    @Test
    void trailingOperator() {
        //                 y = x *⏎
        //                 1234567 8
        assertError("x = 1\ny = x *\n", 2, 8, "the expression is incomplete");
        //           x = 1; y = x +
        //           12345678901234 5
        assertError("x = 1; y = x +", 1, 15, "the expression is incomplete");
    }

    @Test
    void redefinition() {
        assertError("x = 1\ny = x * 2\nx = 3", 3, 1, "x is already defined on line 1");
        //           x = 1; param x = 2
        //           12345678901234
        assertError("x = 1; param x = 2", 1, 14, "x is already defined on line 1");
    }

    @Test
    void emptyProgram() {
        assertError("", 1, 1, "the program is empty");
        assertError("# only a comment\n\n;  \n", 1, 1, "the program is empty");
    }

    @Test
    void unexpectedCharacter() {
        //                 y = x $ 2
        //                 1234567
        assertError("x = 1\ny = x $ 2", 2, 7, "unexpected character '$'");
        //           # a comment line\n  then @ on line 2, after two blanks
        assertError("# comment\n  @", 2, 3, "unexpected character '@'");
    }

    @Test
    void aNumberTooLargeForADoubleIsAMistakeNotInfinity() {
        //                 param w = 1e400
        //                 1234567890
        assertError("x = 1\nparam w = 1e400", 2, 11, "'1e400' is too large");
        assertError("y = 2 * 1e309", 1, 9, "'1e309' is too large");
        // the largest double and the smallest still parse; a tiny number rounds to 0 as written
        assertThat(ProgramParser.parse("x = 1.7976931348623157e308").byName("x").orElseThrow().initialValue().scalar())
                .isEqualTo(Double.MAX_VALUE);
        assertThat(ProgramParser.parse("x = 1e-400").byName("x").orElseThrow().initialValue().scalar()).isZero();
    }

    @Test
    void paramWithoutANumber() {
        //                 param w = x
        //                 12345678901
        assertError("x = 1\nparam w = x", 2, 11, "param w must be given a number");
        assertError("param w = 2 * 3", 1, 11, "param w must be given a number");
    }

    @Test
    void otherMistakesPointAtTheirToken() {
        assertError("exp = 2", 1, 1, "'exp' is a reserved word");
        assertError("x = 1\ny = exp + x", 2, 5, "exp is a function: write exp(x)");
        assertError("y = (3)", 1, 5, "write y = NUMBER, without parentheses");
        //                 y = x 2
        //                 1234567
        assertError("x = 1\ny = x 2", 2, 7, "expected the end of the statement, found '2'");
        assertError("x = 1\ny = max(x)", 2, 10, "max takes two arguments");
        assertError("= 3", 1, 1, "a statement starts with a name");
    }

    @Test
    void errorsOnLaterLinesCountColumnsFromTheLineStart() {
        List<String> lines = List.of("a = 1", "b = 2", "c = a * b", "    d = c + q");
        ProgramException e = error(String.join("\n", lines));
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(lines.get(3).indexOf('q') + 1);
    }

    // ---- a program with new values ----------------------------------------------------------------

    @Test
    void aProgramWithNewValuesKeepsItsTextAndSpellsOnlyTheChangedNumbersAnew() {
        String program = "# apples\napple = 100 # each\ncount = 2; param w = −0.50\nprice = apple * count * w * 2";
        assertThat(ProgramParser.withLeafValues(program, java.util.Map.of("count", 3.0, "w", 0.25, "apple", 100.0)))
                .isEqualTo("# apples\napple = 100 # each\ncount = 3; param w = 0.25\nprice = apple * count * w * 2");
        // its own values give it back as written, −0.50 included; a name it does not declare changes nothing
        assertThat(ProgramParser.withLeafValues(program, java.util.Map.of("w", -0.5, "price", 7.0, "z", 1.0)))
                .isEqualTo(program);
        assertThat(ProgramParser.withLeafValues("x = 1\ny = x + 1", java.util.Map.of("x", -1e-8)))
                .isEqualTo("x = -1e-8\ny = x + 1");
    }

    @Test
    void aProgramWithNewValuesParsesToThoseValuesExactly() {
        java.util.Random random = new java.util.Random(7);
        String program = "a = 1\nparam w = 0.5\nparam v = -2; b = 3e2\ny = sigmoid(w * a + v) * b";
        for (int trial = 0; trial < 500; trial++) {
            double scale = Math.pow(10, random.nextInt(41) - 20);
            java.util.Map<String, Double> values = new java.util.HashMap<>();
            for (String name : List.of("a", "w", "v", "b")) {
                double v = random.nextInt(4) == 0 ? random.nextInt(21) - 10 : (random.nextDouble() * 2 - 1) * scale;
                values.put(name, v);
            }
            String rewritten = ProgramParser.withLeafValues(program, values);
            Graph g = ProgramParser.parse(rewritten);
            for (var e : values.entrySet()) {
                assertThat(node(g, e.getKey()).initialValue().scalar()).as(rewritten).isEqualTo(e.getValue());
            }
            assertThat(g.params()).extracting(Node::name).containsExactly("w", "v");
        }
    }
}

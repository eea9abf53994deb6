package backprop.engine.program;

import backprop.engine.Graph;
import backprop.engine.GraphBuilder;
import backprop.engine.op.Elementwise;
import backprop.engine.program.Lexer.Token;
import backprop.engine.program.Lexer.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The formula language of the {@code grad} command and the app's formula box:
 * <pre>
 *   apple = 100            # an input
 *   param w = 0.5          # a trainable parameter
 *   price = apple * 2 * w  # a node; the last statement is the output
 * </pre>
 * Statements end at a newline or ';'. Operators + − * / ^ (right-associative, above unary minus),
 * parentheses, and exp log sqrt sigmoid tanh relu abs sin cos max(a, b). Every sub-expression becomes a node
 * labelled with its text, every literal a constant node.
 */
public final class ProgramParser {
    private static final Map<String, Elementwise> FUNCTIONS = Map.of(
            "exp", Elementwise.EXP, "log", Elementwise.LOG, "sqrt", Elementwise.SQRT,
            "sigmoid", Elementwise.SIGMOID, "tanh", Elementwise.TANH, "relu", Elementwise.RELU,
            "abs", Elementwise.ABS, "sin", Elementwise.SIN, "cos", Elementwise.COS, "max", Elementwise.MAX);

    /** The language's function names (exp, log, …, max): what a program may call. */
    public static java.util.Set<String> functionNames() {
        return FUNCTIONS.keySet();
    }

    private final String src;
    private final List<Token> tokens;
    private final GraphBuilder graph = new GraphBuilder();
    private final Map<String, Integer> names = new HashMap<>();
    private final Map<String, Integer> definedOnLine = new HashMap<>();
    /** Each declared input's or param's number: where it is written (start and end offsets) and its value, in order. */
    private final Map<String, Literal> literals = new java.util.LinkedHashMap<>();

    private record Literal(int start, int end, double value) {
    }
    private int pos;

    private ProgramParser(String src) {
        this.src = src;
        this.tokens = new Lexer(src).tokens();
    }

    /** Parses a program into a graph whose output is its last statement. */
    public static Graph parse(String program) {
        return new ProgramParser(program).program();
    }

    /**
     * The program with the numbers of its inputs and params replaced by {@code values} (by name), the
     * rest of the text as written: the formula of a graph whose values were edited or trained. A
     * number whose value is unchanged keeps its spelling (0.50 stays 0.50), so a program given its own
     * values comes back the same string.
     *
     * @throws ProgramException if the program does not parse
     */
    public static String withLeafValues(String program, Map<String, Double> values) {
        ProgramParser p = new ProgramParser(program);
        p.program();
        StringBuilder out = new StringBuilder(program);
        List<Map.Entry<String, Literal>> written = new java.util.ArrayList<>(p.literals.entrySet());
        for (int i = written.size() - 1; i >= 0; i--) { // from the end: earlier offsets stay valid
            Double v = values.get(written.get(i).getKey());
            Literal l = written.get(i).getValue();
            if (v != null && Double.compare(v, l.value()) != 0) {
                out.replace(l.start(), l.end(), GraphBuilder.formatConstant(v));
            }
        }
        return out.toString();
    }

    private record Expr(int node, int start, int end, boolean literal) {
    }

    private Graph program() {
        Integer last = null;
        while (peek().type() != Type.EOF) {
            if (peek().type() == Type.END_OF_STATEMENT) {
                pos++;
                continue;
            }
            last = statement();
            Token t = peek();
            if (t.type() != Type.END_OF_STATEMENT && t.type() != Type.EOF) {
                throw error(t, "expected the end of the statement, found '" + t.text() + "'");
            }
        }
        if (last == null) {
            throw new ProgramException(1, 1, "the program is empty: write at least one statement, like y = x * 2");
        }
        return graph.build(last);
    }

    private int statement() {
        boolean param = peek().type() == Type.NAME && peek().text().equals("param")
                && tokens.get(pos + 1).type() == Type.NAME;
        if (param) {
            pos++;
        }
        Token name = expect(Type.NAME, "a statement starts with a name, as in y = x * 2");
        if (FUNCTIONS.containsKey(name.text()) || name.text().equals("param")) {
            throw error(name, "'" + name.text() + "' is a reserved word and cannot name a value");
        }
        if (names.containsKey(name.text())) {
            throw error(name, name.text() + " is already defined on line " + definedOnLine.get(name.text()));
        }
        expect(Type.EQUALS, "expected '=' after " + name.text());
        Token first = peek();
        Double literal = signedLiteral();
        int node;
        if (literal != null) {
            node = param ? graph.param(name.text(), literal) : graph.input(name.text(), literal);
            literals.put(name.text(), new Literal(first.offset(), end(tokens.get(pos - 1)), literal));
        } else if (param) {
            throw error(first, "param " + name.text() + " must be given a number, as in param " + name.text() + " = 0.5");
        } else {
            Expr e = expression();
            Type after = peek().type();
            if (e.literal() && (after == Type.END_OF_STATEMENT || after == Type.EOF)) {
                throw error(first, "write " + name.text() + " = NUMBER, without parentheses, to declare an input");
            }
            // naming an existing node (b = a) makes b another name for it
            node = isNamedNode(e.node()) ? e.node() : graph.rename(e.node(), name.text());
        }
        names.put(name.text(), node);
        definedOnLine.put(name.text(), name.line());
        if (!graph.isLeaf(node)) {
            graph.report(node);
        }
        return node;
    }

    private boolean isNamedNode(int node) {
        return names.containsValue(node);
    }

    /** "3" or "-3" alone as a statement's right-hand side declares an input. */
    private Double signedLiteral() {
        int save = pos;
        boolean negative = false;
        if (peek().type() == Type.OP && isMinus(peek().text())) {
            negative = true;
            pos++;
        }
        if (peek().type() == Type.NUMBER) {
            double v = Double.parseDouble(next().text());
            Type after = peek().type();
            if (after == Type.END_OF_STATEMENT || after == Type.EOF) {
                return negative ? -v : v;
            }
        }
        pos = save;
        return null;
    }

    private Expr expression() {
        Expr left = term();
        while (peek().type() == Type.OP && (peek().text().equals("+") || isMinus(peek().text()))) {
            Elementwise op = next().text().equals("+") ? Elementwise.ADD : Elementwise.SUB;
            left = combine(op, left, term());
        }
        return left;
    }

    private Expr term() {
        Expr left = unary();
        while (peek().type() == Type.OP && "*×·/÷".contains(peek().text())) {
            Elementwise op = "/÷".contains(next().text()) ? Elementwise.DIV : Elementwise.MUL;
            left = combine(op, left, unary());
        }
        return left;
    }

    private Expr unary() {
        if (peek().type() == Type.OP && isMinus(peek().text())) {
            Token minus = next();
            if (peek().type() == Type.NUMBER && !nextIs(1, "^")) {
                Token num = next();
                int node = graph.constant(-Double.parseDouble(num.text()));
                return new Expr(node, minus.offset(), end(num), true);
            }
            Expr operand = unary();
            return new Expr(graph.anonymous(text(minus.offset(), operand.end()), Elementwise.NEG, operand.node()),
                    minus.offset(), operand.end(), false);
        }
        return power();
    }

    private Expr power() {
        Expr base = primary();
        if (peek().type() == Type.OP && peek().text().equals("^")) {
            next();
            return combine(Elementwise.POW, base, unary());
        }
        return base;
    }

    private Expr primary() {
        Token t = next();
        switch (t.type()) {
            case NUMBER:
                return new Expr(graph.constant(Double.parseDouble(t.text())), t.offset(), end(t), true);
            case LPAREN: {
                Expr inner = expression();
                Token close = expect(Type.RPAREN, "expected ')' to close the '(' at column " + t.column());
                return new Expr(inner.node(), t.offset(), end(close), inner.literal());
            }
            case NAME: {
                if (peek().type() == Type.LPAREN) {
                    return call(t);
                }
                Integer node = names.get(t.text());
                if (node == null) {
                    if (FUNCTIONS.containsKey(t.text())) {
                        throw error(t, t.text() + " is a function: write " + t.text() + "(x)");
                    }
                    throw error(t, "unknown name '" + t.text() + "' (define it on an earlier line, as in "
                            + t.text() + " = 1)");
                }
                return new Expr(node, t.offset(), end(t), false);
            }
            case EOF:
            case END_OF_STATEMENT:
                throw error(t, "the expression is incomplete");
            default:
                throw error(t, "unexpected '" + t.text() + "'");
        }
    }

    private Expr call(Token name) {
        Elementwise fn = FUNCTIONS.get(name.text());
        if (fn == null) {
            throw error(name, "unknown function '" + name.text() + "' (known: " + String.join(", ", new java.util.TreeSet<>(FUNCTIONS.keySet())) + ")");
        }
        expect(Type.LPAREN, "expected '('");
        Expr a = expression();
        Expr b = null;
        if (fn.arity() == 2) {
            expect(Type.COMMA, name.text() + " takes two arguments, as in max(a, b)");
            b = expression();
        } else if (peek().type() == Type.COMMA) {
            throw error(peek(), name.text() + " takes one argument");
        }
        Token close = expect(Type.RPAREN, "expected ')' to close " + name.text() + "(");
        String label = text(name.offset(), end(close));
        int node = b == null ? graph.anonymous(label, fn, a.node()) : graph.anonymous(label, fn, a.node(), b.node());
        return new Expr(node, name.offset(), end(close), false);
    }

    private Expr combine(Elementwise op, Expr a, Expr b) {
        String label = text(a.start(), b.end());
        return new Expr(graph.anonymous(label, op, a.node(), b.node()), a.start(), b.end(), false);
    }

    private boolean nextIs(int ahead, String text) {
        Token t = tokens.get(Math.min(pos + ahead, tokens.size() - 1));
        return t.text().equals(text);
    }

    private static boolean isMinus(String s) {
        return s.equals("-") || s.equals("−");
    }

    private String text(int start, int end) {
        return src.substring(start, end).replaceAll("\\s+", " ").trim();
    }

    private static int end(Token t) {
        return t.offset() + t.text().length();
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private Token expect(Type type, String message) {
        Token t = peek();
        if (t.type() != type) {
            throw error(t, message + (t.type() == Type.EOF || t.type() == Type.END_OF_STATEMENT ? "" : ", found '" + t.text() + "'"));
        }
        return next();
    }

    private static ProgramException error(Token t, String message) {
        return new ProgramException(t.line(), t.column(), message);
    }
}

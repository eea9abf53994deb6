package backprop.ui.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names and numbers written as LaTeX for jlatexmath. */
public final class Tex {
    private static final Pattern LETTERS_DIGITS = Pattern.compile("([A-Za-z]+)_?([0-9]+)");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z]");
    /** A name of the formula language: letters of any script (μ, 价格), digits, underscores (see the Lexer). */
    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_][\\p{L}\\p{Nd}_]*");
    private static final Pattern LETTERS_UNDERSCORE_LETTERS = Pattern.compile("[A-Za-z]+_[A-Za-z]+");
    private static final Pattern NUMBER = Pattern.compile("[0-9.]+(?:[eE][-+]?[0-9]+)?");
    /** An expression label's tokens: names, numbers, and any other single character. */
    private static final Pattern TOKEN = Pattern.compile(IDENTIFIER.pattern() + "|" + NUMBER.pattern() + "|\\S");
    private static final java.util.Set<String> FUNCTIONS = backprop.engine.program.ProgramParser.functionNames();

    private Tex() {
    }

    /**
     * A node name as math: w13 → w_{13}, W_hidden → W_{\text{hidden}}, apple → \text{apple},
     * an expression label "apple * count" → (\text{apple} \cdot \text{count}).
     */
    public static String name(String name) {
        Matcher m = LETTERS_DIGITS.matcher(name);
        if (m.matches()) {
            return symbol(m.group(1)) + "_{" + m.group(2) + "}";
        }
        if (PLAIN.matcher(name).matches()) {
            return name;
        }
        if (LETTERS_UNDERSCORE_LETTERS.matcher(name).matches()) {
            int u = name.indexOf('_');
            return symbol(name.substring(0, u)) + "_{\\text{" + name.substring(u + 1) + "}}";
        }
        if (IDENTIFIER.matcher(name).matches()) {
            return "\\text{" + name.replace("_", "\\_") + "}";
        }
        if (NUMBER.matcher(name).matches()) {
            return name; // a constant's node is named by its number
        }
        if (isOneCall(name)) {
            return expression(name); // exp(x · (−1)) needs no parentheses around it
        }
        return "(" + expression(name) + ")";
    }

    /** Whether a label is one function call from its first character to its last, as "max(a, b)". */
    private static boolean isOneCall(String label) {
        int open = label.indexOf('(');
        return open > 0 && FUNCTIONS.contains(label.substring(0, open).trim()) && closesAtTheEnd(label, open);
    }

    private static final Pattern FUNCTION_TEX = Pattern.compile("\\\\[A-Za-z]+(\\{[A-Za-z]+\\})?|[A-Za-z]+");

    /** Whether TeX is one function call from its start to its end, as \\sigma(y_{1}): ∂σ(y1)/∂y1 needs no parentheses. */
    public static boolean isOneCallTex(String tex) {
        int open = tex.indexOf('(');
        return open > 0 && FUNCTION_TEX.matcher(tex.substring(0, open)).matches() && closesAtTheEnd(tex, open);
    }

    /** Whether the parenthesis opened at {@code open} closes at the last character, not before: not exp(a) * b. */
    static boolean closesAtTheEnd(String s, int open) {
        if (!s.endsWith(")")) {
            return false;
        }
        int depth = 0;
        for (int k = open; k < s.length(); k++) {
            char c = s.charAt(k);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && k < s.length() - 1) {
                return false;
            }
        }
        return depth == 0;
    }

    private static String symbol(String letters) {
        return letters.length() == 1 ? letters : "\\text{" + letters + "}";
    }

    /** An expression label in TeX: names as {@link #name}, operators as math, x * -1 as x · (−1). */
    static String expression(String label) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(label);
        while (m.find()) {
            tokens.add(m.group());
        }
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < tokens.size(); k++) {
            String tok = tokens.get(k);
            boolean minus = tok.equals("-") || tok.equals("−");
            if (minus && k > 0 && isOperator(tokens.get(k - 1)) && k + 1 < tokens.size() && isOperand(tokens.get(k + 1))) {
                out.append("(-").append(operand(tokens.get(++k))).append(')'); // a negative factor
                continue;
            }
            switch (tok) {
                case "*", "×", "·" -> out.append(" \\cdot ");
                case "/", "÷" -> out.append(" / ");
                case "-", "−" -> out.append(" - ");
                case "+" -> out.append(" + ");
                case "^" -> out.append("^");
                case "Σ" -> out.append("\\Sigma ");
                default -> out.append(FUNCTIONS.contains(tok) ? "\\operatorname{" + tok + "}" : operand(tok));
            }
        }
        return out.toString().trim();
    }

    private static boolean isOperator(String tok) {
        return List.of("*", "×", "·", "/", "÷", "-", "−", "+", "^").contains(tok);
    }

    /** A name or a number (not a function's name). */
    private static boolean isOperand(String tok) {
        char c = tok.charAt(0);
        return (Character.isLetterOrDigit(c) || c == '_' || c == '.') && !FUNCTIONS.contains(tok);
    }

    /** A name as {@link #name} writes it (it never comes back here: a name is no expression), anything else as it is. */
    private static String operand(String tok) {
        return IDENTIFIER.matcher(tok).matches() ? name(tok) : tok;
    }

    /** A number; negative ones in parentheses so they can stand inside a product. */
    public static String number(double v) {
        String s = result(v);
        return v < 0 ? "(" + s + ")" : s;
    }

    /** A number that stands alone (the result after the last "=", a value before and after an update): no parentheses. */
    public static String result(double v) {
        return cell(v, 6);
    }

    /** A number to {@code digits} significant digits, without parentheses: a matrix's entry. */
    public static String cell(double v, int digits) {
        String s = Numbers.format(v, digits).replace('−', '-');
        if (s.contains("e")) {
            String[] p = s.split("e");
            s = p[0] + " \\times 10^{" + p[1] + "}";
        }
        return s.replace("∞", "\\infty").replace("NaN", "\\text{NaN}"); // upright: NaN, not N·a·N
    }

    /** ∂out/∂x */
    public static String partial(String out, String x) {
        return "\\frac{\\partial " + name(out) + "}{\\partial " + name(x) + "}";
    }

    /** Fills an op's template: #0, #1, … with the given operands, #y with the output. */
    public static String fill(String template, String[] operands, String output) {
        String s = template.replace("#y", output);
        for (int k = operands.length - 1; k >= 0; k--) {
            // a parenthesised operand in the template's own parentheses keeps one pair: σ(−1.64), not σ((−1.64))
            s = s.replace("(#" + k + ")", "(" + withoutOuterParentheses(operands[k]) + ")");
            s = s.replace("#" + k, operands[k]);
        }
        return s;
    }

    /** {@code s} without one pair of parentheses that encloses all of it ("(−1.6)", not "(a)(b)"). */
    static String withoutOuterParentheses(String s) {
        return s.startsWith("(") && closesAtTheEnd(s, 0) ? s.substring(1, s.length() - 1) : s;
    }
}

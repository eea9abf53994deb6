package backprop.ui.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names and numbers written as LaTeX for jlatexmath. */
public final class Tex {
    private static final Pattern LETTERS_DIGITS = Pattern.compile("([A-Za-z]+)_?([0-9]+)");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z]");

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
        if (name.matches("[A-Za-z]+_[A-Za-z]+")) {
            int u = name.indexOf('_');
            return symbol(name.substring(0, u)) + "_{\\text{" + name.substring(u + 1) + "}}";
        }
        if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return "\\text{" + name.replace("_", "\\_") + "}";
        }
        return "(" + expression(name) + ")";
    }

    private static String symbol(String letters) {
        return letters.length() == 1 ? letters : "\\text{" + letters + "}";
    }

    /** An expression label in TeX: names as {@link #name}, operators as math. */
    static String expression(String label) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|[0-9.]+(?:[eE][-+]?[0-9]+)?|\\S").matcher(label);
        while (m.find()) {
            String tok = m.group();
            switch (tok) {
                case "*", "×", "·" -> out.append(" \\cdot ");
                case "/", "÷" -> out.append(" / ");
                case "-", "−" -> out.append(" - ");
                case "+" -> out.append(" + ");
                case "^" -> out.append("^");
                case "Σ" -> out.append("\\Sigma ");
                case "exp", "log", "sqrt", "sigmoid", "tanh", "relu", "abs", "max" -> out.append("\\operatorname{").append(tok).append('}');
                default -> out.append(Character.isLetter(tok.charAt(0)) || tok.charAt(0) == '_' ? name(tok) : tok);
            }
        }
        return out.toString().trim();
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
        return s.replace("∞", "\\infty");
    }

    /** ∂out/∂x */
    public static String partial(String out, String x) {
        return "\\frac{\\partial " + name(out) + "}{\\partial " + name(x) + "}";
    }

    /** Fills an op's template: #0, #1, … with the given operands, #y with the output. */
    public static String fill(String template, String[] operands, String output) {
        String s = template.replace("#y", output);
        for (int k = operands.length - 1; k >= 0; k--) {
            s = s.replace("#" + k, operands[k]);
        }
        return s;
    }
}

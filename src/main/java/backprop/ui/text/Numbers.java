package backprop.ui.text;

import backprop.engine.Tensor;
import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as a class reads them: 6 significant digits, no trailing zeros, 220 rather than 220.00000000000003. */
public final class Numbers {
    private Numbers() {
    }

    /** A whole number with thousands separated by commas, as "50,000" ("%,d" without a Formatter, which the chart paid for every frame). */
    public static String grouped(long n) {
        String digits = n < 0 ? Long.toString(n).substring(1) : Long.toString(n);
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) {
            out.append('−'); // the minus sign, as Numbers.format writes it
        }
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, lead);
        for (int k = lead; k < digits.length(); k += 3) {
            out.append(',').append(digits, k, k + 3);
        }
        return out.toString();
    }

    public static String format(double v) {
        return format(v, 6);
    }

    public static String format(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        String s;
        // the graph's short labels switch to powers of ten sooner: −4.9783e−4 fits a box, −0.00049783 does not
        double small = digits <= LABEL_DIGITS ? 1e-3 : 1e-4;
        if (abs >= 1e7 || abs < small) {
            BigDecimal bd = new BigDecimal(v).round(new MathContext(Math.min(digits, 4)));
            String[] parts = String.format(java.util.Locale.ROOT, "%." + (Math.min(digits, 4) - 1) + "e", bd.doubleValue())
                    .split("e");
            String mantissa = stripZeros(parts[0]);
            int exponent = Integer.parseInt(parts[1]);
            s = mantissa + "e" + exponent;
        } else {
            s = stripZeros(new BigDecimal(v).round(new MathContext(digits)).toPlainString());
        }
        return s.replace('-', '−');
    }

    /** Digits on the graph, where space is tight; the chain rule and the inspector show more. */
    public static final int LABEL_DIGITS = 5;

    /** A number for a node or edge label. */
    public static String label(double v) {
        return format(v, LABEL_DIGITS);
    }

    /**
     * A gradient for a node or edge label, after "∂ ": a number, "all 0" for a matrix with no gradient
     * at all (seed 002's W1: its constant weights give every hidden unit the same share, which cancels),
     * or the matrix's shape.
     */
    public static String gradientLabel(Tensor g) {
        if (g == null || g.isScalar()) {
            return label(g);
        }
        for (int k = 0; k < g.size(); k++) {
            if (g.at(k) != 0) {
                return g.shape();
            }
        }
        return "all 0";
    }

    /** A value for a node or edge label: a number, a short list, or the shape of a larger matrix. */
    public static String label(Tensor t) {
        if (t == null) {
            return "";
        }
        return t.isScalar() ? label(t.scalar()) : t.shape();
    }

    /** A value for text: a number, a short list, or the shape of a larger matrix. */
    public static String format(Tensor t) {
        if (t == null) {
            return "";
        }
        if (t.isScalar()) {
            return format(t.scalar());
        }
        if (t.size() <= 3) {
            StringBuilder sb = new StringBuilder("[");
            for (int k = 0; k < t.size(); k++) {
                sb.append(k == 0 ? "" : ", ").append(format(t.at(k), 4));
            }
            return sb.append(']').toString();
        }
        return t.shape();
    }

    /**
     * Full precision, for the inspector, where a student checks a hand calculation digit by digit, and
     * for a value to edit: the shortest text that reads back as the same double, 2 rather than 2.0.
     */
    public static String exact(double v) {
        return Double.isFinite(v) ? backprop.engine.GraphBuilder.formatConstant(v) : Double.toString(v);
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}

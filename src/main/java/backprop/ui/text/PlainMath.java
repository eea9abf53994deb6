package backprop.ui.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An op's TeX template (its local derivative, its gradient product) in plain text, for the inspector,
 * which writes its formulas in a monospaced label: fractions as a/b, powers as a^b, a function's
 * argument in parentheses, and an operand that is itself an expression ("p * q") in parentheses
 * wherever it would otherwise be read wrongly: ∂exp(p * q)/∂(p * q) = e^(p * q), not e^p * q.
 * Knows the TeX the ops write (\frac, ^, \sqrt, \cdot, \ln, \log, \operatorname, \ge, \top, …).
 */
public final class PlainMath {
    /** A name or a number, maybe transposed (Wᵀ); not 2√p, which is a product. */
    private static final Pattern SIMPLE = Pattern.compile("[\\p{L}\\p{N}_.]+ᵀ?");
    private static final java.util.Map<String, String> SYMBOLS = java.util.Map.of(
            "cdot", "·", "ge", "≥", "le", "≤", "lambda", "λ", "sigma", "σ", "top", "ᵀ", ",", " ", "times", "×");
    private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of("ln", "log", "exp", "sin", "cos", "tanh", "max");

    private final String t;
    private final List<String> operands;
    private final String output;
    private final String gradient;
    private int i;

    private PlainMath(String template, List<String> operands, String output, String gradient) {
        this.t = template;
        this.operands = operands;
        this.output = output;
        this.gradient = gradient;
    }

    /**
     * @param operands the names that #0, #1, … stand for
     * @param output   the name #y stands for
     * @param gradient the text #g stands for (a gradient such as ∂L/∂z: never put in parentheses), or null
     */
    public static String of(String template, List<String> operands, String output, String gradient) {
        String whole = template.trim();
        if (whole.matches("#[0-9y]")) { // the local derivative is an operand itself: b for ∂(a · b)/∂a
            return whole.equals("#y") ? output : operands.get(whole.charAt(1) - '0');
        }
        PlainMath p = new PlainMath(template, operands, output, gradient);
        return p.sequence(false).replaceAll(" {2,}", " ").trim();
    }

    /** Whether text reads as one thing next to an operator: a name, a number, a call, a parenthesis. */
    static boolean isAtom(String s) {
        if (SIMPLE.matcher(s).matches()) {
            return true;
        }
        if (s.startsWith("√")) {
            return isAtom(s.substring(1));
        }
        int open = s.indexOf('(');
        return open >= 0 && (open == 0 || SIMPLE.matcher(s.substring(0, open)).matches()) && Tex.closesAtTheEnd(s, open);
    }

    private static String wrap(String s) {
        return isAtom(s) ? s : "(" + s + ")";
    }

    /** Up to the end of the template, or of the group whose '{' was read. */
    private String sequence(boolean group) {
        StringBuilder sb = new StringBuilder();
        int lastPiece = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '}') {
                i++;
                if (group) {
                    return sb.toString();
                }
                continue;
            }
            if (c == '^') {
                i++;
                String base = sb.substring(lastPiece).trim();
                sb.setLength(lastPiece);
                String exponent = argument();
                sb.append(wrap(base)).append(exponent.equals("ᵀ") ? "ᵀ" : "^" + wrap(exponent));
                continue;
            }
            lastPiece = sb.length();
            if (c == '#') {
                sb.append(placeholder());
            } else if (c == '{') {
                i++;
                sb.append(sequence(true));
            } else if (c == '\\') {
                String word = command();
                if (!word.isEmpty() && Character.isLetter(word.charAt(0)) && sb.length() > 0
                        && Character.isLetterOrDigit(sb.charAt(sb.length() - 1))) {
                    sb.append(' '); // 1/N log(…), not 1/Nlog(…)
                    lastPiece = sb.length();
                }
                sb.append(word);
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /** What #k, #y or #g stands for, in parentheses if it is an expression and not in a call's own: sign(a + b). */
    private String placeholder() {
        int start = i;
        char k = t.charAt(i + 1);
        i += 2;
        if (k == 'g') {
            return gradient;
        }
        String name = k == 'y' ? output : operands.get(k - '0');
        boolean argument = "(,".indexOf(nonSpace(start - 1, -1)) >= 0 && "),".indexOf(nonSpace(i, 1)) >= 0;
        return argument ? name : wrap(name);
    }

    /** The first character from {@code at} on in direction {@code step} that is not a space, or '\0'. */
    private char nonSpace(int at, int step) {
        for (int k = at; k >= 0 && k < t.length(); k += step) {
            if (t.charAt(k) != ' ') {
                return t.charAt(k);
            }
        }
        return '\0';
    }

    /** The next argument of a command or a power: a group, a placeholder, a command, or one character. */
    private String argument() {
        while (i < t.length() && t.charAt(i) == ' ') {
            i++;
        }
        if (i >= t.length()) {
            return "";
        }
        char c = t.charAt(i);
        if (c == '{') {
            i++;
            return sequence(true).trim();
        }
        if (c == '#') {
            return placeholder();
        }
        if (c == '\\') {
            return command();
        }
        i++;
        return String.valueOf(c);
    }

    private String command() {
        int start = ++i;
        if (i < t.length() && !Character.isLetter(t.charAt(i))) {
            i++; // a one-character command: \, \{
            return SYMBOLS.getOrDefault(t.substring(start, i), t.substring(start, i));
        }
        while (i < t.length() && Character.isLetter(t.charAt(i))) {
            i++;
        }
        String name = t.substring(start, i);
        switch (name) {
            case "frac" -> {
                String numerator = argument();
                String denominator = argument();
                return wrap(numerator) + "/" + wrap(denominator);
            }
            case "sqrt" -> {
                return "√" + wrap(argument());
            }
            case "mathbf", "text", "mathrm" -> {
                return argument();
            }
            case "operatorname" -> {
                return function(argument());
            }
            default -> {
                if (FUNCTION_WORDS.contains(name)) {
                    return function(name);
                }
                return SYMBOLS.getOrDefault(name, name);
            }
        }
    }

    /** A function's name and its argument: in the template's own parentheses, or put in some. */
    private String function(String name) {
        int save = i;
        while (i < t.length() && t.charAt(i) == ' ') {
            i++;
        }
        if (i >= t.length() || t.charAt(i) == '(') {
            return name; // max(#0, #1), softmax(#0): the parentheses follow as they are
        }
        if (t.charAt(i) == '}' || t.charAt(i) == '-' || t.charAt(i) == '+') {
            i = save;
            return name;
        }
        String arg = argument();
        if (arg.startsWith("(") && Tex.closesAtTheEnd(arg, 0)) {
            return name + arg;
        }
        if (arg.matches("\\p{L}+") && t.startsWith("(", i)) {
            // an argument that is itself a call: \log \operatorname{softmax}(#0)
            int open = i;
            int depth = 0;
            do {
                char c = t.charAt(i++);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            } while (depth > 0 && i < t.length());
            arg = arg + of(t.substring(open, i), operands, output, gradient);
        }
        return name + "(" + arg + ")";
    }
}

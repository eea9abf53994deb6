package backprop.ui.chain;

import java.util.List;

/**
 * What the chain-rule panel shows for one moment of a trace.
 *
 * @param title a plain-text headline ("Backward: × passes 1.1 to apple and count")
 * @param lines the rule with live numbers, one formula per line (the panel may break a long one into
 *              rows); none before the first step
 * @param terms edges whose gradient terms appear in a sum, in the order and colours of the formula
 * @param focusLine the index of the line written for the element the user chose (its gradient's entry
 *                  or its update), which the panel keeps in sight; -1 for none
 */
public record Explanation(String title, List<String> lines, List<Term> terms, int focusLine) {

    public Explanation {
        lines = List.copyOf(lines);
        terms = List.copyOf(terms);
    }

    public Explanation(String title, List<String> lines, List<Term> terms) {
        this(title, lines, terms, -1);
    }

    /** All lines as one LaTeX formula, one line under the other ("" for none). */
    public String tex() {
        return lines.isEmpty() ? "" : lines.size() == 1 ? lines.get(0) : "\\begin{array}{l}" + String.join(" \\\\ ", lines) + "\\end{array}";
    }

    /** One term of a sum over consumers; {@code colour} indexes {@link ChainRule#TERM_COLOURS}. */
    public record Term(EdgeRef edge, int colour) {
    }
}

package backprop.ui.chain;

import java.util.List;

/**
 * What the chain-rule panel shows for one moment of a trace.
 *
 * @param title a plain-text headline ("Backward: × passes 1.1 to apple and count")
 * @param tex   the rule with live numbers, one formula per line
 * @param terms edges whose gradient terms appear in a sum, in the order and colours of the formula
 */
public record Explanation(String title, String tex, List<Term> terms) {

    /** One term of a sum over consumers; {@code colour} indexes {@link ChainRule#TERM_COLOURS}. */
    public record Term(EdgeRef edge, int colour) {
    }
}

package backprop.ui.chain;

/** A graph edge: operand {@code slot} of op node {@code node}. */
public record EdgeRef(int node, int slot) {
}

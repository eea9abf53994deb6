package backprop.ui.layout;

/** A directed connection between two {@link LayoutNode}s, drawn from source to target. */
public record LayoutEdge(String id, String source, String target) {
}

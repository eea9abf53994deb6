package backprop.ui.layout;

/**
 * A directed connection between two {@link LayoutNode}s, drawn from source to target, with room
 * for a label of the given size (0 × 0: no label).
 */
public record LayoutEdge(String id, String source, String target, double labelWidth, double labelHeight) {

    public LayoutEdge(String id, String source, String target) {
        this(id, source, target, 0, 0);
    }

    public boolean hasLabel() {
        return labelWidth > 0 && labelHeight > 0;
    }
}

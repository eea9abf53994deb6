package backprop.ui.layout;

/** A box to be placed by {@link LayeredLayout}; the size is whatever the view measured. */
public record LayoutNode(String id, double width, double height) {
}

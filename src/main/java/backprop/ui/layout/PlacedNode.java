package backprop.ui.layout;

/** A node's box after layout; x and y are its top-left corner. */
public record PlacedNode(String id, double x, double y, double width, double height) {
}

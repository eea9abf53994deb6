package backprop.ui.layout;

/** A point in layout coordinates (origin top-left, y down). */
public record LayoutPoint(double x, double y) {
}

package backprop.ui.layout;

import java.util.List;

/**
 * An edge's route after layout: start point, bend points, end point, in drawing order; and the
 * top-left corner of its label, placed by the layout so labels do not overlap (null: no label).
 */
public record RoutedEdge(String id, String source, String target, List<LayoutPoint> points, LayoutPoint label,
                         double labelWidth) {
    public RoutedEdge {
        points = List.copyOf(points);
    }

    public RoutedEdge(String id, String source, String target, List<LayoutPoint> points) {
        this(id, source, target, points, null, 0);
    }
}

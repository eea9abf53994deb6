package backprop.ui.layout;

import java.util.List;

/** An edge's route after layout: start point, bend points, end point, in drawing order. */
public record RoutedEdge(String id, String source, String target, List<LayoutPoint> points) {

    public RoutedEdge {
        points = List.copyOf(points);
    }
}

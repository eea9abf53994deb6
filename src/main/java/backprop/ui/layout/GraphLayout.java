package backprop.ui.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The result of {@link LayeredLayout#layout}: keyed by id, in input order, plus the overall drawing size. */
public record GraphLayout(Map<String, PlacedNode> nodes, Map<String, RoutedEdge> edges, double width, double height) {

    public GraphLayout {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        edges = Collections.unmodifiableMap(new LinkedHashMap<>(edges));
    }
}

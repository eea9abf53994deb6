package backprop.ui.layout;

import java.util.List;

/**
 * What a graph asks the layout for: its boxes, its lines, and whether a layer's boxes keep the order
 * given (a layer's units 1, 2, 3 as in the seed figures). Equal inputs get equal layouts, which is
 * what lets {@link PrecomputedLayouts} store them.
 */
public record LayoutInput(List<LayoutNode> nodes, List<LayoutEdge> edges, boolean inGivenOrder) {
    public LayoutInput {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** The input as text, every number exact: the key a stored layout is found by. */
    String key() {
        StringBuilder k = new StringBuilder().append(inGivenOrder);
        for (LayoutNode n : nodes) {
            k.append('\n').append(n.id()).append('\t').append(n.width()).append('\t').append(n.height());
        }
        for (LayoutEdge e : edges) {
            k.append('\n').append(e.id()).append('\t').append(e.source()).append('\t').append(e.target())
                    .append('\t').append(e.labelWidth()).append('\t').append(e.labelHeight());
        }
        return k.toString();
    }
}

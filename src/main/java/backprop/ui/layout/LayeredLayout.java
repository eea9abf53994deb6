package backprop.ui.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places a computation graph left to right (inputs left, output right) with ELK Layered and
 * orthogonal edge routing. Pure geometry, no JavaFX, so it can be tested and reused anywhere.
 */
public final class LayeredLayout {

    static final double NODE_SPACING = 40;
    static final double LAYER_SPACING = 48;
    /** Keeps edge runs visibly apart from the boxes they pass. */
    static final double EDGE_NODE_SPACING = 20;
    static final double PADDING = 20;

    private LayeredLayout() {
    }

    /**
     * Lays the graph out. Same input (including order) gives the same output.
     *
     * @throws IllegalArgumentException if ids repeat or an edge names an unknown node
     */
    public static GraphLayout layout(List<LayoutNode> nodes, List<LayoutEdge> edges) {
        return layout(nodes, edges, false);
    }

    /**
     * @param inGivenOrder keep nodes of a layer in the order given, top to bottom, where crossings allow
     *                     (a layer's units 1, 2, 3 as in the seed figures)
     */
    public static GraphLayout layout(List<LayoutNode> nodes, List<LayoutEdge> edges, boolean inGivenOrder) {
        return layout(new LayoutInput(nodes, edges, inGivenOrder));
    }

    /** The stored layout of {@code input} if there is one ({@link PrecomputedLayouts}), else ELK's. */
    public static GraphLayout layout(LayoutInput input) {
        return PrecomputedLayouts.find(input).orElseGet(() -> compute(input));
    }

    /** ELK's layout of {@code input}, never a stored one. */
    public static GraphLayout compute(LayoutInput input) {
        return compute(input.nodes(), input.edges(), input.inGivenOrder());
    }

    /** ELK's layout, never a stored one ({@link PrecomputedLayouts} are made and checked with this). */
    public static GraphLayout compute(List<LayoutNode> nodes, List<LayoutEdge> edges, boolean inGivenOrder) {
        ElkNode graph = ElkGraphUtil.createGraph();
        configure(graph);
        if (inGivenOrder) {
            graph.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY,
                    org.eclipse.elk.alg.layered.options.OrderingStrategy.NODES_AND_EDGES);
        }

        Map<String, ElkNode> elkNodes = new HashMap<>();
        for (LayoutNode node : nodes) {
            ElkNode elkNode = ElkGraphUtil.createNode(graph);
            elkNode.setIdentifier(node.id());
            elkNode.setDimensions(node.width(), node.height());
            if (elkNodes.put(node.id(), elkNode) != null) {
                throw new IllegalArgumentException("duplicate node id: " + node.id());
            }
        }
        Map<String, ElkEdge> elkEdges = new LinkedHashMap<>();
        for (LayoutEdge edge : edges) {
            ElkEdge elkEdge = ElkGraphUtil.createSimpleEdge(
                    requireNode(elkNodes, edge.source(), edge), requireNode(elkNodes, edge.target(), edge));
            elkEdge.setIdentifier(edge.id());
            if (edge.hasLabel()) {
                ElkLabel label = ElkGraphUtil.createLabel(edge.id(), elkEdge); // a label without text is left out of the layout
                label.setDimensions(edge.labelWidth(), edge.labelHeight());
                label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            }
            if (elkEdges.put(edge.id(), elkEdge) != null) {
                throw new IllegalArgumentException("duplicate edge id: " + edge.id());
            }
        }

        new RecursiveGraphLayoutEngine().layout(graph, new BasicProgressMonitor());

        Map<String, PlacedNode> placed = new LinkedHashMap<>();
        for (LayoutNode node : nodes) {
            ElkNode n = elkNodes.get(node.id());
            placed.put(node.id(), new PlacedNode(node.id(), n.getX(), n.getY(), n.getWidth(), n.getHeight()));
        }
        Map<String, RoutedEdge> routed = new LinkedHashMap<>();
        for (LayoutEdge edge : edges) {
            ElkEdge e = elkEdges.get(edge.id());
            LayoutPoint label = e.getLabels().isEmpty() ? null
                    : new LayoutPoint(e.getLabels().get(0).getX(), e.getLabels().get(0).getY());
            routed.put(edge.id(), new RoutedEdge(edge.id(), edge.source(), edge.target(), polyline(e), label,
                    edge.labelWidth()));
        }
        return new GraphLayout(placed, routed, graph.getWidth(), graph.getHeight());
    }

    private static void configure(ElkNode graph) {
        graph.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
        graph.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        graph.setProperty(CoreOptions.PADDING, new ElkPadding(PADDING));
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE, NODE_SPACING);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_SPACING);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE, EDGE_NODE_SPACING);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, EDGE_NODE_SPACING);
        // crossing minimisation is randomised; a fixed seed makes the picture reproducible
        graph.setProperty(LayeredOptions.RANDOM_SEED, 1);
    }

    private static ElkNode requireNode(Map<String, ElkNode> elkNodes, String id, LayoutEdge edge) {
        ElkNode node = elkNodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("edge " + edge.id() + " names unknown node: " + id);
        }
        return node;
    }

    /** Flattens the edge's sections; a simple edge between siblings is in the same coordinates as the nodes. */
    private static List<LayoutPoint> polyline(ElkEdge edge) {
        List<LayoutPoint> points = new ArrayList<>();
        for (ElkEdgeSection section : edge.getSections()) {
            addIfNew(points, section.getStartX(), section.getStartY());
            for (ElkBendPoint bend : section.getBendPoints()) {
                addIfNew(points, bend.getX(), bend.getY());
            }
            addIfNew(points, section.getEndX(), section.getEndY());
        }
        return points;
    }

    private static void addIfNew(List<LayoutPoint> points, double x, double y) {
        LayoutPoint point = new LayoutPoint(x, y);
        if (points.isEmpty() || !points.get(points.size() - 1).equals(point)) {
            points.add(point);
        }
    }
}

package backprop.ui.graph;

import backprop.engine.Graph;
import backprop.engine.Graph.Kind;
import backprop.engine.Graph.Node;
import backprop.engine.op.Elementwise;
import backprop.ui.chain.EdgeRef;
import backprop.ui.layout.GraphLayout;
import backprop.ui.layout.LayeredLayout;
import backprop.ui.layout.LayoutEdge;
import backprop.ui.layout.LayoutNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to draw for a graph in a view mode, and where: boxes, edges and the layout. Pure data (no
 * JavaFX), so the mapping from graph nodes to what is on screen is tested without a toolkit.
 *
 * <p>In the neuron view each unit (a group of the graph: its products, sums and activation) is one
 * circle; a weight that multiplies a unit's input is drawn on the edge instead of as a box.
 */
public final class GraphScene {
    public enum Shape { INPUT, PARAM, CONSTANT, OP, UNIT, OUTPUT }

    /** Room reserved on every edge for its forward value and backward gradient. */
    public static final double LABEL_WIDTH = 150;
    public static final double LABEL_HEIGHT = 58;
    public static final double MATRIX_LABEL_WIDTH = 84;
    /** Room for a value like −0.00049783 at classroom size. */
    public static final double SCALAR_BOX_WIDTH = 172;
    static final double MAX_BOX_WIDTH = 320;
    /** Characters of symbol and name that fit the widest box's head line (12 px a character, 28 of padding). */
    static final int MAX_HEAD_CHARS = (int) ((MAX_BOX_WIDTH - 28) / 12);
    /** Diameter of a neuron: room for its name, its value and its gradient at classroom size. */
    public static final double UNIT_SIZE = 156;

    /**
     * @param members        graph nodes this box stands for
     * @param representative the graph node whose value and gradient the box shows
     */
    public record Box(String id, String title, String symbol, Shape shape, List<Integer> members, int representative,
                      double width, double height) {
    }

    /**
     * @param graphEdges the graph edges this line stands for
     * @param weight     the param drawn on this edge (neuron view), or -1
     */
    public record Line(String id, String source, String target, List<EdgeRef> graphEdges, int weight) {
    }

    private final Graph graph;
    private final ViewMode mode;
    private final List<Box> boxes = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final Map<Integer, String> boxOfNode = new HashMap<>();
    private final Map<EdgeRef, String> lineOfEdge = new HashMap<>();
    private final Map<Integer, String> lineOfWeight = new HashMap<>();
    private final GraphLayout layout;
    private final Map<Integer, Boolean> scalar = new HashMap<>();

    private GraphScene(Graph graph, ViewMode mode) {
        this.graph = graph;
        this.mode = mode == ViewMode.NEURONS && hasUnits(graph) ? ViewMode.NEURONS : ViewMode.OPERATIONS;
        if (this.mode == ViewMode.NEURONS) {
            buildNeurons();
        } else {
            buildOperations();
        }
        List<LayoutNode> ln = boxes.stream().map(b -> new LayoutNode(b.id(), b.width(), b.height())).toList();
        List<LayoutEdge> le = lines.stream()
                .map(l -> new LayoutEdge(l.id(), l.source(), l.target(), labelWidth(l), LABEL_HEIGHT)).toList();
        layout = LayeredLayout.layout(ln, le);
    }

    public static GraphScene of(Graph graph, ViewMode mode) {
        return new GraphScene(graph, mode);
    }

    /** Whether the graph has units to draw as neurons (a network built from scalar ops). */
    public static boolean hasUnits(Graph graph) {
        return graph.nodes().stream().anyMatch(n -> n.group() != null);
    }

    public Graph graph() {
        return graph;
    }

    /** The mode actually drawn (a graph without units is always drawn as operations). */
    public ViewMode mode() {
        return mode;
    }

    public List<Box> boxes() {
        return boxes;
    }

    public List<Line> lines() {
        return lines;
    }

    public GraphLayout layout() {
        return layout;
    }

    /** The box a graph node is drawn in (or part of). */
    public String boxOf(int node) {
        return boxOfNode.get(node);
    }

    /** The line a graph edge is drawn as, or null when it is inside a box. */
    public String lineOf(EdgeRef edge) {
        return lineOfEdge.get(edge);
    }

    /** The line a weight is drawn on (neuron view), or null. */
    public String lineOfWeight(int param) {
        return lineOfWeight.get(param);
    }

    private void buildOperations() {
        for (Node n : graph.nodes()) {
            String id = "n" + n.id();
            boxes.add(box(id, n, List.of(n.id()), n.id(), shapeOf(n)));
            boxOfNode.put(n.id(), id);
        }
        for (Node n : graph.nodes()) {
            for (int slot = 0; slot < n.inputs().size(); slot++) {
                EdgeRef e = new EdgeRef(n.id(), slot);
                String id = "e" + n.id() + "_" + slot;
                lines.add(new Line(id, boxOfNode.get(n.input(slot)), boxOfNode.get(n.id()), List.of(e), -1));
                lineOfEdge.put(e, id);
            }
        }
    }

    private void buildNeurons() {
        Map<String, List<Integer>> units = new LinkedHashMap<>();
        for (Node n : graph.nodes()) {
            if (n.group() != null) {
                units.computeIfAbsent(n.group(), g -> new ArrayList<>()).add(n.id());
            }
        }
        for (Node n : graph.nodes()) {
            if (n.group() == null) {
                String id = "n" + n.id();
                boxes.add(box(id, n, List.of(n.id()), n.id(), shapeOf(n)));
                boxOfNode.put(n.id(), id);
            } else if (!boxOfNode.containsKey(n.id())) {
                List<Integer> members = units.get(n.group());
                int rep = members.get(members.size() - 1);
                String id = "u" + rep;
                Node r = graph.node(rep);
                String symbol = r.op() == null ? "" : r.op().symbol();
                boxes.add(new Box(id, r.name(), symbol, Shape.UNIT, List.copyOf(members), rep, UNIT_SIZE, UNIT_SIZE));
                members.forEach(m -> boxOfNode.put(m, id));
            }
        }
        Map<String, Line> byEnds = new LinkedHashMap<>();
        for (Node n : graph.nodes()) {
            for (int slot = 0; slot < n.inputs().size(); slot++) {
                int in = n.input(slot);
                String from = boxOfNode.get(in);
                String to = boxOfNode.get(n.id());
                if (from.equals(to)) {
                    continue; // inside a unit, or a weight drawn on an edge (handled with its product)
                }
                EdgeRef e = new EdgeRef(n.id(), slot);
                int weight = weightOf(n, slot);
                String key = from + ">" + to + ">" + weight;
                Line existing = byEnds.get(key);
                List<EdgeRef> refs = new ArrayList<>(existing == null ? List.of() : existing.graphEdges());
                refs.add(e);
                if (weight >= 0) {
                    refs.add(new EdgeRef(n.id(), 1 - slot));
                }
                String id = existing == null ? "e" + n.id() + "_" + slot : existing.id();
                byEnds.put(key, new Line(id, from, to, List.copyOf(refs), weight));
            }
        }
        for (Line l : byEnds.values()) {
            lines.add(l);
            l.graphEdges().forEach(e -> lineOfEdge.put(e, l.id()));
            if (l.weight() >= 0) {
                lineOfWeight.put(l.weight(), l.id());
            }
        }
    }

    /** Matrix edges only ever show a shape ("∂ 4×3"), so their labels need less room than numbers. */
    private double labelWidth(Line l) {
        EdgeRef e = l.graphEdges().get(0);
        Node consumer = graph.node(e.node());
        Node source = graph.node(consumer.input(e.slot()));
        boolean matrix = source.isLeaf() ? !source.initialValue().isScalar() : !isScalarOp(source);
        return matrix ? MATRIX_LABEL_WIDTH : LABEL_WIDTH;
    }

    /** The weight of a unit's product w·x, when operand {@code slot} is the x coming from outside the unit. */
    private int weightOf(Node product, int slot) {
        if (product.op() != Elementwise.MUL || product.group() == null) {
            return -1;
        }
        int other = product.input(1 - slot);
        Node w = graph.node(other);
        return w.kind() == Kind.PARAM && product.group().equals(w.group()) ? other : -1;
    }

    private Shape shapeOf(Node n) {
        if (n.id() == graph.output()) {
            return Shape.OUTPUT;
        }
        return switch (n.kind()) {
            case INPUT -> Shape.INPUT;
            case PARAM -> Shape.PARAM;
            case CONST -> Shape.CONSTANT;
            case OP -> Shape.OP;
        };
    }

    private Box box(String id, Node n, List<Integer> members, int rep, Shape shape) {
        String symbol = n.op() == null ? "" : n.op().symbol();
        String title = n.name();
        boolean matrix = n.initialValue() != null ? !n.initialValue().isScalar() : !isScalarOp(n);
        if (shape == Shape.CONSTANT) {
            return new Box(id, title, symbol, shape, members, rep, Math.max(56, 14 * title.length() + 24), 48);
        }
        // the head line shows the symbol and the name side by side; a name longer than the widest box
        // (an unnamed sum of products) ends in "…" rather than running out of both sides of its box
        int room = MAX_HEAD_CHARS - (symbol.isEmpty() ? 0 : symbol.length() + 1);
        if (title.length() > room) {
            title = title.substring(0, room - 1).stripTrailing() + "…";
        }
        int chars = Math.max(title.length(), symbol.isEmpty() ? 0 : symbol.length() + title.length() + 1);
        double width = Math.min(MAX_BOX_WIDTH, Math.max(matrix ? 150 : SCALAR_BOX_WIDTH, 12 * chars + 28));
        return new Box(id, title, symbol, shape, members, rep, width, matrix ? 150 : 112);
    }

    /** Layer ops produce matrices; elementwise ops on scalar leaves stay scalar. Memoised: graphs share subterms. */
    private boolean isScalarOp(Node n) {
        Boolean known = scalar.get(n.id());
        if (known == null) {
            known = n.op() instanceof Elementwise && n.inputs().stream().allMatch(in -> {
                Node i = graph.node(in);
                return i.isLeaf() ? i.initialValue().isScalar() : isScalarOp(i);
            });
            scalar.put(n.id(), known);
        }
        return known;
    }
}

package backprop.ui.graph;

import backprop.engine.Graph;
import backprop.engine.Graph.Kind;
import backprop.engine.Graph.Node;
import backprop.engine.op.Elementwise;
import backprop.ui.chain.EdgeRef;
import backprop.ui.layout.GraphLayout;
import backprop.ui.layout.LayeredLayout;
import backprop.ui.layout.LayoutEdge;
import backprop.ui.layout.LayoutInput;
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
     * @param column         the column of the representative's value this box shows (a unit of a
     *                       layer: one column per unit, a row per sample), or -1 for all of it
     */
    public record Box(String id, String title, String symbol, Shape shape, List<Integer> members, int representative,
                      double width, double height, int column) {
        public Box(String id, String title, String symbol, Shape shape, List<Integer> members, int representative,
                   double width, double height) {
            this(id, title, symbol, shape, members, representative, width, height, -1);
        }
    }

    /**
     * @param graphEdges the graph edges this line stands for
     * @param weight     the param drawn on this edge (neuron view), or -1
     * @param row        with {@code column}: the element of a weight matrix this line stands for (a
     *                   layer's weight from unit {@code row} to unit {@code column}); -1 for all of it
     * @param column     for a line that is not a weight, the column of its source's value it carries
     */
    public record Line(String id, String source, String target, List<EdgeRef> graphEdges, int weight, int row,
                       int column) {
        public Line(String id, String source, String target, List<EdgeRef> graphEdges, int weight) {
            this(id, source, target, graphEdges, weight, -1, -1);
        }
    }

    private final Graph graph;
    private final ViewMode mode;
    private final List<Box> boxes = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    /** The boxes a graph node is drawn in: one, or a layer's node one per unit (neuron view). */
    private final Map<Integer, List<String>> boxesOfNode = new HashMap<>();
    /** The lines a graph edge is drawn as: one, or a layer's input one per weight (neuron view). */
    private final Map<EdgeRef, List<String>> linesOfEdge = new HashMap<>();
    private final GraphLayout layout;
    private final LayoutInput layoutInput;
    /** Units of dense layers: laid out in order (unit 1 on top). */
    private boolean layerUnits;
    private final Map<Integer, Boolean> scalar = new HashMap<>();

    private GraphScene(Graph graph, ViewMode mode) {
        this.graph = graph;
        boolean scalarUnits = hasScalarUnits(graph);
        List<DenseLayer> layers = mode == ViewMode.NEURONS && !scalarUnits ? DenseLayer.of(graph) : null;
        this.mode = mode == ViewMode.NEURONS && (scalarUnits || layers != null) ? ViewMode.NEURONS : ViewMode.OPERATIONS;
        if (this.mode == ViewMode.NEURONS && scalarUnits) {
            buildNeurons();
        } else if (this.mode == ViewMode.NEURONS) {
            buildLayerNeurons(layers);
            layerUnits = true;
        } else {
            buildOperations();
        }
        List<LayoutNode> ln = boxes.stream().map(b -> new LayoutNode(b.id(), b.width(), b.height())).toList();
        List<LayoutEdge> le = lines.stream()
                .map(l -> new LayoutEdge(l.id(), l.source(), l.target(), labelWidth(l), LABEL_HEIGHT)).toList();
        layoutInput = new LayoutInput(ln, le, layerUnits);
        layout = LayeredLayout.layout(layoutInput);
    }

    /** What this scene asked the layout for (boxes, lines, whether a layer's units keep their order). */
    public LayoutInput layoutInput() {
        return layoutInput;
    }

    public static GraphScene of(Graph graph, ViewMode mode) {
        return new GraphScene(graph, mode);
    }

    /**
     * Whether the graph has units to draw as neurons: a network built from scalar ops (grouped by
     * unit), or one built from dense layers (a unit per column of each layer).
     */
    /** The most weights a net of dense layers may have for a neuron view, each drawn as a line: XOR's 9 and the like, not seed 002's 240 or MNIST's. */
    public static final int MAX_LAYER_WEIGHTS = 48;

    public static boolean hasUnits(Graph graph) {
        return hasScalarUnits(graph) || DenseLayer.of(graph) != null;
    }

    /** Whether the graph is a network built from scalar ops, grouped by unit (seed 000's 2-2-1 net). */
    public static boolean hasScalarUnits(Graph graph) {
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
        List<String> boxes = boxesOfNode.get(node);
        return boxes == null ? null : boxes.get(0);
    }

    /** The line a graph edge is drawn as, or null when it is inside a box. */
    public String lineOf(EdgeRef edge) {
        List<String> lines = linesOfEdge.get(edge);
        return lines == null ? null : lines.get(0);
    }

    /** Every box a graph node is drawn in (a layer's: one per unit). */
    public List<String> boxesOf(int node) {
        return java.util.Collections.unmodifiableList(boxesOfNode.getOrDefault(node, List.of()));
    }

    /** Every line a graph edge is drawn as (a layer's input: one per weight). */
    public List<String> linesOf(EdgeRef edge) {
        return java.util.Collections.unmodifiableList(linesOfEdge.getOrDefault(edge, List.of()));
    }

    private void placeBox(int node, String box) {
        boxesOfNode.computeIfAbsent(node, n -> new ArrayList<>()).add(box);
    }

    private void placeLine(EdgeRef edge, String line) {
        linesOfEdge.computeIfAbsent(edge, e -> new ArrayList<>()).add(line);
    }

    private void buildOperations() {
        for (Node n : graph.nodes()) {
            String id = "n" + n.id();
            boxes.add(box(id, n, List.of(n.id()), n.id(), shapeOf(n)));
            placeBox(n.id(), id);
        }
        for (Node n : graph.nodes()) {
            for (int slot = 0; slot < n.inputs().size(); slot++) {
                EdgeRef e = new EdgeRef(n.id(), slot);
                String id = "e" + n.id() + "_" + slot;
                lines.add(new Line(id, boxOf(n.input(slot)), boxOf(n.id()), List.of(e), -1));
                placeLine(e, id);
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
                placeBox(n.id(), id);
            } else if (boxOf(n.id()) == null) {
                List<Integer> members = units.get(n.group());
                int rep = members.get(members.size() - 1);
                String id = "u" + rep;
                Node r = graph.node(rep);
                String symbol = r.op() == null ? "" : r.op().symbol();
                boxes.add(new Box(id, r.name(), symbol, Shape.UNIT, List.copyOf(members), rep, UNIT_SIZE, UNIT_SIZE));
                members.forEach(m -> placeBox(m, id));
            }
        }
        Map<String, Line> byEnds = new LinkedHashMap<>();
        for (Node n : graph.nodes()) {
            for (int slot = 0; slot < n.inputs().size(); slot++) {
                int in = n.input(slot);
                String from = boxOf(in);
                String to = boxOf(n.id());
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
            l.graphEdges().forEach(e -> placeLine(e, l.id()));
        }
    }

    /**
     * A dense layer: {@code z = a·W} (MatMul) or {@code a·W + b} (Affine) with W a trained matrix, and
     * the unary activation that alone reads z, if any. Its units are W's columns.
     */
    record DenseLayer(int z, int activation, int weights, int bias, int source) {
        int output() {
            return activation >= 0 ? activation : z;
        }

        /** The graph's dense layers in order, when every one reads data or the layer before; else null. */
        static List<DenseLayer> of(Graph graph) {
            List<DenseLayer> layers = new ArrayList<>();
            Map<Integer, Integer> consumers = new HashMap<>();
            for (Node n : graph.nodes()) {
                for (int in : n.inputs()) {
                    consumers.merge(in, 1, Integer::sum);
                }
            }
            java.util.Set<Integer> outputs = new java.util.HashSet<>();
            int weights = 0;
            for (Node n : graph.nodes()) {
                boolean dense = (n.op() instanceof backprop.engine.op.MatMul || n.op() instanceof backprop.engine.op.Affine)
                        && graph.node(n.input(1)).kind() == Kind.PARAM;
                if (!dense) {
                    continue;
                }
                Node a = graph.node(n.input(0));
                boolean fromData = a.kind() == Kind.INPUT && a.initialValue().cols() > 0;
                if (!fromData && !outputs.contains(a.id())) {
                    return null; // a layer reading something else: drawn as operations only
                }
                int act = -1;
                for (Node m : graph.nodes()) {
                    if (m.inputs().size() == 1 && m.input(0) == n.id() && m.op() instanceof Elementwise
                            && consumers.getOrDefault(n.id(), 0) == 1) {
                        act = m.id();
                    }
                }
                weights += graph.node(n.input(1)).initialValue().size();
                if (weights > MAX_LAYER_WEIGHTS) {
                    return null; // a line per weight would be a wall of lines (and too many views)
                }
                int bias = n.op() instanceof backprop.engine.op.Affine ? n.input(2) : -1;
                DenseLayer l = new DenseLayer(n.id(), act, n.input(1), bias, a.id());
                layers.add(l);
                outputs.add(l.output());
            }
            return layers.isEmpty() ? null : layers;
        }
    }

    /**
     * The neuron view of dense layers: a circle per unit (a column of a layer's output; for the data,
     * a column of X), a line per weight W[i][j] from unit i to unit j, a line per unit to whatever reads
     * the layer (the loss). Each unit shows its column: one value per sample.
     */
    private void buildLayerNeurons(List<DenseLayer> layers) {
        Map<Integer, DenseLayer> layerOf = new HashMap<>();
        java.util.Set<Integer> drawnOnEdges = new java.util.HashSet<>();
        Map<Integer, Integer> uses = new HashMap<>();
        for (Node n : graph.nodes()) {
            for (int in : n.inputs()) {
                uses.merge(in, 1, Integer::sum);
            }
        }
        for (DenseLayer l : layers) {
            layerOf.put(l.z(), l);
            if (l.activation() >= 0) {
                layerOf.put(l.activation(), l);
            }
            if (uses.getOrDefault(l.weights(), 0) == 1) {
                drawnOnEdges.add(l.weights()); // a weight used elsewhere too (weight decay) keeps its box
            }
        }
        Map<Integer, List<String>> unitsOf = new HashMap<>(); // a layer's output or a data input → its unit boxes
        for (Node n : graph.nodes()) {
            if (drawnOnEdges.contains(n.id()) || layerOf.containsKey(n.id())) {
                continue;
            }
            boolean data = layers.stream().anyMatch(l -> l.source() == n.id());
            if (data) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < n.initialValue().cols(); i++) {
                    String id = "x" + n.id() + "_" + i;
                    boxes.add(new Box(id, n.name() + "[" + (i + 1) + "]", "", Shape.INPUT, List.of(n.id()), n.id(),
                            UNIT_SIZE, UNIT_SIZE, i));
                    ids.add(id);
                }
                unitsOf.put(n.id(), ids);
                ids.forEach(id -> placeBox(n.id(), id));
            } else {
                String id = "n" + n.id();
                boxes.add(box(id, n, List.of(n.id()), n.id(), shapeOf(n)));
                placeBox(n.id(), id);
            }
        }
        for (DenseLayer l : layers) {
            Node rep = graph.node(l.output());
            int units = graph.node(l.weights()).initialValue().cols();
            List<Integer> members = l.activation() >= 0 ? List.of(l.z(), l.activation()) : List.of(l.z());
            List<String> ids = new ArrayList<>();
            for (int j = 0; j < units; j++) {
                String id = "u" + l.output() + "_" + j;
                Shape shape = l.output() == graph.output() ? Shape.OUTPUT : Shape.UNIT;
                boxes.add(new Box(id, rep.name() + "[" + (j + 1) + "]", rep.op().symbol(), shape, members, l.output(),
                        UNIT_SIZE, UNIT_SIZE, j));
                ids.add(id);
            }
            unitsOf.put(l.output(), ids);
            for (int m : members) {
                ids.forEach(id -> placeBox(m, id));
            }
        }
        for (DenseLayer l : layers) {
            List<String> from = unitsOf.get(l.source());
            List<String> to = unitsOf.get(l.output());
            EdgeRef input = new EdgeRef(l.z(), 0);
            EdgeRef weight = new EdgeRef(l.z(), 1);
            for (int i = 0; i < from.size(); i++) {
                for (int j = 0; j < to.size(); j++) {
                    String id = "w" + l.z() + "_" + i + "_" + j;
                    lines.add(new Line(id, from.get(i), to.get(j), List.of(input, weight), l.weights(), i, j));
                    placeLine(input, id);
                    placeLine(weight, id);
                }
            }
            if (l.bias() >= 0) {
                EdgeRef b = new EdgeRef(l.z(), 2);
                for (int j = 0; j < to.size(); j++) {
                    String id = "b" + l.z() + "_" + j;
                    lines.add(new Line(id, boxOf(l.bias()), to.get(j), List.of(b), -1, -1, j));
                    placeLine(b, id);
                }
            }
        }
        for (Node n : graph.nodes()) {
            if (layerOf.containsKey(n.id())) {
                continue; // a layer's own inputs are its weight lines
            }
            for (int slot = 0; slot < n.inputs().size(); slot++) {
                int in = n.input(slot);
                EdgeRef e = new EdgeRef(n.id(), slot);
                List<String> sources = unitsOf.get(in);
                if (sources != null) { // a layer's output or the data read column by column: a line per unit
                    for (int j = 0; j < sources.size(); j++) {
                        String id = "e" + n.id() + "_" + slot + "_" + j;
                        lines.add(new Line(id, sources.get(j), boxOf(n.id()), List.of(e), -1, -1, j));
                        placeLine(e, id);
                    }
                } else if (boxOf(in) != null) {
                    String id = "e" + n.id() + "_" + slot;
                    lines.add(new Line(id, boxOf(in), boxOf(n.id()), List.of(e), -1));
                    placeLine(e, id);
                }
            }
        }
    }

    /** Column {@code c} of a value (a unit of a layer: one value per sample), or all of it for -1. */
    public static backprop.engine.Tensor columnOf(backprop.engine.Tensor t, int c) {
        if (t == null || c < 0 || t.cols() == 1 && c == 0) {
            return t;
        }
        double[] col = new double[t.rows()];
        for (int r = 0; r < col.length; r++) {
            col[r] = t.get(r, c);
        }
        return backprop.engine.Tensor.column(col);
    }

    /** The weight a line stands for: one element of a layer's matrix, or the whole param. */
    public static backprop.engine.Tensor weightOf(Line l, backprop.engine.Tensor w) {
        return l.row() >= 0 ? backprop.engine.Tensor.scalar(w.get(l.row(), l.column())) : w;
    }

    /** Matrix edges only ever show a shape ("∂ 4×3"), so their labels need less room than numbers. */
    private double labelWidth(Line l) {
        if (l.row() >= 0) {
            return LABEL_WIDTH; // one weight of a layer: a number
        }
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

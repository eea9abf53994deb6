package backprop.ui;

import java.util.List;

import backprop.engine.Graph;
import backprop.engine.Graph.Node;
import backprop.engine.Step.EdgeGradient;
import backprop.engine.Tensor;
import backprop.ui.chain.EdgeRef;
import backprop.ui.model.LessonModel;
import backprop.ui.model.Moment;
import backprop.ui.text.Numbers;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Details of the clicked node or edge: op, value, gradient, local derivative, at full precision. */
final class InspectorPanel extends VBox {
    private final LessonModel model;
    private final Label heading = new Label("Inspector");
    private final Label body = new Label("Click a node or an edge.");
    private final javafx.scene.control.TextField valueField = new javafx.scene.control.TextField();
    private final Label valueError = new Label();
    private final javafx.scene.layout.HBox editRow;
    private int editing = -1;
    private String fieldFilledWith;
    private final javafx.scene.image.ImageView valueMap = new javafx.scene.image.ImageView();
    private final javafx.scene.image.ImageView gradMap = new javafx.scene.image.ImageView();
    private javafx.scene.layout.HBox maps;

    InspectorPanel(LessonModel model) {
        this.model = model;
        setId("inspector");
        getStyleClass().add("inspector");
        setSpacing(6);
        heading.getStyleClass().add("panel-heading");
        body.setId("inspectorText");
        body.setWrapText(true);
        body.getStyleClass().add("inspector-text");
        valueField.setId("inspectorValueField");
        valueField.setPrefColumnCount(10);
        valueField.setOnAction(e -> commitValue());
        valueError.setId("inspectorError");
        valueError.getStyleClass().add("edit-error");
        valueError.setWrapText(true);
        Label set = new Label("New value");
        editRow = new javafx.scene.layout.HBox(8, set, valueField);
        editRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        showEditor(false);
        valueMap.setId("inspectorValueMap");
        gradMap.setId("inspectorGradMap");
        for (javafx.scene.image.ImageView v : new javafx.scene.image.ImageView[] {valueMap, gradMap}) {
            v.setFitWidth(130);
            v.setFitHeight(110);
            v.setPreserveRatio(false);
            v.setSmooth(false);
        }
        Label valueCaption = new Label("value");
        Label gradCaption = new Label("gradient");
        maps = new javafx.scene.layout.HBox(10, new VBox(2, valueCaption, valueMap), new VBox(2, gradCaption, gradMap));
        maps.setId("inspectorMaps");
        maps.setVisible(false);
        maps.setManaged(false);
        getChildren().addAll(heading, body, editRow, valueError, maps);
        model.selectedNodeProperty().addListener((obs, was, now) -> refresh());
        model.selectedEdgeProperty().addListener((obs, was, now) -> refresh());
        model.momentProperty().addListener((obs, was, now) -> refresh());
    }

    private void refresh() {
        Moment m = model.moment();
        if (m == null) {
            return;
        }
        Graph g = m.trace().graph();
        int n = model.selectedNodeProperty().get();
        EdgeRef e = model.selectedEdgeProperty().get();
        Node selected = n >= 0 && n < g.size() ? g.node(n) : null;
        boolean editable = selected != null && (selected.kind() == Graph.Kind.INPUT || selected.kind() == Graph.Kind.PARAM)
                && selected.initialValue().isScalar();
        if (editable) {
            // a new selection, or its value changed (typed on the graph, undone, trained) while the
            // field holds no typing of its own: the field says the value
            String current = Numbers.exact(model.latestState().value(n).scalar());
            if (editing != n || valueField.getText().equals(fieldFilledWith)) {
                valueField.setText(current);
                fieldFilledWith = current;
            }
            if (editing != n) {
                valueError.setText("");
            }
        }
        editing = editable ? n : -1;
        showEditor(editable);
        if (selected != null) {
            showNode(g, selected, m);
        } else if (e != null && e.node() < g.size()) {
            showEdge(g, e, m);
        } else {
            heading.setText("Inspector");
            body.setText("Click a node or an edge.");
            showMaps(null, null);
        }
    }

    private void showEditor(boolean on) {
        editRow.setVisible(on);
        editRow.setManaged(on);
        valueError.setVisible(on && !valueError.getText().isEmpty());
        valueError.setManaged(valueError.isVisible());
    }

    /** Enter in the value field: a valid number becomes an undoable edit; anything else is explained and the value kept. */
    private void commitValue() {
        if (editing < 0) {
            return;
        }
        Node node = model.lesson().graph().node(editing);
        try {
            double v = backprop.ui.model.ValueInput.parse(node.name(), valueField.getText());
            valueError.setText("");
            model.commit(model.latestState().withValue(editing, Tensor.scalar(v)));
        } catch (IllegalArgumentException bad) {
            valueError.setText(bad.getMessage() + "; " + node.name() + " stays "
                    + Numbers.exact(model.latestState().value(editing).scalar()));
        }
        showEditor(true);
    }

    private void showNode(Graph g, Node node, Moment m) {
        heading.setText(node.name());
        StringBuilder sb = new StringBuilder();
        sb.append(switch (node.kind()) {
            case INPUT -> "Input";
            case PARAM -> "Trainable parameter";
            case CONST -> "Constant";
            case OP -> "Operation " + node.op().symbol() + " (" + node.op().opName() + ")";
        }).append('\n');
        Tensor value = node.kind() == Graph.Kind.PARAM ? m.frame().leaf(node.id()) : m.frame().value(node.id());
        sb.append("value = ").append(exact(value)).append('\n');
        Tensor grad = m.frame().grad(node.id());
        showMaps(value, grad);
        String out = operand(g.node(g.output()).name());
        sb.append("∂").append(out).append("/∂").append(operand(node.name())).append(" = ")
                .append(grad == null ? "not yet computed" : exact(grad)).append('\n');
        if (node.op() != null) {
            for (int slot = 0; slot < node.inputs().size(); slot++) {
                Node in = g.node(node.input(slot));
                sb.append("∂").append(operand(node.name())).append("/∂").append(operand(in.name())).append(" = ")
                        .append(plain(node, slot, g)).append('\n');
            }
        }
        body.setText(sb.toString().trim());
    }

    /** A matrix too big for its numbers as heat maps (red positive, blue negative): its value and its gradient, side by side. */
    private void showMaps(Tensor value, Tensor grad) {
        boolean matrix = value != null && value.size() > NUMBERS_UP_TO;
        maps.setVisible(matrix);
        maps.setManaged(matrix);
        valueMap.setImage(matrix ? backprop.ui.graph.HeatMap.of(value) : null);
        gradMap.setImage(matrix && grad != null ? backprop.ui.graph.HeatMap.of(grad) : null);
    }

    private void showEdge(Graph g, EdgeRef e, Moment m) {
        showMaps(null, null);
        Node to = g.node(e.node());
        Node from = g.node(to.input(e.slot()));
        heading.setText(from.name() + " → " + to.name());
        StringBuilder sb = new StringBuilder();
        sb.append("forward value = ").append(exact(m.frame().value(from.id()))).append('\n');
        sb.append("local derivative ∂").append(operand(to.name())).append("/∂").append(operand(from.name())).append(" = ")
                .append(plain(to, e.slot(), g)).append('\n');
        EdgeGradient share = m.edges().get(e);
        if (share != null) {
            if (share.localDerivative() != null) {
                sb.append("  = ").append(exact(share.localDerivative())).append('\n');
            }
            String product = to.op().gradientTex(e.slot());
            sb.append("gradient passed back = ")
                    .append(product == null ? "" : plain(product, to, g, "∂" + operand(g.node(g.output()).name()) + "/∂" + operand(to.name())) + " = ")
                    .append(exact(share.contribution())).append('\n');
        } else {
            sb.append("no gradient has passed back yet\n");
        }
        body.setText(sb.toString().trim());
    }

    /** The op's local-derivative template with operand names, in plain text. */
    private static String plain(Node node, int slot, Graph g) {
        return plain(node.op().localDerivativeTex(slot), node, g, null);
    }

    /** An op's template with its operands' names, in plain text ("∂L/∂scores · W2ᵀ"); #g is {@code gradient}. */
    static String plain(String template, Node node, Graph g, String gradient) {
        List<String> operands = node.inputs().stream().map(in -> g.node(in).name()).toList();
        return backprop.ui.text.PlainMath.of(template, operands, node.name(), gradient);
    }

    /**
     * A number as the graph shows it, which is what a student compares with a hand calculation, and the
     * stored double as well when rounding hid a difference: "220  (exactly 220.00000000000003)".
     */
    static String number(double v) {
        String shown = Numbers.format(v);
        if (!Double.isFinite(v)) {
            return shown;
        }
        try {
            if (Double.parseDouble(shown.replace('−', '-')) == v) {
                return shown;
            }
        } catch (NumberFormatException notPlain) {
            // a shape or a symbol: show the stored value too
        }
        return shown + "  (exactly " + Numbers.exact(v) + ")";
    }

    /** A small matrix one row per line, columns aligned on the right (the inspector's text is monospaced). */
    static String grid(Tensor t) {
        String[][] cells = new String[t.rows()][t.cols()];
        int[] width = new int[t.cols()];
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < t.cols(); c++) {
                cells[r][c] = Numbers.format(t.get(r, c), MATRIX_DIGITS);
                width[c] = Math.max(width[c], cells[r][c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < t.rows(); r++) {
            sb.append(r == 0 ? "" : "\n").append(' ');
            for (int c = 0; c < t.cols(); c++) {
                sb.append(" ".repeat(width[c] - cells[r][c].length() + 2)).append(cells[r][c]);
            }
        }
        return sb.toString();
    }

    /** A node's name as a derivative's operand: "∂price/∂(apple * count)", not "∂price/∂apple * count". */
    static String operand(String name) {
        return name.matches("[\\p{L}\\p{N}_.]+") ? name : "(" + name + ")";
    }

    /** Matrices up to this many elements are written out; bigger ones are summarised and drawn as heat maps. */
    static final int NUMBERS_UP_TO = 12;
    /**
     * Significant digits of a matrix's elements: a row of three fits the inspector's width (with five, a
     * number is at most 9 characters: "−0.070116", "−6.2128e−4"; six made rows of small gradients wrap).
     */
    static final int MATRIX_DIGITS = 5;

    static String exact(Tensor t) {
        if (t == null) {
            return "not yet computed";
        }
        if (t.isScalar()) {
            return number(t.scalar());
        }
        if (t.size() <= NUMBERS_UP_TO) {
            return t.shape() + "\n" + grid(t);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < t.size(); k++) {
            min = Math.min(min, t.at(k));
            max = Math.max(max, t.at(k));
        }
        if (min == max) { // seed 002's W1 gradient: "all 0" says more than "from 0 to 0"
            return t.shape() + ", all " + Numbers.format(min);
        }
        return t.shape() + ", from " + Numbers.format(min) + " to " + Numbers.format(max) + " (heat map below)";
    }
}

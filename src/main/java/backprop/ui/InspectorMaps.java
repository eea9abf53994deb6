package backprop.ui;

import backprop.engine.Graph;
import backprop.engine.Graph.Node;
import backprop.engine.ModelState;
import backprop.engine.Tensor;
import backprop.ui.model.LessonModel;
import backprop.ui.text.Numbers;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The inspector's heat maps of a matrix too big for its numbers (red positive, blue negative): its value
 * and its gradient side by side. Pointing at an element reads it and its gradient underneath; a click
 * chooses it ({@link LessonModel#selectedElementProperty}: the inspector's field types an input's or a
 * weight's, the chain rule writes its entry); the wheel over the chosen element of an input or weight
 * nudges it. The maps must not move under the pointer, so the readout is always two lines.
 */
final class InspectorMaps extends VBox {
    private final LessonModel model;
    private final ImageView valueMap = map("inspectorValueMap");
    private final ImageView gradMap = map("inspectorGradMap");
    /** The chosen element's outline on each map. */
    private final Rectangle valueMark = mark();
    private final Rectangle gradMark = mark();
    /** What the pointer is on ("W1[3,7] = 0.1, ∂L/∂W1[3,7] = …"), or how to use the maps. */
    private final Label readout = new Label();
    /** The graph, node and tensors shown, for the readout; the node is null while hidden. */
    private Graph graph;
    private Node node;
    private Tensor value;
    private Tensor grad;
    private int pointed = -1;

    InspectorMaps(LessonModel model) {
        this.model = model;
        setId("inspectorMaps");
        setSpacing(4);
        HBox maps = new HBox(10, new VBox(2, new Label("value"), markable(valueMap, valueMark)),
                new VBox(2, new Label("gradient"), markable(gradMap, gradMark)));
        for (ImageView map : new ImageView[] {valueMap, gradMap}) {
            map.setOnMouseMoved(e -> point(elementAt(map, e)));
            map.setOnMouseExited(e -> point(-1));
            map.setOnMouseClicked(e -> {
                int k = elementAt(map, e);
                if (k >= 0 && node != null) {
                    model.chooseElement(node.id(), k);
                }
                e.consume();
            });
        }
        // the chosen element under the pointer moves by a step, as a cell does; anywhere else on the map
        // the wheel scrolls the panel (a map is a large target to cross on the way down the sidebar)
        valueMap.setOnScroll(e -> {
            int k = elementAt(valueMap, e.getX(), e.getY());
            ModelState latest = model.latestStateOf(graph);
            if (k < 0 || k != model.selectedElementProperty().get() || latest == null || node == null
                    || !InspectorPanel.isTypedIn(node)) {
                return;
            }
            double v = backprop.ui.model.ValueInput.wheeled(latest.value(node.id()).at(k), e.getDeltaY() + e.getDeltaX(), e.isShiftDown());
            // one gesture per element: turns of the wheel on it are one edit to undo, another element's another
            model.edit(graph, node.id(), k, v, java.util.List.of(node.id(), k));
            e.consume();
        });
        readout.setId("inspectorMapReadout");
        readout.setWrapText(false);
        readout.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_WORD_ELLIPSIS);
        readout.getStyleClass().add("map-readout");
        getChildren().addAll(maps, readout);
    }

    /** Shows {@code node}'s value and gradient (null: not yet computed), or hides the maps for a null node. */
    void show(Graph g, Node shown, Tensor v, Tensor gradient) {
        boolean on = shown != null;
        setVisible(on);
        setManaged(on);
        if (shown != node) {
            pointed = -1;
        }
        graph = g;
        node = shown;
        value = on ? v : null;
        grad = on ? gradient : null;
        valueMap.setImage(on ? backprop.ui.graph.HeatMap.of(v) : null);
        gradMap.setImage(on && gradient != null ? backprop.ui.graph.HeatMap.of(gradient) : null);
        int chosen = model.selectedElementProperty().get();
        markElement(valueMark, on ? chosen : -1);
        markElement(gradMark, on && gradient != null ? chosen : -1);
        point(pointed);
    }

    private static ImageView map(String id) {
        ImageView v = new ImageView();
        v.setId(id);
        v.setFitWidth(120); // two side by side fit the sidebar beside its scroll bar
        v.setFitHeight(110);
        v.setPreserveRatio(false);
        v.setSmooth(false);
        v.setCursor(javafx.scene.Cursor.CROSSHAIR);
        return v;
    }

    private static Rectangle mark() {
        Rectangle mark = new Rectangle();
        mark.getStyleClass().add("map-mark");
        mark.setFill(null);
        mark.setStroke(javafx.scene.paint.Color.web("#1f2328")); // dark on red, blue and white alike
        mark.setStrokeWidth(2.5);
        mark.setManaged(false);
        mark.setMouseTransparent(true);
        mark.setVisible(false);
        return mark;
    }

    /** A map with its mark drawn over it, in a frame (an all-zero gradient is white: the frame shows where it is). */
    private static Pane markable(ImageView map, Rectangle mark) {
        Pane pane = new Pane(map, mark);
        pane.getStyleClass().add("heat-map-frame");
        pane.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        pane.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        return pane;
    }

    /** Outlines element {@code k} (at least 4 px: MNIST's 784 rows are a fraction of a pixel each), or nothing for -1. */
    private void markElement(Rectangle mark, int k) {
        boolean on = value != null && k >= 0 && k < value.size();
        mark.setVisible(on);
        if (on) {
            double w = valueMap.getFitWidth() / value.cols();
            double h = valueMap.getFitHeight() / value.rows();
            double mw = Math.max(4, w) + 2; // the outline around the element, not over it
            double mh = Math.max(4, h) + 2;
            mark.setX((k % value.cols()) * w + (w - mw) / 2);
            mark.setY((k / value.cols()) * h + (h - mh) / 2);
            mark.setWidth(mw);
            mark.setHeight(mh);
        }
    }

    private int elementAt(ImageView map, MouseEvent e) {
        return elementAt(map, e.getX(), e.getY());
    }

    /** The element drawn at (x, y) of {@code map}, or -1 (nothing drawn there). */
    private int elementAt(ImageView map, double x, double y) {
        if (value == null || map.getImage() == null || x < 0 || y < 0 || x >= map.getFitWidth() || y >= map.getFitHeight()) {
            return -1;
        }
        int c = Math.min(value.cols() - 1, (int) (x / map.getFitWidth() * value.cols()));
        int r = Math.min(value.rows() - 1, (int) (y / map.getFitHeight() * value.rows()));
        return r * value.cols() + c;
    }

    /** The readout: the element under the pointer ({@code k}), else the chosen one, else what the maps are for. */
    private void point(int k) {
        pointed = k;
        if (node == null) {
            readout.setText("");
            return;
        }
        int chosen = model.selectedElementProperty().get();
        int shown = k >= 0 ? k : chosen;
        if (shown < 0 || shown >= value.size()) {
            readout.setText(InspectorPanel.isTypedIn(node)
                    ? "Point to read an element,\nclick to type its value"
                    : "Point to read an element,\nclick to see its chain rule");
            return;
        }
        String name = InspectorPanel.elementName(node, value.cols(), shown);
        String out = InspectorPanel.operand(graph.node(graph.output()).name());
        readout.setText(name + " = " + Numbers.format(value.at(shown)) + "\n∂" + out + "/∂" + name + " = "
                + (grad != null ? Numbers.format(grad.at(shown))
                        : InspectorPanel.neverGetsAGradient(graph, node) ? InspectorPanel.noGradient(node) : "not yet computed"));
    }
}

package backprop.ui.graph;

import backprop.engine.Tensor;
import backprop.ui.graph.GraphScene.Box;
import backprop.ui.text.Numbers;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * One box of the graph: its name and op, its forward value and, once known, its gradient. Texts are
 * {@link Text} nodes, not labels: a graph has hundreds of them and control skins made the first frame
 * of a 200-node graph take most of a second.
 */
final class NodeView extends VBox {
    final Box box;
    private final Text value = new GraphText();
    private final Text grad = new GraphText();
    /** Heat maps of a matrix value and gradient, made when the node first holds a matrix (most never do). */
    private ImageView valueMap;
    private ImageView gradMap;
    private Tensor shownValue;
    private Tensor shownGrad;
    private VBox editor;

    NodeView(Box box, String idName) {
        this.box = box;
        setId("node-" + idName);
        getStyleClass().addAll("graph-node", "shape-" + box.shape().name().toLowerCase(java.util.Locale.ROOT));
        setAlignment(Pos.CENTER);
        keepToBoxSize();
        // the box has the id; its texts are found as "#node-x .node-value" and "#node-x .node-grad". A CSS
        // pass matches selectors once per (type, id, classes): a unique id on each text made every one
        // of a 200-node graph's texts a cache miss against the whole theme (the slowest pulses after loading)
        value.getStyleClass().add("node-value");
        value.setText("?"); // nothing is computed before the first step
        value.pseudoClassStateChanged(Styles.PENDING, true);
        grad.getStyleClass().add("node-grad");
        if (box.shape() == GraphScene.Shape.CONSTANT) {
            getChildren().add(value);
            return;
        }
        Text title = new GraphText(box.title());
        title.getStyleClass().add("node-title");
        if (!box.symbol().isEmpty() && !box.symbol().equals(box.title())) {
            Text symbol = new GraphText(box.symbol());
            symbol.getStyleClass().add("node-symbol");
            HBox head = new HBox(6, symbol, title);
            head.setAlignment(Pos.CENTER);
            getChildren().add(head);
        } else {
            getChildren().add(title);
        }
        getChildren().addAll(value, grad);
    }

    private void makeMaps() {
        valueMap = new ImageView();
        gradMap = new ImageView();
        for (ImageView map : new ImageView[] {valueMap, gradMap}) {
            map.setFitWidth(48);
            map.setFitHeight(36);
            map.setSmooth(false);
            map.setPreserveRatio(false);
            map.setVisible(false);
            map.setManaged(false);
        }
        HBox maps = new HBox(6, valueMap, gradMap);
        maps.setAlignment(Pos.CENTER);
        getChildren().add(getChildren().indexOf(value) + 1, maps);
    }

    /** Shows the value and gradient of this moment; null hides what is not computed yet. */
    void show(Tensor v, Tensor g) {
        if (v != shownValue) {
            shownValue = v;
            value.setText(v == null ? "?" : v.isScalar() ? Numbers.label(v) : v.shape());
            value.pseudoClassStateChanged(Styles.PENDING, v == null);
            if (valueMap != null || isMatrix(v)) {
                if (valueMap == null) {
                    makeMaps();
                }
                showMap(valueMap, v);
            }
        }
        if (g != shownGrad) {
            shownGrad = g;
            grad.setText(g == null ? "" : "∂ " + Numbers.gradientLabel(g));
            if (gradMap != null || isMatrix(g)) {
                if (gradMap == null) {
                    makeMaps();
                }
                showMap(gradMap, g);
            }
        }
    }

    private static boolean isMatrix(Tensor t) {
        return t != null && !t.isScalar();
    }

    private static void showMap(ImageView map, Tensor t) {
        boolean matrix = t != null && !t.isScalar();
        map.setVisible(matrix);
        map.setManaged(matrix);
        map.setImage(matrix ? HeatMap.of(t) : null);
    }

    /**
     * Replaces the value with a text field: Enter commits through {@code onCommit} (which throws
     * {@link IllegalArgumentException} with a message for bad input, shown under the field and
     * keeping the field open), Esc cancels.
     */
    void startEditing(String current, java.util.function.Consumer<String> onCommit) {
        if (editor != null) {
            return;
        }
        javafx.scene.control.TextField field = new javafx.scene.control.TextField(current);
        field.setId("editor-" + getId().substring("node-".length()));
        field.getStyleClass().add("value-editor");
        field.setPrefColumnCount(8);
        Label error = new Label();
        error.setId("editError");
        error.getStyleClass().add("edit-error");
        error.setWrapText(true);
        error.setMaxWidth(240);
        error.setVisible(false);
        error.setManaged(false);
        VBox box = new VBox(2, field, error);
        box.setAlignment(Pos.CENTER);
        editor = box;
        int at = getChildren().indexOf(value);
        getChildren().set(at, box);
        // while editing the box grows to fit the field and its message, over its neighbours
        setPrefSize(USE_COMPUTED_SIZE, USE_COMPUTED_SIZE);
        setMinSize(this.box.width(), this.box.height());
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setClip(null);
        error.setMinHeight(USE_PREF_SIZE);
        toFront();
        field.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                try {
                    onCommit.accept(field.getText());
                    stopEditing();
                } catch (IllegalArgumentException bad) {
                    error.setText(bad.getMessage());
                    error.setVisible(true);
                    error.setManaged(true);
                }
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                stopEditing();
                e.consume();
            }
        });
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now && editor == box && !error.isVisible()) {
                stopEditing(); // clicking elsewhere abandons an unchanged edit
            }
        });
        field.requestFocus();
        field.selectAll();
    }

    void stopEditing() {
        if (editor == null) {
            return;
        }
        int at = getChildren().indexOf(editor);
        getChildren().set(at, value);
        editor = null;
        keepToBoxSize();
    }

    /**
     * The laid-out size, clipped to it: a name longer than the box was sized for stays inside it. The
     * clip is a plain rectangle: the software renderer draws through a rounded one by way of an
     * off-screen mask and a blend, which made up a third of drawing a box for the first time (the
     * frame where a pan first shows a few hundred boxes); the rounded border is inside the rectangle.
     */
    private void keepToBoxSize() {
        setPrefSize(box.width(), box.height());
        setMinSize(box.width(), box.height());
        setMaxSize(box.width(), box.height());
        setClip(new javafx.scene.shape.Rectangle(box.width(), box.height()));
    }

    Text valueLabel() {
        return value;
    }
}

package backprop.ui.graph;

import backprop.engine.Tensor;
import backprop.ui.graph.GraphScene.Box;
import backprop.ui.text.Numbers;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** One box of the graph: its name and op, its forward value and, once known, its gradient. */
final class NodeView extends VBox {
    final Box box;
    private final Label value = new Label();
    private final Label grad = new Label();
    private final ImageView valueMap = new ImageView();
    private final ImageView gradMap = new ImageView();
    private Tensor shownValue;
    private Tensor shownGrad;

    NodeView(Box box, String idName) {
        this.box = box;
        setId("node-" + idName);
        getStyleClass().addAll("graph-node", "shape-" + box.shape().name().toLowerCase(java.util.Locale.ROOT));
        setAlignment(Pos.CENTER);
        setPrefSize(box.width(), box.height());
        setMinSize(box.width(), box.height());
        setMaxSize(box.width(), box.height());
        value.setId("value-" + idName);
        grad.setId("grad-" + idName);
        value.getStyleClass().add("node-value");
        value.setText("?"); // nothing is computed before the first step
        value.pseudoClassStateChanged(Styles.PENDING, true);
        grad.getStyleClass().add("node-grad");
        if (box.shape() == GraphScene.Shape.CONSTANT) {
            getChildren().add(value);
            return;
        }
        Label title = new Label(box.title());
        title.getStyleClass().add("node-title");
        title.setMaxWidth(box.width() - 12);
        if (!box.symbol().isEmpty() && !box.symbol().equals(box.title())) {
            Label symbol = new Label(box.symbol());
            symbol.getStyleClass().add("node-symbol");
            HBox head = new HBox(6, symbol, title);
            head.setAlignment(Pos.CENTER);
            getChildren().add(head);
        } else {
            getChildren().add(title);
        }
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
        getChildren().addAll(value, maps, grad);
    }

    /** Shows the value and gradient of this moment; null hides what is not computed yet. */
    void show(Tensor v, Tensor g) {
        if (v != shownValue) {
            shownValue = v;
            value.setText(v == null ? "?" : v.isScalar() ? Numbers.label(v) : v.shape());
            value.pseudoClassStateChanged(Styles.PENDING, v == null);
            showMap(valueMap, v);
        }
        if (g != shownGrad) {
            shownGrad = g;
            grad.setText(g == null ? "" : "∂ " + (g.isScalar() ? Numbers.label(g) : g.shape()));
            showMap(gradMap, g);
        }
    }

    private static void showMap(ImageView map, Tensor t) {
        boolean matrix = t != null && !t.isScalar();
        map.setVisible(matrix);
        map.setManaged(matrix);
        map.setImage(matrix ? HeatMap.of(t) : null);
    }

    String valueText() {
        return value.getText();
    }

    String gradText() {
        return grad.getText();
    }
}

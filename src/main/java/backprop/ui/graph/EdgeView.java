package backprop.ui.graph;

import backprop.ui.graph.GraphScene.Line;
import backprop.ui.layout.LayoutPoint;
import backprop.ui.layout.RoutedEdge;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;

/** One edge: its route with an arrowhead, and a label with the value going forward and the gradient coming back. */
final class EdgeView {
    final Line line;
    final List<LayoutPoint> points;
    final Group shape = new Group();
    final VBox label = new VBox();
    private final Path path = new Path();
    private final Polygon head = new Polygon();
    // Text, not Label: see NodeView
    final Text forward = new GraphText();
    final Text backward = new GraphText();
    final Text detail = new GraphText();

    EdgeView(Line line, RoutedEdge route) {
        this.line = line;
        this.points = route.points();
        path.getStyleClass().add("edge-line");
        head.getStyleClass().add("edge-head");
        LayoutPoint first = points.get(0);
        path.getElements().add(new MoveTo(first.x(), first.y()));
        for (int i = 1; i < points.size(); i++) {
            path.getElements().add(new LineTo(points.get(i).x(), points.get(i).y()));
        }
        LayoutPoint end = points.get(points.size() - 1);
        LayoutPoint before = points.get(points.size() - 2);
        double angle = Math.atan2(end.y() - before.y(), end.x() - before.x());
        double len = 12;
        double spread = Math.toRadians(25);
        head.getPoints().addAll(end.x(), end.y(),
                end.x() - len * Math.cos(angle - spread), end.y() - len * Math.sin(angle - spread),
                end.x() - len * Math.cos(angle + spread), end.y() - len * Math.sin(angle + spread));
        shape.getChildren().addAll(path, head);
        shape.getStyleClass().add("graph-edge");

        forward.getStyleClass().add("edge-forward");
        backward.getStyleClass().add("edge-backward");
        detail.getStyleClass().add("edge-detail");
        label.getChildren().addAll(forward, backward, detail);
        for (Text l : new Text[] {forward, backward, detail}) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
        }
        label.getStyleClass().add("edge-label");
        // no ids on edges: a unique id makes each view a CSS cache miss (see NodeView); the graph's
        // boxes carry the ids, an edge is found by its texts or through GraphView
        label.setAlignment(Pos.CENTER);
        label.setPrefSize(GraphScene.LABEL_WIDTH, GraphScene.LABEL_HEIGHT);
        label.setMinSize(javafx.scene.layout.Region.USE_PREF_SIZE, GraphScene.LABEL_HEIGHT);
        label.setMaxSize(GraphScene.LABEL_WIDTH, GraphScene.LABEL_HEIGHT);
        if (route.label() != null) {
            label.setTranslateX(-(GraphScene.LABEL_WIDTH - route.labelWidth()) / 2); // centred on the room ELK kept
        }
        LayoutPoint at = labelAt(route);
        label.relocate(at.x(), at.y());
    }

    /** Where an edge's label is drawn: the room the layout kept for it, or over the middle of the edge. */
    static LayoutPoint labelAt(RoutedEdge route) {
        if (route.label() != null) {
            return route.label();
        }
        LayoutPoint a = route.points().get(0);
        LayoutPoint b = route.points().get(route.points().size() - 1);
        return new LayoutPoint((a.x() + b.x()) / 2 - GraphScene.LABEL_WIDTH / 2, (a.y() + b.y()) / 2 - GraphScene.LABEL_HEIGHT);
    }

    /** The width of that place: the room's, or a whole label's over the middle of the edge. */
    static double labelWidthOf(RoutedEdge route) {
        return route.label() != null ? route.labelWidth() : GraphScene.LABEL_WIDTH;
    }

    /** The route as a path, forwards or backwards, for a travelling value. */
    Path route(boolean reversed) {
        Path p = new Path();
        List<LayoutPoint> pts = new java.util.ArrayList<>(points);
        if (reversed) {
            java.util.Collections.reverse(pts);
        }
        p.getElements().add(new MoveTo(pts.get(0).x(), pts.get(0).y()));
        for (int i = 1; i < pts.size(); i++) {
            p.getElements().add(new LineTo(pts.get(i).x(), pts.get(i).y()));
        }
        return p;
    }

    /**
     * A weight drawn on its edge: red for positive, blue for negative, thicker for larger |w|. While a
     * step is shown the weights are {@code faded}: the step's own lines (forward blue, backward red) must
     * stand out from a large positive weight's red.
     */
    void setWeightStroke(double w, double maxAbs, boolean faded) {
        double s = maxAbs == 0 || !Double.isFinite(w) ? 0 : Math.min(1, Math.abs(w) / maxAbs);
        String colour = w >= 0 ? "#c62828" : "#1565c0";
        double width = 1.5 + 6 * s;
        double opacity = faded ? 0.2 + 0.3 * s : 0.45 + 0.55 * s;
        path.setStyle("-fx-stroke: " + colour + "; -fx-stroke-width: " + width + "; -fx-opacity: " + opacity + ";");
        head.setStyle("-fx-fill: " + colour + "; -fx-stroke: " + colour + ";");
    }

    void setStroke(String colour) {
        path.setStyle(colour == null ? "" : "-fx-stroke: " + colour + "; -fx-stroke-width: 5;");
        head.setStyle(colour == null ? "" : "-fx-fill: " + colour + "; -fx-stroke: " + colour + ";");
    }

    /** What the texts show now, by identity (tensors are immutable): a, b, c, d of the last {@link #showing} call. */
    private Object shownA = this;
    private Object shownB;
    private Object shownC;
    private Object shownD;

    /** Whether the texts already show these objects; if not, remembers them (the caller then sets the texts). */
    boolean showing(Object a, Object b, Object c, Object d) {
        if (a == shownA && b == shownB && c == shownC && d == shownD) {
            return true;
        }
        shownA = a;
        shownB = b;
        shownC = c;
        shownD = d;
        return false;
    }
}

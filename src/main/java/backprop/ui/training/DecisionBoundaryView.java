package backprop.ui.training;

import backprop.engine.ExecutionPlan;
import backprop.engine.Graph;
import backprop.engine.Iteration;
import backprop.engine.ModelState;
import backprop.engine.Tensor;
import backprop.engine.UpdateOrder;
import backprop.ui.model.Lesson;
import backprop.ui.model.LessonModel;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * For a lesson whose data X has two columns (logistic regression, XOR): the model's output over the
 * plane as a heat map, with the data points on top. The output comes from the engine's own forward
 * pass, run once on a grid of points in place of X.
 */
public final class DecisionBoundaryView extends VBox {
    static final int GRID = 64;
    private final LessonModel model;
    private final Canvas canvas = new Canvas(370, 190);
    private final Label title = new Label("Decision boundary");

    public DecisionBoundaryView(LessonModel model) {
        this.model = model;
        setId("decisionBoundary");
        getStyleClass().add("decision-boundary");
        title.getStyleClass().add("field-label");
        title.setWrapText(true);
        title.setMaxWidth(370);
        getChildren().addAll(title, canvas);
        model.stateProperty().addListener((obs, was, now) -> draw());
        model.lessonProperty().addListener((obs, was, now) -> draw());
        // the training panel shows this map or the loss chart in one place, hiding the map's parent
        parentProperty().addListener((obs, was, now) -> {
            if (was != null) {
                was.visibleProperty().removeListener(parentShown);
            }
            if (now != null) {
                now.visibleProperty().addListener(parentShown);
            }
        });
        draw();
    }

    /** Set when a state came while the map was hidden: its grid pass waits until the map is shown. */
    private boolean stale;
    private final javafx.beans.value.ChangeListener<Boolean> parentShown = (obs, was, now) -> {
        if (now && stale) {
            draw();
        }
    };

    private boolean hiddenByAncestor() {
        for (javafx.scene.Parent p = getParent(); p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return true;
            }
        }
        return false;
    }

    /** The data leaf: an input named X with two columns; null when the lesson has none. */
    static Graph.Node dataOf(Graph g) {
        return g.byName("X").filter(n -> n.kind() == Graph.Kind.INPUT && n.initialValue().cols() == 2
                && n.initialValue().rows() > 1).orElse(null);
    }

    /** Whether this view has something to show for the lesson. */
    public static boolean applies(Lesson l) {
        return l != null && dataOf(l.graph()) != null && !l.graph().reported().isEmpty();
    }

    /** One thread for the grid's forward pass: 4,096 points take a few ms, which the FX thread must not spend. */
    private static final java.util.concurrent.ExecutorService GRID_PASS =
            backprop.ui.fx.DaemonThreads.single("decision-boundary");
    /** Colours of the ramp from low (blue) to high (red), lightened: parsed once, not per pixel. */
    private static final Color[] RAMP = new Color[256];

    static {
        Color low = Color.web("#1565c0");
        Color high = Color.web("#c62828");
        for (int k = 0; k < RAMP.length; k++) {
            RAMP[k] = low.interpolate(high, k / (RAMP.length - 1.0)).interpolate(Color.WHITE, 0.35);
        }
    }

    private long generation;
    private final javafx.beans.property.ReadOnlyIntegerWrapper paints = new javafx.beans.property.ReadOnlyIntegerWrapper(this, "paints");
    private Tensor shownGrid;
    private double[] shownBox;

    /** How many times the heat map has been painted (tests wait on it). */
    public javafx.beans.property.ReadOnlyIntegerProperty paintsProperty() {
        return paints.getReadOnlyProperty();
    }

    /** The plane last painted: x from, x to, y from, y to. */
    double[] shownBox() {
        return shownBox;
    }

    /** The outputs last painted, one per grid point, row by row from the bottom (null before the first). */
    Tensor shownGrid() {
        return shownGrid;
    }

    private void draw() {
        Lesson l = model.lesson();
        ModelState s = model.stateProperty().get();
        // the lesson and its state change one after the other: draw once both are the new lesson's
        boolean show = applies(l) && s != null && s.size() == l.graph().size()
                && s.value(dataOf(l.graph()).id()).sameShape(dataOf(l.graph()).initialValue());
        setVisible(show);
        setManaged(show);
        long gen = ++generation;
        if (!show) {
            return;
        }
        // no grid pass (4,096 forward passes) for a map nobody sees: each edit and each run's end made one
        stale = hiddenByAncestor();
        if (stale) {
            return;
        }
        Graph g = l.graph();
        Graph.Node x = dataOf(g);
        double[] box = bounds(s.value(x.id()));
        boolean onScreen = getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing();
        if (!onScreen) {
            paint(g, s, x, box, outputsOnGrid(g, s, x, box)); // a snapshot draws one frame, now
            return;
        }
        GRID_PASS.execute(() -> {
            Tensor out;
            try {
                out = outputsOnGrid(g, s, x, box);
            } catch (RuntimeException e) {
                return; // nothing sensible to draw; the graph view shows the error of the forward pass
            }
            javafx.application.Platform.runLater(() -> {
                if (gen == generation) { // no newer state since
                    paint(g, s, x, box, out);
                }
            });
        });
    }

    private void paint(Graph g, ModelState s, Graph.Node x, double[] box, Tensor out) {
        Tensor data = s.value(x.id());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < out.size(); k++) {
            lo = Math.min(lo, out.at(k));
            hi = Math.max(hi, out.at(k));
        }
        // a probability is drawn on [0, 1]; another output on its own range
        if (lo >= 0 && hi <= 1) {
            lo = 0;
            hi = 1;
        }
        GraphicsContext gc = canvas.getGraphicsContext2D();
        WritableImage img = new WritableImage(GRID, GRID);
        PixelWriter pw = img.getPixelWriter();
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                double v = out.at(r * GRID + c);
                double t = hi == lo ? 0.5 : (v - lo) / (hi - lo);
                pw.setColor(c, GRID - 1 - r, RAMP[(int) Math.round(clamp(t) * (RAMP.length - 1))]);
            }
        }
        gc.setImageSmoothing(true);
        gc.drawImage(img, 0, 0, canvas.getWidth(), canvas.getHeight());
        Graph.Node target = targetOf(g);
        Tensor labels = target == null ? null : s.value(target.id());
        for (int i = 0; i < data.rows(); i++) {
            double px = (data.get(i, 0) - box[0]) / (box[1] - box[0]) * canvas.getWidth();
            double py = canvas.getHeight() - (data.get(i, 1) - box[2]) / (box[3] - box[2]) * canvas.getHeight();
            boolean one = labels != null && labels.at(i) > 0.5;
            gc.setFill(one ? Color.web("#b71c1c") : Color.web("#0d47a1"));
            gc.setStroke(Color.WHITE);
            gc.setLineWidth(2);
            gc.fillOval(px - 7, py - 7, 14, 14);
            gc.strokeOval(px - 7, py - 7, 14, 14);
        }
        title.setText("Red: high output, blue: low · dots: the data");
        shownGrid = out;
        shownBox = box;
        paints.set(paints.get() + 1);
    }

    /** The target leaf: an input with the data's rows and one column, other than X. */
    private static Graph.Node targetOf(Graph g) {
        Graph.Node x = dataOf(g);
        return g.nodes().stream().filter(n -> n.kind() == Graph.Kind.INPUT && n != x && n.initialValue().cols() == 1
                && n.initialValue().rows() == x.initialValue().rows()).findFirst().orElse(null);
    }

    private static double[] bounds(Tensor data) {
        double[] b = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < data.rows(); i++) {
            b[0] = Math.min(b[0], data.get(i, 0));
            b[1] = Math.max(b[1], data.get(i, 0));
            b[2] = Math.min(b[2], data.get(i, 1));
            b[3] = Math.max(b[3], data.get(i, 1));
        }
        double mx = Math.max(0.5, (b[1] - b[0]) * 0.2);
        double my = Math.max(0.5, (b[3] - b[2]) * 0.2);
        return new double[] {b[0] - mx, b[1] + mx, b[2] - my, b[3] + my};
    }

    /** The first reported node's value for every grid point, by one forward pass with the grid as X. */
    static Tensor outputsOnGrid(Graph g, ModelState s, Graph.Node x, double[] box) {
        double[][] grid = new double[GRID * GRID][2];
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                grid[r * GRID + c][0] = box[0] + (box[1] - box[0]) * (c + 0.5) / GRID;
                grid[r * GRID + c][1] = box[2] + (box[3] - box[2]) * (r + 0.5) / GRID;
            }
        }
        ModelState onGrid = s.withValue(x.id(), Tensor.of(grid));
        Graph.Node target = targetOf(g);
        if (target != null) {
            onGrid = onGrid.withValue(target.id(), Tensor.filled(GRID * GRID, 1, 0.5));
        }
        Iteration it = new Iteration(ExecutionPlan.of(g), onGrid, null, UpdateOrder.SIMULTANEOUS);
        it.runForward();
        return it.value(g.reported().get(0));
    }

    private static double clamp(double t) {
        return Double.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0.5;
    }
}

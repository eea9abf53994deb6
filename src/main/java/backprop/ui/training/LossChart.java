package backprop.ui.training;

import backprop.ui.text.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The loss curves of the runs, drawn on a Canvas: a LineChart would make a node per point, and
 * 50,000 XOR epochs would freeze the window. Each run is drawn with at most one polyline vertex per
 * pixel column (plus a vertical stroke where the column's points spread over more than a pixel, so
 * spikes stay visible), and only when its data, the scale or the size changed, once per frame at
 * most (the redraw happens in the next layout pass).
 */
public final class LossChart extends VBox {
    /** Okabe and Ito's colour-blind safe palette (yellow left out: unreadable on white on a projector). */
    static final Color[] PALETTE = { // as many as TrainingModel.MAX_RUNS
        Color.web("#0072B2"), Color.web("#D55E00"), Color.web("#009E73"), Color.web("#CC79A7"),
        Color.web("#E69F00"), Color.web("#56B4E9"), Color.web("#000000"), Color.web("#8C564B"),
    };
    public static final String X_TITLE = "iteration";
    public static final String Y_TITLE = "loss";

    private static final double LEFT = 86;
    private static final double RIGHT = 18;
    private static final double TOP = 12;
    private static final double BOTTOM = 56;
    private static final double PICK_RADIUS = 28;
    private static final Font TICK_FONT = Font.font("System", 16);
    /** Measures tick labels (a Text outside any scene, on the FX thread only). */
    private final javafx.scene.text.Text tickMeasure = tickMeasure();

    private static javafx.scene.text.Text tickMeasure() {
        javafx.scene.text.Text t = new javafx.scene.text.Text();
        t.setFont(TICK_FONT);
        return t;
    }
    private static final Font TITLE_FONT = Font.font("System", FontWeight.BOLD, 16);

    /** Axis, text and grid colours, parsed once: the plot is redrawn every frame while a run trains. */
    private static final Color AXIS = Color.web("#57606a");
    private static final Color INK = Color.web("#24292f");
    private static final Color GRID = Color.web("#eaeef2");
    private final ToggleButton logScaleToggle = new ToggleButton("Log scale");
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", true);
    private final ObjectProperty<TrainingModel.Position> marker = new SimpleObjectProperty<>(this, "marker");
    private final ObjectProperty<Run> selectedRun = new SimpleObjectProperty<>(this, "selectedRun");
    /** One run per line, each label wrapping inside the width the log-scale toggle leaves. */
    private final VBox legend = new VBox(4);
    private final javafx.scene.control.ScrollPane legendScroll = new javafx.scene.control.ScrollPane(legend);
    /** The legend's most height before it scrolls: three one-line entries, or two of two lines and a half. */
    static final double LEGEND_MAX_HEIGHT = 76;
    /** Whether the legend keeps its newest entry in sight (until the user scrolls it). */
    private boolean newestInSight = true;
    private final Plot plot = new Plot();
    private final Label hover = new Label();
    private final Circle hoverDot = new Circle(6);
    private ObservableList<Run> runs;
    private BiConsumer<Run, Integer> onPick = (run, iteration) -> { };
    /** Where the mouse is over the plot, or null. */
    private javafx.geometry.Point2D mouse;

    /** A change listener: an invalidation listener would hear a lazily read property only once. */
    private final ChangeListener<Object> dataChanged = (obs, was, now) -> invalidate();
    /**
     * While a run is training, the curve is redrawn at most every {@link #LIVE_REDRAW_NANOS}: the
     * canvas is the software renderer's largest job per frame (9–20 ms at 1280×800), and a curve
     * growing 30 times a second reads as smoothly; the rest of the window keeps every frame. The
     * moment the run stops, the final curve is drawn.
     */
    private final javafx.beans.property.BooleanProperty live = new javafx.beans.property.SimpleBooleanProperty(this, "live");
    static final long LIVE_REDRAW_NANOS = 33_000_000L;
    private long lastRedrawNanos;
    private final javafx.animation.AnimationTimer deferredRedraw = new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!live.get() || System.nanoTime() - lastRedrawNanos >= LIVE_REDRAW_NANOS) {
                stop();
                plot.drawWhenDue();
            }
        }
    };
    private final ListChangeListener<Run> runsChanged = change -> {
        while (change.next()) {
            change.getRemoved().forEach(r -> r.sizeProperty().removeListener(dataChanged));
            change.getAddedSubList().forEach(r -> r.sizeProperty().addListener(dataChanged));
        }
        rebuildLegend();
        invalidate();
    };

    // what the last redraw drew, for hover, clicks and tests
    private Scale scale;
    private int drawnPoints;
    private int maxVerticesPerRun;

    public LossChart() {
        setId("lossChart");
        getStyleClass().add("loss-chart");
        logScaleToggle.setId("logScaleToggle");
        logScaleToggle.getStyleClass().add("chart-toggle");
        logScaleToggle.setTooltip(new Tooltip("Loss axis in powers of ten: 10⁻², 10⁻⁴ … keep small losses visible"));
        logScaleToggle.selectedProperty().bindBidirectional(logScale);
        logScaleToggle.setFocusTraversable(false);
        logScaleToggle.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a squeezed toggle reads "..."
        legend.setId("chartLegend");
        legend.getStyleClass().add("chart-legend");
        legend.setMinWidth(0);
        // at most about three entries high, then it scrolls: five runs' two-line entries had pushed the
        // plot itself below the window
        legendScroll.setId("chartLegendScroll");
        legendScroll.getStyleClass().add("chart-legend-scroll");
        legendScroll.setFitToWidth(true);
        legendScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        legendScroll.setVbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.AS_NEEDED);
        legendScroll.setFocusTraversable(false);
        legendScroll.setMinWidth(0);
        legendScroll.setMaxHeight(LEGEND_MAX_HEIGHT); // its preferred height is the legend's own, up to this
        HBox.setHgrow(legendScroll, Priority.ALWAYS);
        legend.heightProperty().addListener(o -> showNewest());
        legendScroll.viewportBoundsProperty().addListener(o -> showNewest());
        legendScroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> newestInSight = false); // the user reads on
        HBox header = new HBox(8, legendScroll, logScaleToggle); // one row: the plot keeps the height
        header.getStyleClass().add("chart-header");

        hover.setId("chartHover");
        hover.getStyleClass().add("chart-hover");
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        hover.setManaged(false);
        hoverDot.setManaged(false);
        hoverDot.setVisible(false);
        hoverDot.setMouseTransparent(true);
        hoverDot.getStyleClass().add("chart-hover-dot");
        plot.getChildren().addAll(hoverDot, hover);
        VBox.setVgrow(plot, Priority.ALWAYS);
        getChildren().addAll(header, plot);

        logScale.addListener(dataChanged);
        live.addListener(dataChanged);
        marker.addListener(dataChanged);
        selectedRun.addListener(dataChanged);
        plot.setOnMouseMoved(this::onHover);
        plot.setOnMouseExited(e -> {
            mouse = null;
            hideHover();
        });
        plot.setOnMouseClicked(this::onClick);
    }

    /** The runs to draw (the model's list; the chart follows its changes). */
    public void setRuns(ObservableList<Run> list) {
        if (runs != null) {
            runs.removeListener(runsChanged);
            runs.forEach(r -> r.sizeProperty().removeListener(dataChanged));
        }
        runs = list;
        if (list != null) {
            list.addListener(runsChanged);
            list.forEach(r -> r.sizeProperty().addListener(dataChanged));
        }
        rebuildLegend();
        invalidate();
    }

    /** Called with the run and iteration of a point clicked on the curve. */
    public void setOnPick(BiConsumer<Run, Integer> onPick) {
        this.onPick = onPick == null ? (run, iteration) -> { } : onPick;
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** The iteration the lesson shows: a vertical line on the chart. */
    public ObjectProperty<TrainingModel.Position> markerProperty() {
        return marker;
    }

    /** Set while a run trains: the curve is then redrawn at most ~30 times a second. */
    public javafx.beans.property.BooleanProperty liveProperty() {
        return live;
    }

    /** The run drawn thicker and scrubbed by the history slider. */
    public ObjectProperty<Run> selectedRunProperty() {
        return selectedRun;
    }

    /** Points in the data of the last redraw, all runs together. */
    public int pointCount() {
        return drawnPoints;
    }

    /** The most polyline vertices one run needed in the last redraw (at most the plot's width in pixels). */
    public int maxVerticesPerRun() {
        return maxVerticesPerRun;
    }

    /** The plot area's width in pixels. */
    /** Where the plot area starts, in the chart's plot pane (left of it: the y axis's title and tick labels). */
    public double plotLeft() {
        return LEFT;
    }

    public double plotWidth() {
        return Math.max(0, plot.getWidth() - LEFT - RIGHT);
    }

    /** The hover text for a point, as {@code #chartHover} shows it. */
    public static String hoverText(int iteration, double loss) {
        return "iteration " + iteration + "\nloss " + Numbers.format(loss); // two short lines fit beside a point
    }

    /** Screen position of a point of a run, in the plot's coordinates; null if it is not drawn. */
    public javafx.geometry.Point2D pointOnScreen(Run run, int iteration) {
        if (scale == null) {
            return null;
        }
        double v = run.lossAt(iteration);
        if (!scale.drawable(v)) {
            return null;
        }
        return plot.localToScreen(scale.px(iteration), scale.py(v));
    }

    /**
     * New data or settings: the curve is drawn again (now, or when the live throttle allows). Not through
     * a layout request: that went up to the window's root, and every frame of a run laid out the whole
     * window again (3-9 ms of the FX thread's frame, -Djavafx.pulseLogger); the plot's size has not changed.
     */
    private void invalidate() {
        plot.dirty = true;
        plot.drawWhenDue();
    }

    /**
     * The newest run's entry from its first line (the one just started, its optimizer first): scrolled
     * to the end, a legend squeezed to less than an entry showed only the tail of its settings.
     */
    private void showNewest() {
        double room = legend.getHeight() - legendScroll.getViewportBounds().getHeight();
        if (!newestInSight || legend.getChildren().isEmpty() || room <= 0) {
            return;
        }
        javafx.scene.Node newest = legend.getChildren().get(legend.getChildren().size() - 1);
        legendScroll.setVvalue(Math.min(1, newest.getLayoutY() / room));
    }

    private void rebuildLegend() {
        legend.getChildren().clear();
        if (runs == null) {
            return;
        }
        for (Run r : runs) {
            Rectangle swatch = new Rectangle(22, 5, color(r));
            Label label = new Label(r.label(), swatch);
            label.getStyleClass().add("chart-legend-item");
            label.setWrapText(true);
            label.setMaxWidth(Double.MAX_VALUE);
            label.setMinHeight(Region.USE_PREF_SIZE);
            label.setTooltip(new Tooltip("Select this run: it is drawn thicker and the history slider scrubs it"));
            label.setOnMouseClicked(e -> selectedRun.set(r));
            legend.getChildren().add(label);
        }
        newestInSight = true;
        showNewest();
    }

    static Color color(Run r) {
        return PALETTE[Math.floorMod(r.colorIndex(), PALETTE.length)];
    }

    // --- hover and pick -----------------------------------------------------------------------------

    private record Hit(Run run, int iteration, double x, double y) {
    }

    /** The drawn point nearest to (mx, my), within the pick radius. */
    private Hit nearest(double mx, double my) {
        if (scale == null || runs == null) {
            return null;
        }
        Hit best = null;
        double bestD2 = PICK_RADIUS * PICK_RADIUS;
        int lo = (int) Math.floor(scale.iterationAt(mx - PICK_RADIUS));
        int hi = (int) Math.ceil(scale.iterationAt(mx + PICK_RADIUS));
        for (Run r : runs) {
            int from = Math.max(lo, r.firstIteration());
            int to = Math.min(hi, r.lastIteration());
            for (int it = from; it <= to; it++) {
                double v = r.lossAt(it);
                if (!scale.drawable(v)) {
                    continue;
                }
                double x = scale.px(it);
                double y = scale.py(v);
                double d2 = (x - mx) * (x - mx) + (y - my) * (y - my);
                if (d2 < bestD2) {
                    bestD2 = d2;
                    best = new Hit(r, it, x, y);
                }
            }
        }
        return best;
    }

    private void onHover(MouseEvent e) {
        mouse = new javafx.geometry.Point2D(e.getX(), e.getY());
        showHover();
    }

    /** The hover for the mouse's position; again after each redraw, so it follows a growing curve. */
    private void showHover() {
        if (mouse == null) {
            hideHover();
            return;
        }
        Hit h = nearest(mouse.getX(), mouse.getY());
        if (h == null) {
            hideHover();
            return;
        }
        hover.setText(hoverText(h.iteration(), h.run().lossAt(h.iteration())));
        hover.setTextFill(color(h.run()));
        hover.autosize();
        // beside the point, kept inside the plot and off the axis's tick labels (a narrow plot has room on
        // neither side: then above the point, or below it near the top)
        double left = LEFT + 2;
        double right = plot.getWidth() - 2 - hover.getWidth();
        double x = h.x() + 12;
        if (x > right) {
            x = h.x() - 12 - hover.getWidth();
        }
        x = left <= right ? Math.max(left, Math.min(x, right)) : Math.max(2, right);
        double y = h.y() - hover.getHeight() - 10;
        if (y < 2) {
            y = h.y() + 10;
        }
        hover.relocate(x, y);
        hover.setVisible(true);
        hoverDot.setCenterX(h.x());
        hoverDot.setCenterY(h.y());
        hoverDot.setFill(color(h.run()));
        hoverDot.setVisible(true);
    }

    private void hideHover() {
        hover.setVisible(false);
        hoverDot.setVisible(false);
    }

    private void onClick(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        Hit h = nearest(e.getX(), e.getY());
        if (h != null) {
            selectedRun.set(h.run());
            onPick.accept(h.run(), h.iteration());
        }
    }

    // --- drawing --------------------------------------------------------------------------------------

    /** Data to pixels for one redraw. */
    static final class Scale {
        final boolean log;
        final double x0, x1, y0, y1; // data range (y in log10 when log)
        final double left, top, width, height;

        Scale(boolean log, double x0, double x1, double y0, double y1, double left, double top, double width, double height) {
            this.log = log;
            this.x0 = x0;
            this.x1 = x1;
            this.y0 = y0;
            this.y1 = y1;
            this.left = left;
            this.top = top;
            this.width = width;
            this.height = height;
        }

        boolean drawable(double loss) {
            return Double.isFinite(loss) && (!log || loss > 0);
        }

        double px(double iteration) {
            return left + (iteration - x0) / (x1 - x0) * width;
        }

        double iterationAt(double px) {
            return x0 + (px - left) / width * (x1 - x0);
        }

        double py(double loss) {
            double v = log ? Math.log10(loss) : loss;
            return top + (y1 - v) / (y1 - y0) * height;
        }
    }

    /** The plot area: canvas, hover dot and hover label; redraws when its data change ({@link #invalidate}) or its size does (layout pass). */
    private final class Plot extends Pane {
        final Canvas canvas = new Canvas();
        boolean dirty = true;

        Plot() {
            getStyleClass().add("chart-plot");
            canvas.setManaged(false);
            getChildren().add(canvas);
            setMinSize(200, 160); // below this the axis title ("loss (log)") no longer fits; the side panel scrolls instead
            setPrefSize(520, 300);
        }

        @Override
        protected void layoutChildren() {
            double w = Math.floor(getWidth());
            double h = Math.floor(getHeight());
            if (w != canvas.getWidth() || h != canvas.getHeight()) {
                canvas.setWidth(w);
                canvas.setHeight(h);
                dirty = true;
            }
            drawWhenDue();
        }

        /** Draws the curve if something changed, unless a run is live and the last drawing is too recent. */
        void drawWhenDue() {
            if (!dirty) {
                return;
            }
            if (live.get() && System.nanoTime() - lastRedrawNanos < LIVE_REDRAW_NANOS) {
                deferredRedraw.start(); // stays dirty; drawn on a later frame
                return;
            }
            dirty = false;
            lastRedrawNanos = System.nanoTime();
            redraw();
            showHover();
        }

        void redraw() {
            GraphicsContext g = canvas.getGraphicsContext2D();
            double w = canvas.getWidth();
            double h = canvas.getHeight();
            g.setFill(Color.WHITE);
            g.fillRect(0, 0, w, h);
            double pw = w - LEFT - RIGHT;
            double ph = h - TOP - BOTTOM;
            drawnPoints = 0;
            maxVerticesPerRun = 0;
            if (pw < 20 || ph < 20) {
                scale = null;
                return;
            }
            boolean log = logScale.get();
            scale = fit(log, pw, ph);
            drawTitles(g, w, h);
            if (scale == null) {
                g.setFill(AXIS);
                g.setFont(TICK_FONT);
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                g.fillText("Train to draw the loss curve here", LEFT + pw / 2, TOP + ph / 2);
                drawFrame(g, pw, ph);
                return;
            }
            drawGrid(g, scale);
            drawFrame(g, pw, ph);
            g.save();
            g.beginPath();
            g.rect(LEFT, TOP, pw, ph);
            g.clip();
            for (Run r : runs) {
                drawRun(g, r, scale);
            }
            drawMarker(g, scale);
            g.restore();
        }

        private void drawFrame(GraphicsContext g, double pw, double ph) {
            g.setStroke(AXIS);
            g.setLineWidth(1.5);
            g.strokeLine(LEFT, TOP, LEFT, TOP + ph);
            g.strokeLine(LEFT, TOP + ph, LEFT + pw, TOP + ph);
        }

        private void drawTitles(GraphicsContext g, double w, double h) {
            g.setFill(INK);
            g.setFont(TITLE_FONT);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(X_TITLE, LEFT + (w - LEFT - RIGHT) / 2, h - 4);
            g.save();
            g.translate(14, TOP + (h - TOP - BOTTOM) / 2);
            g.rotate(-90);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(logScale.get() ? Y_TITLE + " (log)" : Y_TITLE, 0, 0);
            g.restore();
        }
    }

    /** The data range of every run, padded a little, or null when there is nothing to draw. */
    private Scale fit(boolean log, double pw, double ph) {
        if (runs == null) {
            return null;
        }
        int xMin = Integer.MAX_VALUE;
        int xMax = Integer.MIN_VALUE;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Run r : runs) {
            int n = r.size();
            drawnPoints += n;
            if (n == 0) {
                continue;
            }
            xMin = Math.min(xMin, r.firstIteration());
            xMax = Math.max(xMax, r.lastIteration());
            double lo = r.minLoss(log);
            double hi = r.maxLoss(log);
            if (lo <= hi) {
                yMin = Math.min(yMin, log ? Math.log10(lo) : lo);
                yMax = Math.max(yMax, log ? Math.log10(hi) : hi);
            }
        }
        if (xMin > xMax || yMin > yMax) {
            return null;
        }
        double x1 = xMax == xMin ? xMin + 1 : xMax;
        double span = yMax - yMin;
        if (span == 0) {
            span = log ? 1 : Math.max(Math.abs(yMax) * 0.2, 1e-12);
            yMin -= span / 2;
            yMax += span / 2;
        } else {
            yMin -= span * 0.04;
            yMax += span * 0.04;
        }
        return new Scale(log, xMin, x1, yMin, yMax, LEFT, TOP, pw, ph);
    }

    private void drawGrid(GraphicsContext g, Scale s) {
        g.setFont(TICK_FONT);
        g.setLineWidth(1);
        // x ticks: whole iterations
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        List<Double> xs = Ticks.linear(s.x0, s.x1, Math.max(2, (int) (s.width / 110)), true);
        int count = Math.max(2, (int) (s.height / 48));
        List<Double> ys = s.log ? Ticks.log(s.y0, s.y1, count) : Ticks.linear(s.y0, s.y1, count, false);
        // the lines as two paths (grid, tick marks), not a stroke each: every stroke is a rasteriser pass
        g.setStroke(GRID);
        g.beginPath();
        for (double t : xs) {
            g.moveTo(s.px(t), s.top);
            g.lineTo(s.px(t), s.top + s.height);
        }
        for (double v : ys) {
            g.moveTo(s.left, s.py(v));
            g.lineTo(s.left + s.width, s.py(v));
        }
        g.stroke();
        g.setStroke(AXIS);
        g.beginPath();
        for (double t : xs) {
            g.moveTo(s.px(t), s.top + s.height);
            g.lineTo(s.px(t), s.top + s.height + 5);
        }
        for (double v : ys) {
            g.moveTo(s.left - 5, s.py(v));
            g.lineTo(s.left, s.py(v));
        }
        g.stroke();
        g.setFill(INK);
        double right = s.left + s.width + RIGHT;
        for (double t : xs) {
            String label = Numbers.grouped((long) t);
            tickMeasure.setText(label);
            double half = tickMeasure.getLayoutBounds().getWidth() / 2;
            // centred under its tick, but kept inside the canvas ("1,000" at the right end was cut)
            g.fillText(label, Math.min(s.px(t), right - half - 2), s.top + s.height + 7);
        }
        // y ticks: powers of ten on a log axis
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v : ys) {
            g.fillText(s.log ? Ticks.powerOfTen(v) : Numbers.format(v, 3), s.left - 8, s.py(v));
        }
    }

    /**
     * One run: a vertex per pixel column at the column's last point, a vertical stroke over its
     * spread. Columns are found from the raw losses (the log is monotonic), so only the three values
     * a column shows are converted to pixels.
     */
    private void drawRun(GraphicsContext g, Run r, Scale s) {
        int n = r.size();
        if (n == 0) {
            return;
        }
        Color c = color(r);
        boolean selected = r == selectedRun.get();
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(selected ? 3.5 : 2.25);
        List<double[]> spreads = new ArrayList<>();
        g.beginPath();
        Column col = new Column();
        int first = r.firstIteration();
        double pxPerIteration = s.width / (s.x1 - s.x0);
        double x0 = s.px(first);
        if (pxPerIteration * Run.BLOCK < 0.5) {
            // many blocks per pixel column: draw from the run's block summaries, not from every loss
            for (int b = 0; b < r.blocks(); b++) {
                int last = r.blockLastIndex(s.log, b);
                if (last < 0) {
                    col.emit(g, s, spreads);
                    col.penDown = false;
                    continue;
                }
                double x = x0 + last * pxPerIteration;
                long column = (long) Math.floor(x);
                if (col.open && column != col.column) {
                    col.emit(g, s, spreads);
                }
                col.add(column, x, r.blockMin(s.log, b));
                col.add(column, x, r.blockMax(s.log, b));
                col.add(column, x, r.blockLast(s.log, b));
            }
        } else {
            for (int i = 0; i < n; i++) {
                double v = r.loss(i);
                if (!s.drawable(v)) {
                    col.emit(g, s, spreads);
                    col.penDown = false; // a gap where the loss is NaN, infinite or (log scale) not positive
                    continue;
                }
                double x = x0 + i * pxPerIteration;
                long column = (long) Math.floor(x);
                if (col.open && column != col.column) {
                    col.emit(g, s, spreads);
                }
                col.add(column, x, v);
            }
        }
        col.emit(g, s, spreads);
        g.stroke();
        if (!spreads.isEmpty()) {
            g.beginPath(); // one path: a stroke per column was a rasteriser pass per pixel column
            for (double[] sp : spreads) {
                g.moveTo(sp[0], sp[1]);
                g.lineTo(sp[0], sp[2]);
            }
            g.stroke();
        }
        maxVerticesPerRun = Math.max(maxVerticesPerRun, col.vertices);
        // dots when the points are few and far apart, as seed 000's 11 RMSprop steps
        if (n <= 400 && pxPerIteration >= 5) {
            double radius = selected ? 4 : 3;
            for (int i = 0; i < n; i++) {
                double v = r.loss(i);
                if (s.drawable(v)) {
                    g.fillOval(s.px(first + i) - radius, s.py(v) - radius, 2 * radius, 2 * radius);
                }
            }
        }
    }

    /** The points of one pixel column, as raw losses. */
    private static final class Column {
        boolean open;
        boolean penDown;
        long column;
        double x;
        double last;
        double min;
        double max;
        int vertices;

        void add(long c, double px, double loss) {
            if (!open) {
                open = true;
                column = c;
                min = loss;
                max = loss;
            } else {
                min = Math.min(min, loss);
                max = Math.max(max, loss);
            }
            x = px;
            last = loss;
        }

        void emit(GraphicsContext g, Scale s, List<double[]> spreads) {
            if (!open) {
                return;
            }
            double y = s.py(last);
            if (penDown) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
            }
            double top = s.py(max);
            double bottom = s.py(min);
            if (bottom - top > 1) {
                spreads.add(new double[] {x, top, bottom});
            }
            penDown = true;
            open = false;
            vertices++;
        }
    }

    private void drawMarker(GraphicsContext g, Scale s) {
        TrainingModel.Position p = marker.get();
        if (p == null || runs == null || !runs.contains(p.run())) {
            return;
        }
        double x = s.px(p.iteration());
        g.setStroke(INK);
        g.setLineWidth(1.5);
        g.setLineDashes(6, 4);
        g.strokeLine(x, s.top, x, s.top + s.height);
        g.setLineDashes();
        double v = p.run().lossAt(p.iteration());
        if (s.drawable(v)) {
            double y = s.py(v);
            g.setFill(Color.WHITE);
            g.fillOval(x - 6, y - 6, 12, 12);
            g.setStroke(color(p.run()));
            g.setLineWidth(3);
            g.strokeOval(x - 6, y - 6, 12, 12);
        }
    }
}

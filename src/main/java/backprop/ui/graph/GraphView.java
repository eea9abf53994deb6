package backprop.ui.graph;

import backprop.engine.Graph;
import backprop.engine.ModelState;
import backprop.engine.Graph.Kind;
import backprop.engine.Graph.Node;
import backprop.engine.Step;
import backprop.engine.Step.BackwardStep;
import backprop.engine.Step.EdgeGradient;
import backprop.engine.Step.ForwardStep;
import backprop.engine.Step.UpdateStep;
import backprop.engine.Tensor;
import backprop.engine.Trace;
import backprop.ui.chain.ChainRule;
import backprop.ui.chain.EdgeRef;
import backprop.ui.chain.Explanation;
import backprop.ui.graph.GraphScene.Box;
import backprop.ui.layout.LayoutPoint;
import backprop.ui.layout.PlacedNode;
import backprop.ui.model.LessonModel;
import backprop.ui.model.Moment;
import backprop.ui.text.Numbers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.animation.PathTransition;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;

/**
 * The computational graph on screen. A thin view: it draws the {@link GraphScene} it is given and
 * shows the values of the model's current {@link Moment}; a value travelling along an edge is the
 * only thing it adds, and that is decoration (the numbers are set at once).
 */
public final class GraphView extends Region {
    /** Below this zoom the numbers cannot be read from the back of a classroom. */
    public static final double READABLE_ZOOM = 0.75;

    /** How long a value takes to travel along an edge at 1× speed. */
    public static final Duration TRAVEL = Duration.millis(300);

    private final LessonModel model;
    private final Group content = new Group();
    private final Group edgeLayer = new Group();
    private final Group labelLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group tokenLayer = new Group();
    private final Scale zoom = new Scale(1, 1);
    private final Translate pan = new Translate();
    private final Map<String, NodeView> nodes = new LinkedHashMap<>();
    private final Map<String, EdgeView> edges = new LinkedHashMap<>();
    private GraphScene scene;
    private double dragX;
    private double dragY;
    private boolean fitted;
    /** The whole graph is fitted and nobody has zoomed or panned since: a resize fits it again. */
    private boolean keepsFit;

    public GraphView(LessonModel model) {
        this.model = model;
        setId("graphView");
        getStyleClass().add("graph-view");
        content.getChildren().addAll(edgeLayer, labelLayer, nodeLayer, tokenLayer);
        content.getTransforms().addAll(pan, zoom);
        getChildren().add(content);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);

        model.sceneProperty().addListener((obs, was, now) -> sceneChanged(now));
        model.momentProperty().addListener((obs, was, now) -> {
            stepBegan = true;
            show(was, now);
        });
        model.selectedNodeProperty().addListener((obs, was, now) -> showSelection());
        model.selectedEdgeProperty().addListener((obs, was, now) -> showSelection());
        model.selectedElementProperty().addListener((obs, was, now) -> showSelection());
        installZoomAndPan();
        zoom.xProperty().addListener((obs, was, now) -> zooming());
        for (javafx.beans.value.ObservableValue<Number> moves : List.of(pan.xProperty(), pan.yProperty(), zoom.xProperty(),
                widthProperty(), heightProperty())) {
            moves.addListener((obs, was, now) -> updateMoreArrows());
        }
        // e.g. the training workspace opening beside the graph: the graph stays whole unless the user moved it
        widthProperty().addListener((obs, was, now) -> refitAfterResize());
        heightProperty().addListener((obs, was, now) -> {
            if (fitted && !keepsFit) {
                // zoomed by the user or opened at a readable zoom: the current step's boxes stay in view
                // (the chain-rule panel growing under the graph must not push them off the bottom)
                keepStepInView(now.doubleValue() - was.doubleValue());
            } else {
                refitAfterResize();
            }
        });
    }

    // --- building ---------------------------------------------------------------------------------

    /** Graphs up to this many boxes get their views built at once; bigger ones off the FX thread. */
    public static final int BUILD_INLINE_UP_TO = 40;
    private static final java.util.concurrent.ExecutorService VIEW_BUILDER =
            backprop.ui.fx.DaemonThreads.single("graph-views");
    /** The scene the model shows now; its views may still be in the making. */
    private GraphScene wanted;

    /** The views of one scene, made but not yet in the scene graph. */
    private record Views(GraphScene scene, Map<String, NodeView> nodes, Map<String, EdgeView> edges,
                         Map<NodeView, Runnable> onAttach) {
    }

    /**
     * A new scene: a big graph's views are made on a background thread (nodes not yet in a showing
     * scene may be made anywhere), so the FX thread only attaches them; constructing 500 views there
     * froze it for ~80 ms.
     */
    private void sceneChanged(GraphScene sc) {
        wanted = sc;
        if (!isBig(sc)) {
            rebuild(sc == null ? null : build(sc));
            return;
        }
        java.util.concurrent.CompletableFuture.supplyAsync(() -> build(sc), VIEW_BUILDER)
                .handle((views, error) -> views) // on an error, build again below where it shows
                .thenAcceptAsync(views -> {
                    if (wanted == sc && scene != sc) {
                        rebuild(views != null ? views : build(sc));
                    }
                }, javafx.application.Platform::runLater);
    }

    private static boolean isBig(GraphScene sc) {
        return sc != null && sc.boxes().size() > BUILD_INLINE_UP_TO;
    }

    private Views build(GraphScene sc) {
        Graph g = sc.graph();
        Map<String, NodeView> nodeViews = new LinkedHashMap<>();
        Map<String, EdgeView> edgeViews = new LinkedHashMap<>();
        Map<NodeView, Runnable> onAttach = new java.util.HashMap<>();
        Set<String> usedIds = new HashSet<>();
        boolean big = isBig(sc);
        for (Box b : sc.boxes()) {
            Node rep = g.node(b.representative());
            String idName = rep.isNamed() && usedIds.add(rep.name()) ? rep.name() : b.id();
            NodeView v = new NodeView(b, idName);
            if (big) {
                Styles.cacheText(v);
            }
            PlacedNode p = sc.layout().nodes().get(b.id());
            v.relocate(p.x(), p.y());
            v.setOnMouseClicked(e -> {
                model.selectedEdgeProperty().set(null);
                model.selectedNodeProperty().set(b.representative());
                e.consume();
            });
            if (isEditable(g, b)) {
                installEditing(v, rep.id());
                // a tooltip is a window: made on the FX thread, when the view joins the scene
                onAttach.put(v, () -> javafx.scene.control.Tooltip.install(v.valueLabel(), editingTooltip()));
            }
            nodeViews.put(b.id(), v);
        }
        for (GraphScene.Line l : sc.lines()) {
            EdgeView e = new EdgeView(l, sc.layout().edges().get(l.id()));
            if (big) {
                Styles.cacheText(e.label);
            }
            EdgeRef ref = l.graphEdges().get(0);
            if (l.weight() >= 0) {
                // a weight drawn on an edge is selected as the weight, so the inspector can edit it
                int element = elementOf(g, l);
                javafx.event.EventHandler<javafx.scene.input.MouseEvent> select = ev -> {
                    model.selectedEdgeProperty().set(null);
                    model.chooseElement(l.weight(), element); // the inspector marks its cell
                    ev.consume();
                };
                e.shape.setOnMouseClicked(select);
                e.label.setOnMouseClicked(select);
            } else {
                e.shape.setOnMouseClicked(ev -> selectEdge(ref, ev));
                e.label.setOnMouseClicked(ev -> selectEdge(ref, ev));
            }
            edgeViews.put(l.id(), e);
        }
        return new Views(sc, nodeViews, edgeViews, onAttach);
    }

    private javafx.scene.control.Tooltip editingTooltip;

    /**
     * One tooltip for every editable value: a tooltip is a popup window with its own scene, ~2 ms to
     * make and style, and a 200-node graph's joining views had made one each inside their frames.
     */
    private javafx.scene.control.Tooltip editingTooltip() {
        if (editingTooltip == null) {
            editingTooltip = new javafx.scene.control.Tooltip(
                    "Click to type a new value; drag sideways or scroll to nudge it (Shift: ×10)");
        }
        return editingTooltip;
    }

    private void rebuild(Views views) {
        scene = views == null ? null : views.scene();
        more.forget();
        updateMoreArrows();
        nodes.clear();
        edges.clear();
        edgeLayer.getChildren().clear();
        labelLayer.getChildren().clear();
        nodeLayer.getChildren().clear();
        tokenLayer.getChildren().clear();
        tokens.clear(); // a big graph's tokens are cached as bitmaps, a small one's are not
        pending.clear();
        if (views == null) {
            return;
        }
        nodes.putAll(views.nodes());
        edges.putAll(views.edges());
        for (NodeView v : nodes.values()) {
            pending.add(new Attach(nodeLayer, v, views.onAttach().get(v)));
        }
        for (EdgeView e : edges.values()) {
            pending.add(new Attach(edgeLayer, e.shape, null));
            pending.add(new Attach(labelLayer, e.label, null));
        }
        if (!isBig(views.scene())) {
            attachAll();
        } else {
            // the new graph's first frame also fits it and shows its first moment everywhere: a small
            // first batch, grown from the passes measured after it (not the last graph's batch)
            batch = 2;
            lastCssPass = 0;
            attachSome();
            if (!pending.isEmpty()) {
                attacher.start();
            }
        }
        fitted = false;
        fitOnFirstLayout();
        show(null, model.moment());
        showSelection();
    }

    /**
     * Views waiting to join the scene. A new view's first CSS pass costs up to a millisecond or two, so
     * a big graph's views join a few per frame instead of freezing one frame for all of them: as many
     * as keep the pulse's CSS and layout pass near {@link #ATTACH_BUDGET_NANOS} (it is measured: the
     * number adapts to the machine and to how warm the JIT is). Calling {@code applyCss()} here
     * instead would restyle every view already attached, not just the new ones.
     */
    private final java.util.ArrayDeque<Attach> pending = new java.util.ArrayDeque<>();
    // 2.5 ms gave as many pulses over 16 ms as 5 (those left are the first frames of a new graph) and
    // drew a 200-node graph whole in ~4 s instead of ~2 (docs/benchmarks.md)
    static final long ATTACH_BUDGET_NANOS = 5_000_000L;
    private int batch = 4;
    private long cssPassStart;
    private long lastCssPass;
    private javafx.scene.Scene measured;
    /**
     * A step began since the last CSS pass: its own restyling has this pulse and no views join in it
     * (unless steps began in the last two pulses too: scrubbing must not hold the joining up).
     */
    private boolean stepBegan;
    private int yieldedInARow;
    private boolean joinedThisPass;
    private final Runnable beforeCssPass = () -> {
        // here, after the pulse's animations, it is known whether a step began in this pulse
        cssPassStart = System.nanoTime();
        boolean yield = stepBegan && yieldedInARow < 2;
        yieldedInARow = yield ? yieldedInARow + 1 : 0;
        joinedThisPass = !yield && !pending.isEmpty();
        if (joinedThisPass) {
            attachSome();
        }
        stepBegan = false;
    };
    private final Runnable afterLayoutPass = () -> {
        if (joinedThisPass) { // a pass without joining views says nothing about their cost
            lastCssPass = System.nanoTime() - cssPassStart;
        }
    };

    private record Attach(Group layer, javafx.scene.Node view, Runnable then) {
        void run() {
            layer.getChildren().add(view);
            if (then != null) {
                then.run();
            }
        }
    }

    private final javafx.animation.AnimationTimer attacher = new javafx.animation.AnimationTimer() {
        @Override
        public void start() {
            super.start();
            measure(getScene());
        }

        @Override
        public void stop() {
            super.stop();
            measure(null);
        }

        @Override
        public void handle(long now) {
            // keeps pulses coming; the views join in the pulse's pre-layout listener (beforeCssPass)
            if (pending.isEmpty()) {
                stop();
            }
        }
    };

    private void measure(javafx.scene.Scene s) {
        if (measured != null) {
            measured.removePreLayoutPulseListener(beforeCssPass);
            measured.removePostLayoutPulseListener(afterLayoutPass);
        }
        measured = s;
        lastCssPass = 0;
        if (s != null) {
            s.addPreLayoutPulseListener(beforeCssPass);
            s.addPostLayoutPulseListener(afterLayoutPass);
        }
    }

    private void attachSome() {
        if (lastCssPass > 0) { // the last pass styled the last batch: scale to the budget
            // shrink at once, grow slowly: a cheap pass may have had only cheap views in it
            long scaled = batch * ATTACH_BUDGET_NANOS / lastCssPass;
            batch = (int) Math.max(1, Math.min(Math.min(24, batch + 1 + batch / 2), scaled));
            lastCssPass = 0;
        }
        for (int i = 0; i < batch && !pending.isEmpty(); i++) {
            pending.poll().run();
        }
    }

    /**
     * How many of the graph's views have not joined the scene yet, or -1 while they are still being
     * made (for the frame-rate benchmark).
     */
    public int joiningViews() {
        return wanted != null && scene != wanted ? -1 : pending.size();
    }

    /** Attaches every view now (a snapshot draws a single frame). */
    public void attachAll() {
        if (wanted != null && scene != wanted) {
            rebuild(build(wanted));
        }
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
        attacher.stop();
    }

    private void selectNode(int node, javafx.scene.input.MouseEvent ev) {
        model.selectedEdgeProperty().set(null);
        model.selectedNodeProperty().set(node);
        ev.consume();
    }

    /** Inputs and weights holding one number can be typed over, dragged or scrolled. */
    private static boolean isEditable(Graph g, Box b) {
        Node n = g.node(b.representative());
        return b.members().size() == 1 && (n.kind() == Kind.INPUT || n.kind() == Kind.PARAM)
                && n.initialValue().isScalar();
    }

    private void installEditing(NodeView v, int node) {
        javafx.scene.text.Text value = v.valueLabel();
        value.getStyleClass().add("editable-value");
        value.setPickOnBounds(true); // a click between two digits still edits
        value.setOnMouseClicked(e -> {
            if (e.isStillSincePress()) {
                model.selectedEdgeProperty().set(null);
                model.selectedNodeProperty().set(node);
                v.startEditing(Numbers.exact(current(node)), text -> setValue(node,
                        backprop.ui.model.ValueInput.parse(g(node).name(), text)));
            }
            e.consume();
        });
        // scrolls on this value less than SCROLL_GESTURE apart are one gesture: one undo entry
        Object[] scroll = {null};
        long[] lastScroll = {0};
        value.setOnScroll(e -> {
            long now = System.nanoTime();
            if (scroll[0] == null || now - lastScroll[0] > SCROLL_GESTURE_NANOS) {
                scroll[0] = new Object();
            }
            lastScroll[0] = now;
            nudgeValue(node, backprop.ui.model.ValueInput.wheeled(current(node), e.getDeltaY() + e.getDeltaX(), e.isShiftDown()), scroll[0]);
            e.consume();
        });
        double[] last = new double[1];
        Object[] drag = {null};
        value.setOnMousePressed(e -> {
            last[0] = e.getSceneX();
            drag[0] = new Object(); // a drag, press to release, is one gesture: one undo entry
            e.consume();
        });
        value.setOnMouseDragged(e -> {
            double dx = e.getSceneX() - last[0];
            if (Math.abs(dx) >= 4) {
                double step = backprop.ui.model.ValueInput.nudgeStep(current(node), e.isShiftDown());
                nudgeValue(node, current(node) + Math.round(dx / 4) * step, drag[0]);
                last[0] = e.getSceneX();
            }
            e.consume();
        });
    }

    private Node g(int node) {
        return scene.graph().node(node);
    }

    private double current(int node) {
        ModelState s = model.latestStateOf(scene.graph());
        return (s != null ? s : model.stateProperty().get()).value(node).scalar();
    }

    private void setValue(int node, double v) {
        model.edit(scene.graph(), node, 0, v, null);
    }

    static final long SCROLL_GESTURE_NANOS = 800_000_000L;

    private void nudgeValue(int node, double v, Object gesture) {
        model.edit(scene.graph(), node, 0, v, gesture);
    }

    private void selectEdge(EdgeRef ref, javafx.scene.input.MouseEvent ev) {
        model.selectedNodeProperty().set(-1);
        model.selectedEdgeProperty().set(ref);
        ev.consume();
    }

    // --- showing a moment ------------------------------------------------------------------------

    private void show(Moment was, Moment now) {
        if (scene == null || now == null || now.trace().graph() != scene.graph()) {
            return;
        }
        Trace.Frame f = now.frame();
        Graph g = scene.graph();
        for (NodeView v : nodes.values()) {
            int rep = v.box.representative();
            Node n = g.node(rep);
            Tensor value = n.kind() == Kind.PARAM ? f.leaf(rep) : f.value(rep);
            v.show(GraphScene.columnOf(value, v.box.column()), GraphScene.columnOf(f.grad(rep), v.box.column()));
            v.pseudoClassStateChanged(Styles.FORWARD, false);
            v.pseudoClassStateChanged(Styles.BACKWARD, false);
            v.pseudoClassStateChanged(Styles.UPDATE, false);
        }
        for (EdgeView e : edges.values()) {
            labelEdge(e, now);
            e.shape.pseudoClassStateChanged(Styles.FORWARD, false);
            e.shape.pseudoClassStateChanged(Styles.BACKWARD, false);
            e.setStroke(null);
        }
        styleWeights(f, now);
        highlight(now);
        if (was == null || was.applied() != now.applied()) {
            follow(now); // a step taken, not an edit re-recording the same moment: the view goes along
        }
        // the same step of the same trace shown again (an element chosen for the chain rule): the values
        // on their way are still this step's, so they go on travelling
        if (was == null || was.trace() != now.trace() || was.applied() != now.applied()) {
            tokens.forEach(Token::park);
        }
        if (was != null && was.trace() == now.trace() && now.applied() == was.applied() + 1 && now.current() != null) {
            travel(now);
        }
    }

    private void labelEdge(EdgeView e, Moment m) {
        Graph g = scene.graph();
        Trace.Frame f = m.frame();
        GraphScene.Line l = e.line;
        if (l.weight() >= 0) {
            Node w = g.node(l.weight());
            Tensor value = f.leaf(w.id());
            Tensor gw = f.grad(w.id());
            if (e.showing(value, gw, null, null)) {
                return; // the same tensors as on screen: nothing to format (a step changes a few edges of hundreds)
            }
            String name = l.row() >= 0 ? w.name() + "[" + (l.row() + 1) + "," + (l.column() + 1) + "]" : w.name();
            e.forward.setText(name + " = " + Numbers.label(GraphScene.weightOf(l, value)));
            e.backward.setText(gw == null ? "" : "∂ " + Numbers.label(GraphScene.weightOf(l, gw)));
            e.detail.setText("");
            return;
        }
        EdgeRef ref = l.graphEdges().get(0);
        int source = g.node(ref.node()).input(ref.slot());
        // in the operation view the source box already shows this value; the edge keeps room for the gradient
        // a param as its box shows it (after its update step, the updated value, as its weights' lines do;
        // a bias's line still said the value before)
        Tensor value = scene.mode() == ViewMode.OPERATIONS ? null
                : g.node(source).kind() == Kind.PARAM ? f.leaf(source) : f.value(source);
        EdgeGradient share = m.edges().get(ref);
        Tensor upstream = share == null ? null : f.grad(ref.node());
        if (e.showing(value, share == null ? null : share.contribution(), upstream,
                share == null ? null : share.localDerivative())) {
            return;
        }
        e.forward.setText(value == null ? "" : Numbers.label(GraphScene.columnOf(value, l.column())));
        if (share == null) {
            e.backward.setText("");
            e.detail.setText("");
            return;
        }
        e.backward.setText("∂ " + Numbers.gradientLabel(GraphScene.columnOf(share.contribution(), l.column())));
        e.detail.setText(share.localDerivative() != null && upstream != null && upstream.isScalar()
                && share.localDerivative().isScalar()
                ? "= " + Numbers.label(upstream) + " × " + Numbers.label(share.localDerivative()) : "");
    }

    /** Neuron view: each weight's edge coloured and sized by its value, unless the current step is on it. */
    private void styleWeights(Trace.Frame f, Moment m) {
        double max = 0;
        for (EdgeView e : edges.values()) {
            if (e.line.weight() >= 0) {
                max = Math.max(max, Math.abs(GraphScene.weightOf(e.line, f.leaf(e.line.weight())).scalar()));
            }
        }
        Set<String> busy = new HashSet<>();
        Step s = m.current();
        if (s != null) {
            for (EdgeView e : edges.values()) {
                if (e.line.graphEdges().stream().anyMatch(ref -> ref.node() == s.node()) || e.line.weight() == s.node()) {
                    busy.add(e.line.id());
                }
            }
        }
        for (EdgeView e : edges.values()) {
            if (e.line.weight() >= 0 && !busy.contains(e.line.id())) {
                e.setWeightStroke(GraphScene.weightOf(e.line, f.leaf(e.line.weight())).scalar(), max, s != null);
            }
        }
    }

    private void highlight(Moment m) {
        Step s = m.current();
        if (s == null) {
            return;
        }
        List<NodeView> vs = scene.boxesOf(s.node()).stream().map(nodes::get).filter(java.util.Objects::nonNull).toList();
        if (s instanceof ForwardStep f) {
            vs.forEach(v -> v.pseudoClassStateChanged(Styles.FORWARD, true));
            for (int slot = 0; slot < f.inputs().size(); slot++) {
                edgesOf(new EdgeRef(f.node(), slot)).forEach(e -> e.shape.pseudoClassStateChanged(Styles.FORWARD, true));
            }
        } else if (s instanceof Step.LossStep) {
            vs.forEach(v -> v.pseudoClassStateChanged(Styles.BACKWARD, true));
        } else if (s instanceof BackwardStep b) {
            vs.forEach(v -> v.pseudoClassStateChanged(Styles.BACKWARD, true));
            for (EdgeGradient eg : b.edges()) {
                edgesOf(new EdgeRef(b.node(), eg.slot())).forEach(e -> e.shape.pseudoClassStateChanged(Styles.BACKWARD, true));
            }
        } else if (s instanceof UpdateStep u) {
            for (EdgeView e : edges.values()) {
                if (e.line.weight() == u.node()) { // one line, or a layer's one per weight
                    e.shape.pseudoClassStateChanged(Styles.FORWARD, true);
                }
            }
            vs.forEach(v -> v.pseudoClassStateChanged(Styles.UPDATE, true));
        }
        Explanation x = m.explanation();
        for (Explanation.Term t : x.terms()) {
            edgesOf(t.edge()).forEach(e -> e.setStroke(ChainRule.TERM_COLOURS.get(t.colour())));
        }
    }

    /** The lines a graph edge is drawn as: one, or a layer's one per weight (neuron view). */
    private List<EdgeView> edgesOf(EdgeRef ref) {
        List<EdgeView> out = new ArrayList<>();
        for (String line : scene.linesOf(ref)) {
            EdgeView e = edges.get(line);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** The value of the step just taken travels along its edges: forward to the node, gradients back to the inputs. */
    private void travel(Moment m) {
        Step s = m.current();
        Duration d = TRAVEL.divide(Math.max(0.05, model.speedProperty().get()));
        List<Runnable> starts = new ArrayList<>();
        Set<String> moving = new HashSet<>(); // a layer's weight line stands for two graph edges: one token
        if (s instanceof ForwardStep f) {
            for (int slot = 0; slot < f.inputs().size(); slot++) {
                Tensor v = f.inputs().get(slot);
                for (EdgeView e : edgesOf(new EdgeRef(f.node(), slot))) {
                    if (moving.add(e.line.id())) {
                        starts.add(token(e, Numbers.label(carried(e.line, v, slot)), false, d, "token-forward"));
                    }
                }
            }
        } else if (s instanceof BackwardStep b) {
            for (EdgeGradient eg : b.edges()) {
                for (EdgeView e : edgesOf(new EdgeRef(b.node(), eg.slot()))) {
                    if (moving.add(e.line.id())) {
                        starts.add(token(e, Numbers.label(carried(e.line, eg.contribution(), eg.slot())), true, d,
                                "token-backward"));
                    }
                }
            }
        }
        starts.forEach(Runnable::run);
    }

    /**
     * What travels on a line: the whole tensor, or on a layer's lines (neuron view) the source unit's
     * column (slot 0 of a weight line: the unit it starts from), the weight's element (slot 1), or the
     * unit's column (a line from a unit to the loss).
     */
    private static Tensor carried(GraphScene.Line l, Tensor t, int slot) {
        if (l.row() >= 0) {
            return slot == 1 ? GraphScene.weightOf(l, t) : GraphScene.columnOf(t, l.row());
        }
        return GraphScene.columnOf(t, l.column());
    }

    /**
     * A travelling value, kept in the token layer and used again: a new label costs a CSS pass and a
     * control skin in the pulse of its step (JFR samples of a big graph's slowest pulses found them
     * there). Showing it and changing its text cost neither; its style class never changes.
     */
    private final class Token {
        final Label label = new Label();
        final PathTransition move = new PathTransition();
        final String style;
        boolean busy;

        Token(String style) {
            this.style = style;
            label.getStyleClass().addAll("token", style);
            label.setMouseTransparent(true);
            label.setVisible(false);
            if (isBig(scene)) {
                Styles.cacheText(label);
            }
            move.setNode(label);
            move.setOnFinished(e -> park());
            // shown once the move has placed it, not for a frame where the last one left it
            move.currentTimeProperty().addListener((obs, was, now) -> label.setVisible(busy && now.greaterThan(Duration.ZERO)));
            tokenLayer.getChildren().add(label);
        }

        void park() {
            busy = false;
            move.stop();
            label.setVisible(false);
        }
    }

    private final List<Token> tokens = new ArrayList<>();

    private Runnable token(EdgeView e, String text, boolean backwards, Duration d, String style) {
        Token token = null;
        for (Token t : tokens) {
            if (!t.busy && t.style.equals(style)) {
                token = t;
                break;
            }
        }
        if (token == null) {
            token = new Token(style);
            tokens.add(token);
        }
        token.label.setText(text);
        token.busy = true; // taken: the next token of this step is another one
        token.move.setDuration(d);
        token.move.setPath(e.route(backwards));
        return token.move::playFromStart;
    }

    /**
     * Where the selection is drawn, in this view's coordinates: around all its boxes (a layer's units) or
     * edge labels; null when none of them is on screen.
     */
    public javafx.geometry.Bounds selectionBounds() {
        if (scene == null) {
            return null;
        }
        List<javafx.scene.Node> shown = new ArrayList<>();
        int n = model.selectedNodeProperty().get();
        EdgeRef e = model.selectedEdgeProperty().get();
        if (n >= 0) {
            scene.boxesOf(n).stream().map(nodes::get).filter(java.util.Objects::nonNull).forEach(shown::add);
            if (shown.isEmpty()) { // a weight of the neuron view: drawn on its lines
                edges.values().stream().filter(v -> v.line.weight() == n).forEach(v -> shown.add(v.label));
            }
        } else if (e != null) {
            scene.linesOf(e).stream().map(edges::get).filter(java.util.Objects::nonNull).forEach(v -> shown.add(v.label));
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (javafx.scene.Node v : shown) {
            if (v.getParent() == null) {
                continue; // not attached yet
            }
            javafx.geometry.Bounds b = sceneToLocal(v.localToScene(v.getBoundsInLocal()));
            minX = Math.min(minX, b.getMinX());
            minY = Math.min(minY, b.getMinY());
            maxX = Math.max(maxX, b.getMaxX());
            maxY = Math.max(maxY, b.getMaxY());
        }
        return minX > maxX ? null : new javafx.geometry.BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    private void showSelection() {
        int selected = model.selectedNodeProperty().get();
        List<String> boxes = selected >= 0 && scene != null ? scene.boxesOf(selected) : List.of();
        nodes.forEach((id, v) -> v.pseudoClassStateChanged(Styles.SELECTED, boxes.contains(id)));
        EdgeRef edge = model.selectedEdgeProperty().get();
        List<String> lines = edge != null && scene != null ? scene.linesOf(edge) : List.of();
        int element = model.selectedElementProperty().get();
        edges.forEach((id, e) -> e.label.pseudoClassStateChanged(Styles.SELECTED,
                lines.contains(id) || drawsElement(e.line, selected, element)));
    }

    /** Whether a weight's line is element {@code element} of param {@code node} (chosen in a cell or on the line). */
    private boolean drawsElement(GraphScene.Line l, int node, int element) {
        return element >= 0 && l.weight() == node && elementOf(scene.graph(), l) == element;
    }

    /** The element (row-major) of its weight matrix that a weight's line draws; -1 for a line of a whole param. */
    private static int elementOf(Graph g, GraphScene.Line l) {
        return l.row() < 0 ? -1 : l.row() * g.node(l.weight()).initialValue().cols() + l.column();
    }

    // --- zoom, pan, fit -------------------------------------------------------------------------

    private void installZoomAndPan() {
        setOnScroll(e -> {
            zoomBy(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
            e.consume();
        });
        setOnMousePressed(e -> {
            requestFocus();
            dragX = e.getX();
            dragY = e.getY();
        });
        setOnMouseDragged(e -> {
            if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
                keepsFit = false;
                pan.setX(pan.getX() + e.getX() - dragX);
                pan.setY(pan.getY() + e.getY() - dragY);
                dragX = e.getX();
                dragY = e.getY();
            }
        });
        setOnMouseClicked(e -> {
            if (e.isStillSincePress()) {
                model.selectedNodeProperty().set(-1);
                model.selectedEdgeProperty().set(null);
            }
        });
    }

    /** Arrows where the graph goes on beyond the view (see {@link MoreArrows}). */
    private final MoreArrows more = new MoreArrows(this::panBy, arrow -> getChildren().add(arrow));

    private void panBy(double dx, double dy) {
        keepsFit = false;
        pan.setX(pan.getX() + dx);
        pan.setY(pan.getY() + dy);
    }

    private void updateMoreArrows() {
        double s = zoom.getX();
        double w = scene == null ? 0 : scene.layout().width() * s;
        double h = scene == null ? 0 : scene.layout().height() * s;
        more.update(pan.getX(), pan.getY(), w, h, getWidth(), getHeight(), this::coveredBy);
    }

    /** What a rectangle of this view covers of the graph as drawn now: a box, an edge label's room, or nothing. */
    private MoreArrows.Covered coveredBy(double x, double y, double w, double h) {
        if (scene == null) {
            return MoreArrows.Covered.NOTHING;
        }
        double s = zoom.getX();
        // a few pixels of room, so an arrow never touches a box's border (drawn just outside its layout box)
        double gap = 4;
        double[] view = {x - gap, y - gap, w + 2 * gap, h + 2 * gap};
        for (PlacedNode p : scene.layout().nodes().values()) {
            if (overlaps(view, p.x(), p.y(), p.width(), p.height(), s)) {
                return MoreArrows.Covered.A_BOX;
            }
        }
        for (backprop.ui.layout.RoutedEdge r : scene.layout().edges().values()) {
            LayoutPoint at = EdgeView.labelAt(r);
            if (overlaps(view, at.x(), at.y(), EdgeView.labelWidthOf(r), GraphScene.LABEL_HEIGHT, s)) {
                return MoreArrows.Covered.AN_EDGE_LABEL;
            }
        }
        return MoreArrows.Covered.NOTHING;
    }

    /** Whether the view rectangle {x, y, w, h} overlaps the graph's rectangle (gx, gy, gw, gh) at zoom s. */
    private boolean overlaps(double[] view, double gx, double gy, double gw, double gh, double s) {
        double px = gx * s + pan.getX();
        double py = gy * s + pan.getY();
        return view[0] < px + gw * s && px < view[0] + view[2] && view[1] < py + gh * s && py < view[1] + view[3];
    }

    /** Zooms by {@code factor} keeping the point (x, y) of the view where it is. */
    public void zoomBy(double factor, double x, double y) {
        keepsFit = false;
        double s = Math.max(0.1, Math.min(6, zoom.getX() * factor));
        double applied = s / zoom.getX();
        pan.setX(x - (x - pan.getX()) * applied);
        pan.setY(y - (y - pan.getY()) * applied);
        zoom.setX(s);
        zoom.setY(s);
    }

    public void zoomBy(double factor) {
        zoomBy(factor, getWidth() / 2, getHeight() / 2);
    }

    /**
     * While the zoom changes, a big graph's cached views are scaled as bitmaps (soft, but one blit each);
     * once it has been still for {@link #ZOOM_SETTLE}, they are drawn again, sharp, at the new zoom.
     * Re-rasterising ~500 views on every frame of a wheel zoom had made it a 10 fps zoom.
     */
    private void zooming() {
        if (!isBig(scene)) {
            return;
        }
        if (zoomSettle.getStatus() != javafx.animation.Animation.Status.RUNNING) {
            setCacheHints(javafx.scene.CacheHint.SCALE);
        }
        zoomSettle.playFromStart();
    }

    static final Duration ZOOM_SETTLE = Duration.millis(200);
    private final javafx.animation.PauseTransition zoomSettle = settle();

    private javafx.animation.PauseTransition settle() {
        javafx.animation.PauseTransition p = new javafx.animation.PauseTransition(ZOOM_SETTLE);
        p.setOnFinished(e -> setCacheHints(javafx.scene.CacheHint.QUALITY));
        return p;
    }

    private void setCacheHints(javafx.scene.CacheHint hint) {
        for (NodeView v : nodes.values()) {
            v.setCacheHint(hint);
        }
        for (EdgeView e : edges.values()) {
            e.label.setCacheHint(hint);
        }
    }

    /** Whether a zoom is in progress (cached views scaled, not yet redrawn sharp). */
    public boolean zoomSettling() {
        return zoomSettle.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }

    /** Scales and centres the whole graph in the view (never above 1.6×, so small graphs are not blown up). */
    public void fit() {
        if (scene == null || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double w = scene.layout().width();
        double h = scene.layout().height();
        double s = Math.min(1.6, Math.min(getWidth() / w, getHeight() / h) * 0.96);
        zoom.setX(s);
        zoom.setY(s);
        pan.setX((getWidth() - w * s) / 2);
        pan.setY((getHeight() - h * s) / 2);
        fitted = true;
        keepsFit = true;
    }

    /**
     * The view changed size and nobody has zoomed or panned: the whole graph again if it can be read
     * whole; too narrow for that, the readable zoom (no taller than the view) on the current step
     * (the training workspace opening beside a fitted apple graph had shrunk its numbers to 11 px).
     * Widening fits it whole again. A view too short keeps the graph whole: its height changes with
     * the chain rule under it at every step, and a graph that jumped in and out of view would lose the class.
     */
    private void refitAfterResize() {
        if (keepsFit && fitted) {
            fit();
            double asTallAsTheView = getHeight() / scene.layout().height() * 0.96;
            if (zoom.getX() < READABLE_ZOOM && asTallAsTheView > zoom.getX()) {
                showReadable(Math.min(READABLE_ZOOM, asTallAsTheView)); // keepsFit stays: wider fits again
            }
        } else {
            fitOnFirstLayout();
        }
    }

    /**
     * A graph too big to read when fitted opens at a readable zoom on its inputs; stepping then pans
     * along (see {@link #follow}). F still fits the whole graph.
     */
    private void fitOnFirstLayout() {
        if (fitted || scene == null || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        fit();
        if (zoom.getX() < READABLE_ZOOM) {
            keepsFit = false; // showing the inputs at a readable zoom, not the whole graph
            showReadable(READABLE_ZOOM);
        }
    }

    /** Zoom {@code s}, on the inputs, or on the current step when there is one. */
    private void showReadable(double s) {
        zoom.setX(s);
        zoom.setY(s);
        pan.setX(0);
        pan.setY((getHeight() - scene.layout().height() * s) / 2);
        Moment m = model.moment();
        if (m != null && m.trace().graph() == scene.graph()) {
            follow(m); // opened at a later step (a snapshot, a scrub): show that step
        }
    }

    /** Keeps the node of the current step on screen: pans (never zooms) when it is outside the view. */
    private void follow(Moment m) {
        if (m.current() == null || getWidth() <= 0) {
            return;
        }
        PlacedNode p = placedBoxOf(m.current().node());
        if (p == null) {
            return;
        }
        double s = zoom.getX();
        double left = p.x() * s + pan.getX();
        double top = p.y() * s + pan.getY();
        double margin = 30;
        if (left < margin || left + p.width() * s > getWidth() - margin) {
            pan.setX(getWidth() / 2 - (p.x() + p.width() / 2) * s);
        }
        if (top < margin || top + p.height() * s > getHeight() - margin) {
            pan.setY(getHeight() / 2 - (p.y() + p.height() / 2) * s);
        }
    }

    /**
     * Where a node is drawn: its box, or in the neuron view, where a weight matrix has none (its
     * numbers are on the edges), the box of the op it feeds; null when neither is drawn.
     */
    private PlacedNode placedBoxOf(int node) {
        String box = scene.boxOf(node);
        if (box == null) {
            for (int consumer : scene.graph().consumers(node)) {
                box = scene.boxOf(consumer);
                if (box != null) {
                    break;
                }
            }
        }
        return box == null ? null : scene.layout().nodes().get(box);
    }

    /**
     * After the view's height changed by {@code dh}: a graph as tall as the view or less is centred in
     * it; in a taller one the current step's node and its inputs are moved into view as little as
     * needed; with no step (or one too tall to show whole), the middle stays.
     */
    private void keepStepInView(double dh) {
        if (scene == null) {
            return;
        }
        double s = zoom.getY();
        if (scene.layout().height() * s <= getHeight()) {
            pan.setY((getHeight() - scene.layout().height() * s) / 2);
            return;
        }
        Moment m = model.moment();
        if (m == null || m.current() == null || m.trace().graph() != scene.graph()) {
            pan.setY(pan.getY() + dh / 2);
            return;
        }
        int node = m.current().node();
        double top = Double.MAX_VALUE;
        double bottom = -Double.MAX_VALUE;
        java.util.List<Integer> shown = new java.util.ArrayList<>(scene.graph().node(node).inputs());
        shown.add(node);
        for (int id : shown) {
            String box = scene.boxOf(id);
            PlacedNode p = box == null ? null : scene.layout().nodes().get(box);
            if (p != null) {
                top = Math.min(top, p.y() * s + pan.getY());
                bottom = Math.max(bottom, (p.y() + p.height()) * s + pan.getY());
            }
        }
        double margin = 12;
        if (top == Double.MAX_VALUE || bottom - top > getHeight() - 2 * margin) {
            pan.setY(pan.getY() + dh / 2);
        } else if (bottom > getHeight() - margin) {
            pan.setY(pan.getY() - (bottom - (getHeight() - margin)));
        } else if (top < margin) {
            pan.setY(pan.getY() + (margin - top));
        }
    }

    /** Where the drawn graph lies, in this view's coordinates. */
    public javafx.geometry.Bounds contentBoundsInView() {
        return content.getBoundsInParent();
    }

    public double zoomFactor() {
        return zoom.getX();
    }

    /** Where the top of the laid-out graph is, in this view's coordinates (its vertical pan). */
    public double graphTopInView() {
        return pan.getY();
    }

    @Override
    protected void layoutChildren() {
        // children are placed by the layout, not by the region
    }
}

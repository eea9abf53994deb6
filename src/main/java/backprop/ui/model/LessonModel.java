package backprop.ui.model;

import backprop.engine.Graph;
import backprop.engine.ModelState;
import backprop.engine.Optimizer;
import backprop.engine.Step;
import backprop.engine.Step.BackwardStep;
import backprop.engine.Step.EdgeGradient;
import backprop.engine.Trace;
import backprop.engine.UpdateOrder;
import backprop.engine.program.ProgramException;
import backprop.engine.program.ProgramParser;
import backprop.scenarios.Scenario;
import backprop.scenarios.Scenarios;
import backprop.ui.chain.ChainRule;
import backprop.ui.chain.EdgeRef;
import backprop.ui.graph.GraphScene;
import backprop.ui.graph.ViewMode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The state every panel observes, in one place: the lesson, the values of its leaves, the recorded
 * trace, the step cursor, the view mode and the selection. Heavy work (recording a trace, laying a
 * graph out) runs on {@code worker}; results are applied through {@code ui} (the FX thread in the app,
 * the calling thread in tests, which need no toolkit).
 */
public final class LessonModel {
    private final Executor worker;
    private final Executor ui;
    private final AtomicLong generation = new AtomicLong();
    /** The request whose trace is shown (or whose error is), on the FX thread. */
    private long shownGeneration;

    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyObjectWrapper<ModelState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ObjectProperty<Optimizer> optimizer = new SimpleObjectProperty<>(this, "optimizer", new Optimizer.Sgd(0.1));
    private final ObjectProperty<UpdateOrder> updateOrder = new SimpleObjectProperty<>(this, "updateOrder", UpdateOrder.SIMULTANEOUS);
    private final ReadOnlyObjectWrapper<Trace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final IntegerProperty cursor = new SimpleIntegerProperty(this, "cursor", 0);
    private final ReadOnlyObjectWrapper<Moment> moment = new ReadOnlyObjectWrapper<>(this, "moment");
    private final ObjectProperty<ViewMode> viewMode = new SimpleObjectProperty<>(this, "viewMode", ViewMode.OPERATIONS);
    private final ReadOnlyObjectWrapper<GraphScene> scene = new ReadOnlyObjectWrapper<>(this, "scene");
    private final IntegerProperty selectedNode = new SimpleIntegerProperty(this, "selectedNode", -1);
    /** Of the selected node, the element picked (a weight's line in the neuron view), row-major; -1 for all of it. */
    private final IntegerProperty selectedElement = new SimpleIntegerProperty(this, "selectedElement", -1);
    private final ObjectProperty<EdgeRef> selectedEdge = new SimpleObjectProperty<>(this, "selectedEdge");
    private final javafx.beans.property.ReadOnlyStringWrapper program = new javafx.beans.property.ReadOnlyStringWrapper(this, "program");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final ReadOnlyStringWrapper formulaError = new ReadOnlyStringWrapper(this, "formulaError", "");
    private final java.util.Deque<ModelState> undo = new java.util.ArrayDeque<>();
    private final java.util.Deque<ModelState> redo = new java.util.ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo", false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo", false);
    /** The lesson as loaded, before weight decay was added to its loss. */
    private Lesson baseLesson;
    private double weightDecay;
    /** The state most recently asked for; the state property follows once its trace is recorded. */
    private ModelState latestState;
    private Lesson latestLesson;
    /** While a new lesson's trace takes the old one's place (its selection is let go, then its first moment shown). */
    private boolean replacingLesson;
    /** Set while {@link #chooseElement} clears the element on its way to the chosen one. */
    private boolean choosing;

    public LessonModel(Executor worker, Executor ui) {
        this.worker = worker;
        this.ui = ui;
        cursor.addListener((obs, was, now) -> refreshMoment());
        selectedNode.addListener((obs, was, now) -> selectedElement.set(-1));
        selectedElement.addListener((obs, was, now) -> {
            if (!replacingLesson && !choosing) {
                refreshMoment(); // the chain rule follows the chosen element
            }
        });
        viewMode.addListener((obs, was, now) -> relayout());
        optimizer.addListener((obs, was, now) -> rerecord());
        updateOrder.addListener((obs, was, now) -> rerecord());
    }

    // --- what is taught -------------------------------------------------------------------------

    public void load(Scenario s) {
        Scenario.Defaults d = s.defaults();
        optimizer.set(backprop.engine.Optimizers.create(d.optimizer(), d.learningRate(), null, null, null, null));
        updateOrder.set(d.order());
        // a network of scalar units opens as seed 000's figures draw it (circles, weights on the edges); a
        // network of matrix layers as its seeds draw it, as operations (its neuron view is a click away)
        viewMode.set(GraphScene.hasScalarUnits(s.graph()) ? ViewMode.NEURONS : ViewMode.OPERATIONS);
        start(Lesson.of(s), s.graph().initialState());
    }

    public void load(String scenarioId) {
        load(Scenarios.byId(scenarioId).orElseThrow(() -> new IllegalArgumentException("no scenario " + scenarioId)));
    }

    /**
     * Parses a program and shows it; on a mistake, {@link #formulaErrorProperty()} says what and where and
     * the current lesson stays.
     */
    public void runProgram(String text) {
        Graph g;
        try {
            g = ProgramParser.parse(text);
        } catch (ProgramException e) {
            formulaError.set(e.getMessage());
            return;
        }
        formulaError.set("");
        start(Lesson.ofProgram(text, g), g.initialState());
    }

    /** Replaces the leaf values without an undo entry (a view of an earlier iteration, say). */
    public void setState(ModelState s) {
        show(latestLesson, s);
    }

    /** An edit or a training run: the new leaf values, undoable with {@link #undo()}. */
    public void commit(ModelState s) {
        if (latestState == null || s.equals(latestState)) {
            return;
        }
        gesture = null;
        undo.push(latestState);
        redo.clear();
        updateHistoryFlags();
        show(latestLesson, s);
    }

    /**
     * A value typed or dragged on the graph on screen: element {@code k} (row-major; 0 for a number) of
     * leaf {@code node} of {@code graph} becomes {@code v}, as an undoable edit ({@code gesture} null) or
     * as a step of a gesture (see {@link #nudge}). Dropped while another lesson is on its way: the node
     * ids of the graph on screen mean nothing in it.
     */
    public void edit(Graph graph, int node, int k, double v, Object gesture) {
        ModelState s = latestStateOf(graph);
        if (s == null) {
            return;
        }
        ModelState next = s.withValue(node, s.value(node).with(k, v));
        if (gesture == null) {
            commit(next);
        } else {
            nudge(next, gesture);
        }
    }

    /** The gesture of the last {@link #nudge} and the values it left, while nothing else has changed them. */
    private Object gesture;
    private ModelState gestureResult;

    /**
     * An edit that is one step of a gesture (a drag, a burst of scrolls on one value): the first step
     * is an undoable edit like {@link #commit}; the next steps of the same gesture, with no other edit
     * in between, replace its result, so one Ctrl+Z undoes the whole gesture.
     *
     * @param gesture an object standing for the gesture, compared with equals
     */
    public void nudge(ModelState s, Object gesture) {
        if (latestState == null || s.equals(latestState)) {
            return;
        }
        boolean continuing = gesture.equals(this.gesture) && latestState == gestureResult;
        if (continuing) {
            redo.clear();
            show(latestLesson, s);
        } else {
            commit(s);
        }
        this.gesture = gesture;
        gestureResult = s;
    }

    /** Back to the values before the last edit or training run; false when there is none. */
    public boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        redo.push(latestState);
        show(latestLesson, undo.pop());
        updateHistoryFlags();
        return true;
    }

    public boolean redo() {
        if (redo.isEmpty()) {
            return false;
        }
        undo.push(latestState);
        show(latestLesson, redo.pop());
        updateHistoryFlags();
        return true;
    }

    /** The lesson's initial values, as an undoable edit. */
    public void resetValues() {
        if (latestLesson != null) {
            commit(latestLesson.graph().initialState());
        }
    }

    /** New weights drawn from {@code seed} (see {@link Scenarios#randomWeights}), as an undoable edit. */
    public void randomize(long seed) {
        if (latestLesson != null) {
            commit(Scenarios.randomWeights(latestLesson.id(), latestLesson.graph(), latestState, seed));
        }
    }

    /** The leaf values most recently set, even if their trace is still being recorded. */
    public ModelState latestState() {
        return latestState;
    }

    /**
     * The values last asked for, if they are {@code graph}'s; null while another lesson is on its way
     * (what is on screen is about to go: an edit made on it now has no lesson to go to, and its node ids
     * mean nothing in the next one).
     */
    public ModelState latestStateOf(Graph graph) {
        return latestLesson != null && latestLesson.graph() == graph ? latestState : null;
    }

    private void updateHistoryFlags() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    /**
     * Adds λ/2·Σw² for every weight to the loss (λ > 0) or takes it away (λ = 0), keeping the current
     * values and the undo history: the penalty adds op nodes after the lesson's own and no leaves, so
     * every earlier state carries over ({@link ModelState#resizedFor}). Undo then goes back through the
     * edits and runs; the setting itself stays (like the optimizer, it is not an edit of the values).
     */
    public void setWeightDecay(double lambda) {
        if (baseLesson == null || lambda == weightDecay) {
            return;
        }
        Graph g = lambda > 0 ? backprop.engine.GraphBuilder.withWeightDecay(baseLesson.graph(), lambda) : baseLesson.graph();
        String title = baseLesson.title() + (lambda > 0 ? " + weight decay λ=" + backprop.ui.text.Numbers.format(lambda) : "");
        Lesson l = new Lesson(title, g, baseLesson.scenario(), baseLesson.program());
        weightDecay = lambda;
        java.util.List<ModelState> undone = new java.util.ArrayList<>(undo);
        java.util.List<ModelState> redone = new java.util.ArrayList<>(redo);
        show(l, latestState.resizedFor(g).withoutOptimizerMemory());
        undone.forEach(st -> undo.addLast(st.resizedFor(g)));
        redone.forEach(st -> redo.addLast(st.resizedFor(g)));
        updateHistoryFlags();
    }

    public double weightDecay() {
        return weightDecay;
    }

    /** A new lesson (not the same one with or without weight decay). */
    private void start(Lesson l, ModelState s) {
        baseLesson = l;
        weightDecay = 0;
        show(l, s);
    }

    private void show(Lesson l, ModelState s) {
        if (l.program() != null) {
            program.set(l.formulaWith(s)); // now, not when the trace is ready: see programProperty
        }
        if (l != latestLesson) {
            undo.clear();
            redo.clear();
            updateHistoryFlags();
        }
        latestLesson = l;
        latestState = s;
        long gen = generation.incrementAndGet();
        ViewMode mode = viewMode.get();
        Optimizer opt = optimizer.get();
        UpdateOrder order = updateOrder.get();
        boolean sameGraph = lesson.get() != null && lesson.get().graph() == l.graph() && scene.get() != null;
        CompletableFuture.supplyAsync(() -> {
            Trace t = Trace.record(l.graph(), s, opt, order);
            GraphScene sc = sameGraph ? null : GraphScene.of(l.graph(), mode);
            return new Object[] {t, sc};
        }, worker).thenAcceptAsync(r -> {
            if (gen != generation.get()) {
                return; // a newer request superseded this one
            }
            shownGeneration = gen;
            boolean newLesson = lesson.get() != l;
            lesson.set(l);
            state.set(s);
            if (r[1] != null) {
                scene.set((GraphScene) r[1]);
            }
            if (newLesson) {
                // the old trace's moment is not written again for the element let go: the new one follows
                replacingLesson = true;
                try {
                    selectedNode.set(-1);
                    selectedEdge.set(null);
                } finally {
                    replacingLesson = false;
                }
            }
            Trace t = (Trace) r[0];
            trace.set(t);
            int keep = newLesson ? 0 : Math.min(cursor.get(), t.size());
            if (cursor.get() == keep) {
                refreshMoment();
            } else {
                cursor.set(keep);
            }
        }, ui).exceptionally(e -> {
            ui.execute(() -> {
                if (gen == generation.get()) {
                    shownGeneration = gen;
                }
                formulaError.set(String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            });
            return null;
        });
    }

    private void rerecord() {
        if (latestLesson != null) {
            show(latestLesson, latestState);
        }
    }

    private void relayout() {
        Lesson l = latestLesson; // may still be on its way to the screen: the worker keeps the order
        if (l == null) {
            return;
        }
        ViewMode mode = viewMode.get();
        CompletableFuture.supplyAsync(() -> GraphScene.of(l.graph(), mode), worker)
                .thenAcceptAsync(sc -> {
                    if (latestLesson == l && viewMode.get() == mode) {
                        scene.set(sc);
                    }
                }, ui);
    }

    // --- stepping ---------------------------------------------------------------------------------

    public void stepForward() {
        if (trace.get() != null && cursor.get() < trace.get().size()) {
            cursor.set(cursor.get() + 1);
        }
    }

    public void stepBack() {
        if (cursor.get() > 0) {
            cursor.set(cursor.get() - 1);
        }
    }

    /** To the end of the forward pass: the loss computed, no gradient yet beyond ∂L/∂L. */
    public void toForwardEnd() {
        if (trace.get() != null) {
            cursor.set(trace.get().lossIndex() + 1);
        }
    }

    /** To the end of the iteration: every gradient and update done. */
    public void toEnd() {
        if (trace.get() != null) {
            cursor.set(trace.get().size());
        }
    }

    public void reset() {
        playing.set(false);
        cursor.set(0);
    }

    /** Whether a lesson or an edit is still being recorded on the worker: its trace is not on screen yet. */
    public boolean isLoading() {
        return generation.get() != shownGeneration;
    }

    public boolean atEnd() {
        return trace.get() == null || cursor.get() >= trace.get().size();
    }

    private void refreshMoment() {
        Trace t = trace.get();
        if (t == null) {
            return;
        }
        int applied = Math.min(cursor.get(), t.size());
        Step current = applied == 0 ? null : t.step(applied - 1);
        Map<EdgeRef, EdgeGradient> edges = new HashMap<>();
        for (int i = 0; i < applied; i++) {
            if (t.step(i) instanceof BackwardStep b) {
                for (EdgeGradient e : b.edges()) {
                    edges.put(new EdgeRef(b.node(), e.slot()), e);
                }
            }
        }
        int element = selectedElement.get();
        ChainRule.Focus focus = element >= 0 && selectedNode.get() >= 0 ? new ChainRule.Focus(selectedNode.get(), element) : null;
        moment.set(new Moment(t, applied, t.frameAt(applied), current, phaseOf(current), Map.copyOf(edges),
                ChainRule.at(t, applied, optimizer.get(), focus)));
    }

    private static Moment.Phase phaseOf(Step s) {
        if (s == null) {
            return Moment.Phase.START;
        }
        if (s instanceof Step.ForwardStep) {
            return Moment.Phase.FORWARD;
        }
        if (s instanceof Step.LossStep) {
            return Moment.Phase.LOSS;
        }
        return s instanceof BackwardStep ? Moment.Phase.BACKWARD : Moment.Phase.UPDATE;
    }

    // --- properties -------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Lesson> lessonProperty() { return lesson.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ModelState> stateProperty() { return state.getReadOnlyProperty(); }
    public ObjectProperty<Optimizer> optimizerProperty() { return optimizer; }
    public ObjectProperty<UpdateOrder> updateOrderProperty() { return updateOrder; }
    public ReadOnlyObjectProperty<Trace> traceProperty() { return trace.getReadOnlyProperty(); }
    public IntegerProperty cursorProperty() { return cursor; }
    public ReadOnlyObjectProperty<Moment> momentProperty() { return moment.getReadOnlyProperty(); }
    public ObjectProperty<ViewMode> viewModeProperty() { return viewMode; }
    public ReadOnlyObjectProperty<GraphScene> sceneProperty() { return scene.getReadOnlyProperty(); }
    public IntegerProperty selectedNodeProperty() { return selectedNode; }
    public IntegerProperty selectedElementProperty() { return selectedElement; }

    /**
     * Selects {@code node} and chooses its element {@code element} (row-major) for the chain rule, with
     * one new moment (set one after the other, the node's change and the element's made two, each a
     * chain rule written and typeset). Choosing the element chosen already is news too: the inspector
     * marks its cell and gives its field the focus again.
     */
    public void chooseElement(int node, int element) {
        if (element < 0) {
            throw new IllegalArgumentException("element " + element + ": to choose none, set selectedElement to -1");
        }
        choosing = true;
        try {
            selectedNode.set(node);
            selectedElement.set(-1);
        } finally {
            choosing = false;
        }
        selectedElement.set(element);
    }
    public ObjectProperty<EdgeRef> selectedEdgeProperty() { return selectedEdge; }
    public DoubleProperty speedProperty() { return speed; }
    public BooleanProperty playingProperty() { return playing; }
    public ReadOnlyStringProperty formulaErrorProperty() { return formulaError.getReadOnlyProperty(); }
    /**
     * The program of the last lesson asked for that has one, written with the values last asked for
     * (edits, training, undo), set when they are asked for: the formula box
     * shows it then, while the old graph still stands, rather than in the first frames of the new one
     * (laying out a 200-line program took a frame of its own).
     */
    public ReadOnlyStringProperty programProperty() { return program.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canUndoProperty() { return canUndo.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canRedoProperty() { return canRedo.getReadOnlyProperty(); }

    public Lesson lesson() { return lesson.get(); }
    public Trace trace() { return trace.get(); }
    public Moment moment() { return moment.get(); }
    public GraphScene scene() { return scene.get(); }
}

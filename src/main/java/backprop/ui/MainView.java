package backprop.ui;

import backprop.scenarios.Scenarios;
import backprop.ui.chain.ChainRulePanel;
import backprop.ui.graph.GraphView;
import backprop.ui.graph.ViewMode;
import backprop.ui.model.FormulaBox;
import backprop.ui.model.LessonModel;
import backprop.ui.training.TrainingModel;
import backprop.ui.training.TrainingPanel;
import javafx.scene.control.ScrollPane;
import java.util.concurrent.Executor;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The window's content: scenario picker and view toggle, formula box and inspector, graph, stepper, chain rule. */
public final class MainView extends BorderPane {
    /** What the picker shows for a program typed in the formula box. */
    static final String FORMULA_ID = "formula";

    private final LessonModel model;
    private final GraphView graph;
    private final StepperBar stepper;
    private final ChainRulePanel chainRule;
    private final ComboBox<String> picker = new ComboBox<>();
    private final TextArea formula = new TextArea();
    private final FormulaBox formulaBox;
    private final java.util.function.Supplier<TrainingModel> trainingFactory;
    private final ToggleButton trainingToggle = new ToggleButton("Training");
    private final ToggleButton sidebarToggle = new ToggleButton("Formula");
    private VBox sidebar;
    private ScrollPane trainingSide;
    /** The graph with the stepper and the chain rule under it. */
    private final BorderPane centre;
    private TrainingPanel trainingPanel;
    /** One inspector: in the sidebar while it shows, else on a card over the graph (see {@link #placeInspector}). */
    private final InspectorPanel inspector;
    private final ScrollPane inspectorInSidebar = InspectorPanel.scrollingHome();
    // its scroll pane, like the sidebar's, leaves the arrow keys to stepping
    private final InspectorCard inspectorCard = new InspectorCard(this::clearSelection, this::leaveTheKeysToStepping);
    private final javafx.scene.layout.StackPane graphArea;
    /**
     * Undo and redo, initial values, the seed: in the training workspace while it shows (the sidebar may be
     * hidden, and they are about the weights being trained), else in the sidebar.
     */
    private final VBox valuesInSidebar = new VBox(8);
    private final HBox historyInSidebar = new HBox(6);
    private final HBox undoRedo = new HBox(6);
    private Button resetValues;
    private VBox seedRow;
    private final HBox valuesInTraining = new HBox(14);
    private HBox trainingHeading;

    /** The window without training (snapshots of a step, tests of the graph alone). */
    public MainView(LessonModel model, Executor texRenderer) {
        this(model, (java.util.function.Supplier<TrainingModel>) null, texRenderer);
    }

    public MainView(LessonModel model, TrainingModel training, Executor texRenderer) {
        this(model, () -> training, texRenderer);
    }

    /**
     * @param training makes the training workspace shown on the right when a lesson with weights first
     *                 needs it (so start-up does not pay for it), or null for none
     */
    public MainView(LessonModel model, java.util.function.Supplier<TrainingModel> training, Executor texRenderer) {
        this.model = model;
        this.trainingFactory = training;
        formulaBox = new FormulaBox(model);
        setId("mainView");
        getStyleClass().add("main-view");
        graph = new GraphView(model);
        stepper = new StepperBar(model);
        chainRule = new ChainRulePanel(model, texRenderer);
        leaveTheKeysToStepping((ScrollPane) chainRule.lookup("#chainScroll"));
        leaveTheKeysToStepping(inspectorInSidebar);
        inspector = new InspectorPanel(model);
        inspector.setBackToGraph(graph::requestFocus);
        graphArea = new javafx.scene.layout.StackPane(graph, inspectorCard);

        setTop(toolbar());
        sidebar = sidebar();
        setLeft(sidebar);
        model.selectedNodeProperty().addListener((obs, was, now) -> placeInspector());
        model.selectedEdgeProperty().addListener((obs, was, now) -> placeInspector());
        // stepping sits under the graph only, so the training workspace on the right gets the full height
        centre = new BorderPane(graphArea);
        if (trainingFactory != null) {
            // a lesson with weights opens the workspace; one without (the apple graph) gives the graph the room
            model.lessonProperty().addListener((obs, was, now) -> {
                boolean trains = now != null && !now.graph().params().isEmpty();
                if (now != null && now.program() != null && getLeft() != null) {
                    // drawn from the formula box: the teacher is typing there, so the box stays (a formula
                    // with a param closed it at every Ctrl+Enter); the workspace opens if there is room
                    showTraining(trains);
                    if (trains && !bothPanelsFit()) {
                        showTraining(false);
                    }
                    return;
                }
                showTraining(trains);
                // on a small screen the graph needs the room more than the formula box does
                showSidebar(!trains || getWidth() >= 1500 || getWidth() == 0 && getPrefWidth() >= 1500);
            });
        }
        // a window narrowed with both panels open: the formula box gives way, as when a lesson opens (above)
        widthProperty().addListener((obs, was, now) -> {
            if (getLeft() != null && getRight() != null && !bothPanelsFit()) {
                showSidebar(false);
            }
        });
        // the stepper at the window's bottom edge: above the chain rule it moved up as the formula grew, and a
        // teacher clicking Step ▶ again and again clicked the formula instead
        VBox bottom = new VBox(internalError, chainRule, stepper);
        internalError.setId("internalError");
        internalError.getStyleClass().add("internal-error");
        internalError.setWrapText(true);
        internalError.setMaxWidth(Double.MAX_VALUE);
        internalError.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        internalError.setVisible(false);
        internalError.managedProperty().bind(internalError.visibleProperty());
        internalError.setOnMouseClicked(e -> internalError.setVisible(false));
        bottom.getStyleClass().add("bottom-panel");
        centre.setBottom(bottom);
        setCenter(centre);
        model.lessonProperty().addListener((obs, was, now) -> {
            if (now != null && !now.id().equals(picker.getValue())) {
                picker.setValue(now.id());
            }
        });
        // a formula that cannot be drawn says why by the box: open the panel if it is hidden
        model.formulaErrorProperty().addListener((obs, was, now) -> {
            if (!now.isEmpty() && getLeft() == null) {
                showSidebar(true);
            }
        });
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                installShortcuts(now);
            }
        });
    }

    private final Label internalError = new Label();

    /**
     * Says that the app's own code failed (a bug: JavaFX caught what a listener threw and went on, so
     * part of the window may be stale) instead of leaving the class looking at a wrong picture. The
     * lesson, its values and the charts are untouched. Clicking the message hides it.
     */
    public void showInternalError(Throwable failure) {
        StackTraceElement where = failure.getStackTrace().length > 0 ? failure.getStackTrace()[0] : null;
        internalError.setText("Something went wrong inside the app (" + failure.getClass().getSimpleName()
                + (where == null ? "" : " in " + where.getClassName().replaceAll(".*\\.", "") + "." + where.getMethodName())
                + "), so part of the window may be out of date. Your lesson and values are kept: step, or choose "
                + "the example again, to go on. Please report it. (Click to hide.)");
        internalError.setVisible(true);
    }

    /** The narrowest window whose toolbar shows the app's name (1024 px does not: see toolbar()). */
    static final double NAME_IN_TOOLBAR_FROM_WIDTH = 1200;

    private ToolBar toolbar() {
        Label title = new Label("Backprop Visualizer");
        title.getStyleClass().add("app-title");
        picker.setId("scenarioPicker");
        picker.setTooltip(new Tooltip("Choose an example from the seed posts, or your own formula"));
        picker.getItems().addAll(Scenarios.ids());
        picker.getItems().add(FORMULA_ID); // from the start: adding it when a formula is first drawn relaid the list out in that frame
        picker.setCellFactory(list -> new ScenarioCell(true));
        picker.setButtonCell(new ScenarioCell(false)); // the title alone fits the closed picker; the list adds the id
        picker.setOnAction(e -> {
            String id = picker.getValue();
            if (id == null || (model.lesson() != null && id.equals(model.lesson().id()))) {
                return;
            }
            if (id.equals(FORMULA_ID)) {
                // the box may show the example's formula: "Your formula" is the user's own
                formulaBox.drawUsersFormula();
                if (!model.formulaErrorProperty().get().isEmpty() && model.lesson() != null) {
                    // not drawn: the picker goes back to what is on screen (the message shows by the box)
                    String onScreen = model.lesson().id();
                    javafx.application.Platform.runLater(() -> picker.setValue(onScreen));
                }
            } else {
                model.load(id);
            }
        });
        ToggleGroup views = new ToggleGroup();
        ToggleButton ops = new ToggleButton("Operations");
        ops.setId("opsViewButton");
        ops.setTooltip(new Tooltip("One node per multiply, add, sigmoid"));
        ToggleButton neurons = new ToggleButton("Neurons");
        neurons.setId("neuronViewButton");
        neurons.setTooltip(new Tooltip("Units as circles, weights on the edges (networks only)"));
        ops.setToggleGroup(views);
        neurons.setToggleGroup(views);
        ops.setSelected(model.viewModeProperty().get() == ViewMode.OPERATIONS);
        neurons.setSelected(model.viewModeProperty().get() == ViewMode.NEURONS);
        views.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one view is always chosen
                return;
            }
            model.viewModeProperty().set(now == neurons ? ViewMode.NEURONS : ViewMode.OPERATIONS);
        });
        model.viewModeProperty().addListener((obs, was, now) -> (now == ViewMode.NEURONS ? neurons : ops).setSelected(true));
        // a disabled button shows no tooltip: its holder says why there is no neuron view
        HBox neuronsHolder = new HBox(neurons);
        neuronsHolder.setId("neuronViewHolder");
        Tooltip whyNot = new Tooltip("No neuron view for this graph: it has no units (a net of scalar units, or dense"
                + " layers of at most " + backprop.ui.graph.GraphScene.MAX_LAYER_WEIGHTS + " weights in all)");
        model.sceneProperty().addListener((obs, was, now) -> {
            boolean none = now == null || !backprop.ui.graph.GraphScene.hasUnits(now.graph());
            neurons.setDisable(none);
            if (none) {
                Tooltip.install(neuronsHolder, whyNot);
            } else {
                Tooltip.uninstall(neuronsHolder, whyNot);
            }
        });
        for (ToggleButton b : new ToggleButton[] {ops, neurons}) {
            b.setFocusTraversable(false);
        }
        Button fit = new Button("Fit");
        fit.setId("fitButton");
        fit.setFocusTraversable(false);
        fit.setTooltip(new Tooltip("Fit the graph to the window (F); zoom with the wheel or Ctrl +/−, drag to pan"));
        fit.setOnAction(e -> graph.fit());
        picker.setFocusTraversable(false);
        picker.setPrefWidth(270);
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        trainingToggle.setId("trainingToggle");
        trainingToggle.setFocusTraversable(false);
        trainingToggle.setTooltip(new Tooltip("Show or hide the training workspace: optimizer, runs, loss curve"));
        trainingToggle.setOnAction(e -> {
            showTraining(trainingToggle.isSelected());
            if (trainingToggle.isSelected() && getLeft() != null && !bothPanelsFit()) {
                showSidebar(false); // the panel just asked for wins
            }
        });
        trainingToggle.setVisible(trainingFactory != null);
        trainingToggle.setManaged(trainingFactory != null);
        sidebarToggle.setId("sidebarToggle");
        sidebarToggle.setFocusTraversable(false);
        sidebarToggle.setSelected(true);
        sidebarToggle.setTooltip(new Tooltip("Show or hide the formula box, the values and the inspector"));
        sidebarToggle.setOnAction(e -> {
            showSidebar(sidebarToggle.isSelected());
            if (sidebarToggle.isSelected() && getRight() != null && !bothPanelsFit()) {
                showTraining(false);
            }
        });
        // below this width the bar would push Fit (then Training) into an overflow menu: the window's own
        // title bar names the app, so the name here goes first
        Separator afterTitle = new Separator(Orientation.VERTICAL);
        title.visibleProperty().bind(widthProperty().greaterThanOrEqualTo(NAME_IN_TOOLBAR_FROM_WIDTH));
        title.managedProperty().bind(title.visibleProperty());
        afterTitle.visibleProperty().bind(title.visibleProperty());
        afterTitle.managedProperty().bind(title.visibleProperty());
        return new ToolBar(title, afterTitle, new Label("Example"), picker,
                new Separator(Orientation.VERTICAL), ops, neuronsHolder, spacer, sidebarToggle, trainingToggle, fit);
    }

    /** Weight decay on or off for any lesson: λ/2·Σw² added to the loss, λ typed in. */
    private VBox weightDecayRow() {
        javafx.scene.control.CheckBox on = new javafx.scene.control.CheckBox("Weight decay  λ =");
        on.setId("weightDecayToggle");
        on.setTooltip(new Tooltip("Add λ/2·Σw² over every weight to the loss (L2 regularisation)"));
        javafx.scene.control.TextField lambda = new javafx.scene.control.TextField("0.01");
        lambda.setId("lambdaField");
        lambda.setPrefColumnCount(6);
        Label error = new Label();
        error.setId("lambdaError");
        error.getStyleClass().add("edit-error");
        error.setWrapText(true);
        error.setVisible(false);
        error.setManaged(false);
        Runnable apply = () -> {
            try {
                double v = backprop.ui.model.ValueInput.parse("λ", lambda.getText());
                if (v <= 0) {
                    throw new IllegalArgumentException("λ must be positive (turn weight decay off with the box)");
                }
                error.setVisible(false);
                error.setManaged(false);
                model.setWeightDecay(on.isSelected() ? v : 0);
            } catch (IllegalArgumentException bad) {
                error.setText(bad.getMessage() + "; λ stays " + (model.weightDecay() > 0
                        ? backprop.ui.text.Numbers.format(model.weightDecay()) : "off"));
                error.setVisible(true);
                error.setManaged(true);
                on.setSelected(model.weightDecay() > 0);
            }
        };
        on.setOnAction(e -> apply.run());
        lambda.setOnAction(e -> apply.run());
        model.lessonProperty().addListener((obs, was, now) -> on.setSelected(model.weightDecay() > 0));
        HBox row = new HBox(8, on, lambda);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(4, row, error);
        box.setPadding(new Insets(0, 10, 0, 10));
        return box;
    }

    /**
     * Whether the formula sidebar and the training workspace fit side by side with the graph and its
     * stepper at the window's width. At 1024 px they did not: the window's content grew wider than the
     * window, and the toolbar's Formula, Training and Fit went past its right edge, out of reach.
     */
    private boolean bothPanelsFit() {
        double width = getWidth();
        if (width <= 0 || trainingSide == null) {
            return true; // not laid out yet: the lesson's own choice decides (see the lesson listener)
        }
        // the border pane gives each side its preferred width and the graph what is left
        return width >= sidebar.prefWidth(-1) + trainingSide.prefWidth(-1) + centre.minWidth(-1);
    }

    private void showSidebar(boolean show) {
        sidebarToggle.setSelected(show);
        setLeft(show ? sidebar : null);
        placeInspector();
    }

    /** Moves a node to {@code home} at {@code index}, unless it is there already. */
    private static void moveTo(Pane home, int index, javafx.scene.Node node) {
        if (node.getParent() == home) {
            return;
        }
        if (node.getParent() instanceof Pane from) {
            from.getChildren().remove(node);
        }
        home.getChildren().add(index, node);
    }

    private boolean hasSelection() {
        return model.selectedNodeProperty().get() >= 0 || model.selectedEdgeProperty().get() != null;
    }

    private void clearSelection() {
        model.selectedNodeProperty().set(-1);
        model.selectedEdgeProperty().set(null);
    }

    /**
     * The value history and seed: in the training workspace when it shows (the sidebar may be hidden, and
     * they are about the weights it trains), else in the sidebar. One set of controls with two homes.
     */
    private void placeValueControls() {
        boolean training = getRight() != null;
        if (training) {
            moveTo(trainingHeading, trainingHeading.getChildren().size(), undoRedo);
            moveTo(valuesInTraining, 0, resetValues);
            moveTo(valuesInTraining, 1, seedRow);
        } else {
            moveTo(historyInSidebar, 0, undoRedo);
            moveTo(historyInSidebar, 1, resetValues);
            moveTo(valuesInSidebar, 2, seedRow);
        }
        for (javafx.scene.Node b : undoRedo.getChildren()) { // small enough for the workspace's heading line
            b.getStyleClass().remove("small");
            if (training) {
                b.getStyleClass().add("small");
            }
        }
        valuesInSidebar.setVisible(!training);
        valuesInSidebar.setManaged(!training);
    }

    /**
     * The inspector: in the sidebar when it shows, else on the card while something is selected, where it
     * covers least of the selection.
     */
    private void placeInspector() {
        if (getLeft() == null && hasSelection()) {
            inspectorInSidebar.setContent(null);
            inspectorCard.hold(inspector);
            inspectorCard.showBeside(graph.selectionBounds(), graph.getWidth(), graph.getHeight());
        } else {
            inspectorCard.setVisible(false);
            if (inspectorInSidebar.getContent() != inspector) {
                inspectorCard.release(inspector);
                inspectorInSidebar.setContent(inspector);
            }
        }
    }

    private void showTraining(boolean show) {
        trainingToggle.setSelected(show);
        if (show && trainingSide == null) {
            trainingSide = trainingSide(); // built when first needed: the apple graph starts without it
        }
        setRight(show ? trainingSide : null);
        placeValueControls();
        placeInspector();
    }

    /**
     * Shows the loss chart where a lesson with 2-D data shows its map first (the rehearsal and the
     * frame-rate bench measure the chart); false while the training panel has not been built yet.
     */
    boolean showLossCurve() {
        if (trainingPanel == null) {
            return false;
        }
        trainingPanel.showLossCurve();
        return true;
    }

    private ScrollPane trainingSide() {
        TrainingPanel panel = new TrainingPanel(trainingFactory.get());
        trainingPanel = panel;
        panel.addSettingRow(weightDecayRow());
        panel.addSettingRow(valuesInTraining); // before weight decay: where the weights start
        trainingHeading = panel.headingRow();
        panel.addAlternativeView("Output over the plane", new backprop.ui.training.DecisionBoundaryView(model),
                javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> backprop.ui.training.DecisionBoundaryView.applies(model.lesson()), model.lessonProperty()));
        VBox side = new VBox(10, panel);
        VBox.setVgrow(panel, Priority.ALWAYS);
        ScrollPane scroll = backprop.ui.fx.Scrolling.uncachedScrollPane(side);
        scroll.setId("trainingSide");
        leaveTheKeysToStepping(scroll);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setPrefWidth(410);
        scroll.setMinWidth(360);
        return scroll;
    }

    private static Button toolButton(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    static final int FORMULA_ROWS_MIN = 5;
    // apples and oranges whole; more rows leave the inspector below too little room at 1280 x 800
    static final int FORMULA_ROWS_MAX = 9;
    static final int WRAP_UP_TO_LINES = 40;

    /** The formula box's rows: one per line of the formula, two or more for a line that wraps, within bounds. */
    private void fitFormulaRows() {
        javafx.scene.text.Text one = new javafx.scene.text.Text("0");
        one.setFont(formula.getFont());
        double charWidth = Math.max(1, one.getLayoutBounds().getWidth());
        double width = formula.getWidth() - 30; // the box's insets and its scroll bar
        int columns = width <= 0 ? Integer.MAX_VALUE : Math.max(8, (int) (width / charWidth));
        int rows = 1; // n rows of a text area hold a little less than n lines: one more
        String[] lines = formula.getText().split("\n"); // not the empty line after a last newline
        for (String line : lines) {
            rows += Math.max(1, (line.length() + columns - 1) / columns);
        }
        formula.setPrefRowCount(Math.max(FORMULA_ROWS_MIN, Math.min(FORMULA_ROWS_MAX, rows)));
        // a long program scrolls anyway, and wrapping its hundreds of lines made the frame that lays the
        // box out slow (a 205-line program: 20-25 ms, docs/benchmarks.md)
        formula.setWrapText(lines.length <= WRAP_UP_TO_LINES);
    }

    private VBox sidebar() {
        Label about = new Label();
        about.setId("lessonDescription");
        about.getStyleClass().add("lesson-description");
        about.setWrapText(true);
        about.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        model.lessonProperty().addListener((obs, was, now) -> about.setText(now == null ? ""
                : now.scenario() != null ? now.scenario().description() : "Your formula, drawn from the box below."));
        Label heading = new Label();
        heading.setId("formulaHeading");
        // the example's formula while the box holds it as the graph shows it; edited, it is the user's
        heading.textProperty().bind(javafx.beans.binding.Bindings.when(formulaBox.showsExampleProperty())
                .then("This example's formula").otherwise("Your formula"));
        heading.getStyleClass().add("panel-heading");
        formula.setId("formulaInput");
        formula.setPromptText("x = 2\nparam w = 0.5\ny = sigmoid(w * x)");
        formula.textProperty().bindBidirectional(formulaBox.textProperty());
        // wrapped: a long statement (apples and oranges' price) in full, not behind a sideways scroll bar;
        // as tall as the formula, up to a point
        formula.setWrapText(true);
        formula.setPrefRowCount(FORMULA_ROWS_MIN);
        // never squeezed by the sidebar's other content (the inspector gives way): a box holding a long
        // program that changes size lays all its text out again, 20-30 ms for 200 lines
        formula.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        formula.textProperty().addListener((obs, was, now) -> fitFormulaRows());
        formula.widthProperty().addListener((obs, was, now) -> fitFormulaRows());
        formula.getStyleClass().add("formula-input");
        Button draw = new Button("Draw formula  (Ctrl+Enter)");
        draw.setId("runFormulaButton");
        draw.setMaxWidth(Double.MAX_VALUE);
        draw.setOnAction(e -> formulaBox.draw());
        formula.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                formulaBox.draw();
                e.consume();
            }
        });
        Label error = new Label();
        error.setId("formulaError");
        error.getStyleClass().add("formula-error");
        error.setWrapText(true);
        // a message is never cut short (the inspector below gives way): it says what is wrong and where
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.textProperty().bind(model.formulaErrorProperty());
        error.visibleProperty().bind(model.formulaErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        // a student who typed and forgot Ctrl+Enter is looking at the old formula's graph: say so
        Label stale = new Label("Edited: Ctrl+Enter draws the new formula");
        stale.setId("formulaEdited");
        stale.getStyleClass().add("formula-edited");
        stale.setWrapText(true);
        stale.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        stale.visibleProperty().bind(formulaBox.editedProperty());
        stale.managedProperty().bind(stale.visibleProperty());
        Label help = new Label("Statements: name = number (input), param name = number, name = expression. "
                + "+ − * / ^, exp log sqrt sigmoid tanh relu abs sin cos max(a, b).");
        help.setWrapText(true);
        help.getStyleClass().add("help-text");
        help.setTooltip(new Tooltip(help.getText())); // all of it where a short window cuts it off
        Label values = new Label("Values");
        values.getStyleClass().add("panel-heading");
        Button undo = toolButton("undoButton", "↶", "Undo the last edit or training run (Ctrl+Z)", model::undo);
        undo.disableProperty().bind(model.canUndoProperty().not());
        Button redo = toolButton("redoButton", "↷", "Redo (Ctrl+Shift+Z)", model::redo);
        redo.disableProperty().bind(model.canRedoProperty().not());
        resetValues = toolButton("resetValuesButton", "Initial values",
                "Back to the example's initial inputs and weights (undoable)", model::resetValues);
        javafx.scene.control.TextField seed = new javafx.scene.control.TextField("3");
        seed.setId("seedField");
        seed.setPrefColumnCount(4);
        String seedTip = "The seed of the random weights: the same seed gives the same weights";
        seed.setTooltip(new Tooltip(seedTip));
        Label seedError = new Label();
        seedError.setId("seedError");
        seedError.getStyleClass().add("edit-error");
        seedError.setWrapText(true);
        seedError.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrapped, not cut off
        seedError.visibleProperty().bind(seedError.textProperty().isNotEmpty());
        seedError.managedProperty().bind(seedError.visibleProperty());
        Button randomize = toolButton("randomizeButton", "Randomize", "New random weights from the seed (undoable)", () -> {
            try {
                model.randomize(Long.parseLong(seed.getText().trim()));
                seed.setStyle("");
                seed.getTooltip().setText(seedTip); // not the message of an earlier bad seed
                seedError.setText("");
            } catch (NumberFormatException bad) {
                String message = "The seed must be a whole number, not '" + seed.getText() + "'";
                seed.setStyle("-fx-border-color: #b71c1c;");
                seed.getTooltip().setText(message);
                seedError.setText(message + "; the weights stay");
            }
        });
        undoRedo.getChildren().addAll(undo, redo);
        historyInSidebar.getChildren().addAll(undoRedo, resetValues);
        HBox seedControls = new HBox(6, new Label("Seed"), seed, randomize);
        seedControls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        seedRow = new VBox(4, seedControls, seedError);
        seedError.maxWidthProperty().bind(seedControls.widthProperty()); // as wide as the controls above it, no wider
        seedError.prefWidthProperty().bind(seedControls.widthProperty());
        resetValues.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        valuesInSidebar.getChildren().addAll(values, historyInSidebar, seedRow);
        valuesInTraining.setAlignment(javafx.geometry.Pos.TOP_LEFT); // in line with the seed field when its message shows below it
        // the inspector takes the sidebar's room left over and scrolls in it: a long formula's local
        // derivatives had been cut off ("orange_count..."), and squeezed the help text above to a line
        inspectorInSidebar.setContent(inspector);
        VBox.setVgrow(inspectorInSidebar, Priority.ALWAYS);
        Separator afterValues = new Separator(); // goes with the values when they move to the training workspace
        afterValues.visibleProperty().bind(valuesInSidebar.visibleProperty());
        afterValues.managedProperty().bind(valuesInSidebar.managedProperty());
        VBox box = new VBox(8, about, new Separator(), heading, formula, draw, error, stale, help, new Separator(), valuesInSidebar,
                afterValues, inspectorInSidebar);
        box.setId("sidebar");
        box.getStyleClass().add("sidebar");
        box.setPadding(new Insets(10));
        box.setPrefWidth(290);
        box.setMinWidth(260);
        return box;
    }

    /**
     * A click on a scroll pane focuses it, and a focused scroll pane scrolls with the arrow keys: after
     * a click on the chain rule, the inspector or the training workspace, → scrolled the panel instead
     * of stepping. The focus
     * goes on to the graph (a text field inside the pane still takes it for typing).
     */
    private void leaveTheKeysToStepping(ScrollPane pane) {
        pane.focusedProperty().addListener((obs, was, now) -> {
            if (now) {
                graph.requestFocus();
            }
        });
    }

    private void installShortcuts(Scene scene) {
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl) {
                return; // typing in the formula box must not step the graph
            }
            boolean handled = true;
            switch (e.getCode()) {
                case RIGHT -> {
                    if (e.isShiftDown()) {
                        model.toForwardEnd();
                    } else {
                        model.stepForward();
                    }
                }
                case LEFT -> model.stepBack();
                case SPACE -> stepper.togglePlay();
                case HOME -> model.reset();
                case END -> model.toEnd();
                case F -> {
                    handled = !e.isShortcutDown();
                    if (handled) {
                        graph.fit();
                    }
                }
                case Z -> {
                    if (!e.isShortcutDown()) {
                        handled = false;
                    } else if (e.isShiftDown()) {
                        model.redo();
                    } else {
                        model.undo();
                    }
                }
                case Y -> {
                    handled = e.isShortcutDown();
                    if (handled) {
                        model.redo();
                    }
                }
                case ESCAPE -> {
                    handled = hasSelection();
                    clearSelection();
                }
                case PLUS, EQUALS, ADD -> graph.zoomBy(1.2);
                case MINUS, SUBTRACT -> graph.zoomBy(1 / 1.2);
                default -> handled = false;
            }
            if (handled) {
                e.consume();
            }
        });
    }

    public GraphView graphView() {
        return graph;
    }

    public ChainRulePanel chainRulePanel() {
        return chainRule;
    }

    /** A lesson's title, with the id the command line knows it by ("seed-221") where there is room. */
    private static final class ScenarioCell extends ListCell<String> {
        private final boolean withId;

        ScenarioCell(boolean withId) {
            this.withId = withId;
        }

        @Override
        protected void updateItem(String id, boolean empty) {
            super.updateItem(id, empty);
            if (empty || id == null) {
                setText(null);
            } else if (id.equals(FORMULA_ID)) {
                setText("Your formula");
            } else {
                setText(withId ? Scenarios.title(id) + "  (" + id + ")" : Scenarios.title(id));
            }
        }
    }
}

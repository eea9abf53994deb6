package backprop.ui.training;

import backprop.engine.Optimizers;
import backprop.engine.UpdateOrder;
import backprop.ui.training.TrainingModel.Setting;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The training workspace: optimizer and its settings, update order, buttons for one iteration, N
 * iterations, run until a loss, pause; the status, a divergence message, the loss chart and a slider
 * over the weight history. Built in code; every control has an id for TestFX.
 */
public final class TrainingPanel extends VBox {
    public static final String STYLESHEET = "/backprop/ui/style/training.css";

    private static final Map<String, String> DISPLAY_NAMES = Map.of(
            "sgd", "SGD", "momentum", "Momentum", "nesterov", "Nesterov",
            "adagrad", "AdaGrad", "rmsprop", "RMSprop", "adam", "Adam");

    private final TrainingModel model;
    private final LossChart chart = new LossChart();
    private final FlowPane limits;
    /** Where the loss chart is, or the view that can take its place (see {@link #addAlternativeView}). */
    private final javafx.scene.layout.StackPane plotSlot = new javafx.scene.layout.StackPane();
    private final ToggleButton lossViewButton = new ToggleButton("Loss curve");
    private final ToggleButton alternativeViewButton = new ToggleButton();
    private final HBox viewSwitch = new HBox(lossViewButton, alternativeViewButton);
    private final Map<Setting, VBox> fieldBoxes = new EnumMap<>(Setting.class);
    private final Map<Setting, TextField> fields = new EnumMap<>(Setting.class);
    private final Slider history = new Slider(1, 1, 1);
    private final Label historyLabel = new Label();
    /** Set while the slider follows the model, so its moves are not taken for the teacher's. */
    private boolean followingModel;

    private final HBox headingRow = new HBox(8);

    public TrainingPanel(TrainingModel model) {
        this.model = Objects.requireNonNull(model);
        setId("trainingPanel");
        getStyleClass().add("training-panel");
        getStylesheets().add(Objects.requireNonNull(TrainingPanel.class.getResource(STYLESHEET), STYLESHEET).toExternalForm());

        Label heading = new Label("Training");
        heading.getStyleClass().add("panel-heading");

        limits = runLimitsRow();
        plotSlot.getChildren().add(chartView());
        viewSwitch.setVisible(false);
        viewSwitch.setManaged(false);
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        headingRow.getChildren().addAll(heading, spacer);
        headingRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(headingRow, optimizerRow(), hyperparameterRow(), limits, settingsError(),
                buttons(), new backprop.ui.fx.LayoutRootBox(status()), divergence(), viewSwitch, plotSlot, historyRow());
        VBox.setVgrow(plotSlot, Priority.ALWAYS);
        showRelevantFields();
        model.optimizerNameProperty().addListener((obs, was, now) -> showRelevantFields());
    }

    /** Shows the loss chart in the place it shares with the alternative view (a lesson's map of the plane). */
    public void showLossCurve() {
        lossViewButton.setSelected(true);
    }

    /**
     * A view that can take the loss chart's place, chosen with a switch above it, offered while
     * {@code applies} holds and shown first when it starts to: the decision boundary of a lesson with
     * 2-D data. (At 1280×800 the settings leave room for one of the two, not both.)
     */
    public void addAlternativeView(String title, javafx.scene.Node view, javafx.beans.value.ObservableBooleanValue applies) {
        ToggleGroup group = new ToggleGroup();
        lossViewButton.setId("lossViewButton");
        lossViewButton.setToggleGroup(group);
        alternativeViewButton.setId("alternativeViewButton");
        alternativeViewButton.setText(title);
        alternativeViewButton.setToggleGroup(group);
        for (ToggleButton b : new ToggleButton[] {lossViewButton, alternativeViewButton}) {
            b.setFocusTraversable(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two is always chosen
            }
        });
        viewSwitch.getStyleClass().add("view-switch");
        viewSwitch.visibleProperty().bind(applies);
        viewSwitch.managedProperty().bind(applies);
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(view); // the view keeps its own visibility
        holder.setAlignment(Pos.TOP_LEFT);
        holder.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> applies.get() && alternativeViewButton.isSelected(), applies, alternativeViewButton.selectedProperty()));
        chart.visibleProperty().bind(holder.visibleProperty().not());
        // the hidden one takes no room: the chart's minimum height must not make the map's panel scroll
        chart.managedProperty().bind(chart.visibleProperty());
        holder.managedProperty().bind(holder.visibleProperty());
        plotSlot.getChildren().add(holder);
        (applies.get() ? alternativeViewButton : lossViewButton).setSelected(true);
        applies.addListener((obs, was, now) -> (now ? alternativeViewButton : lossViewButton).setSelected(true));
    }

    /** Where the heading is: controls added here sit at its right (the window's undo and redo). */
    public HBox headingRow() {
        return headingRow;
    }

    /** Adds a row to the settings, after the run limits (the window's weight decay, which is the lesson's). */
    public void addSettingRow(javafx.scene.Node row) {
        getChildren().add(getChildren().indexOf(limits) + 1, row);
    }

    public TrainingModel model() {
        return model;
    }

    public LossChart chart() {
        return chart;
    }

    // --- settings ---------------------------------------------------------------------------------------

    private FlowPane optimizerRow() {
        ComboBox<String> optimizer = new ComboBox<>();
        optimizer.setId("optimizerChoice");
        optimizer.getItems().setAll(Optimizers.NAMES);
        optimizer.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null ? "" : DISPLAY_NAMES.getOrDefault(name, name);
            }

            @Override
            public String fromString(String s) {
                return DISPLAY_NAMES.entrySet().stream().filter(e -> e.getValue().equals(s))
                        .map(Map.Entry::getKey).findFirst().orElse(s);
            }
        });
        optimizer.setValue(model.optimizerName());
        optimizer.setTooltip(new Tooltip("How a weight moves given its gradient; its settings appear below"));
        optimizer.valueProperty().addListener((obs, was, now) -> {
            if (now != null && !model.setOptimizer(now)) {
                optimizer.setValue(was);
            }
        });
        model.optimizerNameProperty().addListener((obs, was, now) -> optimizer.setValue(now));

        ComboBox<UpdateOrder> order = new ComboBox<>();
        order.setId("updateOrderChoice");
        order.getItems().setAll(UpdateOrder.values());
        order.setConverter(new StringConverter<>() {
            @Override
            public String toString(UpdateOrder o) {
                return o == null ? "" : o == UpdateOrder.EAGER ? "eager (seed 000)" : "simultaneous";
            }

            @Override
            public UpdateOrder fromString(String s) {
                return s.startsWith("eager") ? UpdateOrder.EAGER : UpdateOrder.SIMULTANEOUS;
            }
        });
        order.valueProperty().bindBidirectional(model.updateOrderProperty());
        order.setTooltip(new Tooltip("simultaneous: all gradients first, then all updates (the textbook rule).\n"
                + "eager: a weight is updated as soon as its gradient is known, and gradients further back\n"
                + "use the new value, as in seed 000's code (111 SGD steps, 11 RMSprop steps)."));

        FlowPane row = new FlowPane(12, 8, labelled("Optimizer", optimizer), labelled("Update order", order));
        row.getStyleClass().add("training-row");
        return row;
    }

    private FlowPane hyperparameterRow() {
        FlowPane row = new FlowPane(12, 8,
                field(Setting.LEARNING_RATE, "learningRateField", "Step size η: how far each update moves a weight"),
                field(Setting.MOMENTUM, "momentumField", "μ: the share of the last step kept in the next (0 ≤ μ < 1)"),
                field(Setting.BETA, "betaField", "β: how slowly the running average forgets (0 ≤ β < 1)"),
                field(Setting.BETA2, "beta2Field", "β₂: how slowly Adam's average of squared gradients forgets"),
                field(Setting.EPSILON, "epsField", "ε: added to the root in the denominator, so it is never 0"));
        row.getStyleClass().add("training-row");
        return row;
    }

    private FlowPane runLimitsRow() {
        FlowPane row = new FlowPane(12, 8,
                field(Setting.ITERATIONS, "iterationsField", "N: how many updates “Run N” makes, and the most “Run until” makes"),
                field(Setting.UNTIL_LOSS, "untilLossField", "X: “Run until” stops at the first loss below X (seed 000: 1e-7)"),
                field(Setting.BATCH_SIZE, "batchSizeField", "Rows of the data set per update (shuffled every epoch); empty: all rows"));
        VBox batch = fieldBoxes.get(Setting.BATCH_SIZE);
        batch.visibleProperty().bind(model.batchableProperty());
        batch.managedProperty().bind(batch.visibleProperty());
        row.getStyleClass().add("training-row");
        return row;
    }

    private Label settingsError() {
        return message("settingsError", "settings-error", model.settingsErrorProperty(), true);
    }

    /**
     * A wrapping label showing a model text; with {@code onlyWhenSet}, it takes no room while the text is
     * empty (an error, a warning).
     */
    private static Label message(String id, String styleClass, javafx.beans.value.ObservableStringValue text,
                                 boolean onlyWhenSet) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE); // wrap instead of cutting the text off
        label.setMaxWidth(Double.MAX_VALUE);
        label.textProperty().bind(text);
        if (onlyWhenSet) {
            label.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(text));
            label.managedProperty().bind(label.visibleProperty());
        }
        return label;
    }

    /** A text field for a setting: Enter or leaving the field applies it; a refused value springs back. */
    private VBox field(Setting s, String id, String tip) {
        TextField f = new TextField(model.format(s));
        f.setId(id);
        f.getStyleClass().add("training-number");
        f.setPrefColumnCount(s == Setting.ITERATIONS ? 8 : 7);
        f.setTooltip(new Tooltip(tip));
        f.setOnAction(e -> apply(s, f));
        f.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                apply(s, f);
            }
        });
        Runnable show = () -> f.setText(model.format(s));
        switch (s) {
            case LEARNING_RATE -> model.learningRateProperty().addListener(o -> show.run());
            case MOMENTUM -> model.momentumProperty().addListener(o -> show.run());
            case BETA -> model.betaProperty().addListener(o -> show.run());
            case BETA2 -> model.beta2Property().addListener(o -> show.run());
            case EPSILON -> model.epsProperty().addListener(o -> show.run());
            case ITERATIONS -> model.iterationsProperty().addListener(o -> show.run());
            case UNTIL_LOSS -> model.untilLossProperty().addListener(o -> show.run());
            case BATCH_SIZE -> model.batchSizeProperty().addListener(o -> show.run());
        }
        if (s == Setting.UNTIL_LOSS) {
            f.setPromptText("none");
        }
        if (s == Setting.BATCH_SIZE) {
            f.setPromptText("all");
        }
        VBox box = labelled(s.title(), f);
        fields.put(s, f);
        fieldBoxes.put(s, box);
        return box;
    }

    /** Applies a field's text if it changed; false when the model refused it (its message shows). */
    private boolean apply(Setting s, TextField f) {
        if (f.getText().equals(model.format(s))) {
            return true;
        }
        boolean taken = model.edit(s, f.getText());
        f.setText(model.format(s)); // the value in use: the new one, or the old one when refused
        return taken;
    }

    /** Applies every shown field's typed text; false when one was refused (its message shows). */
    private boolean applyTyped() {
        boolean all = true;
        for (Map.Entry<Setting, TextField> e : fields.entrySet()) {
            all &= apply(e.getKey(), e.getValue()); // a hidden field holds its value as formatted: unchanged
        }
        return all;
    }

    private void showRelevantFields() {
        Set<Setting> used = TrainingModel.hyperparameters(model.optimizerName());
        for (Setting s : new Setting[] {Setting.LEARNING_RATE, Setting.MOMENTUM, Setting.BETA, Setting.BETA2, Setting.EPSILON}) {
            VBox box = fieldBoxes.get(s);
            box.setVisible(used.contains(s));
            box.setManaged(used.contains(s));
        }
        // Adam's β is its first-moment β₁
        ((Label) fieldBoxes.get(Setting.BETA).getChildren().get(0)).setText("adam".equals(model.optimizerName()) ? "β₁" : "β");
    }

    private static VBox labelled(String title, javafx.scene.Node control) {
        Label label = new Label(title);
        label.getStyleClass().add("field-label");
        label.setLabelFor(control);
        VBox box = new VBox(2, label, control);
        box.getStyleClass().add("training-field");
        return box;
    }

    // --- actions and status -------------------------------------------------------------------------------

    private FlowPane buttons() {
        Button step = runButton("stepIterationButton", "Step 1 iteration",
                "One update, then the loss of the new weights. It can also be stepped node by node in the graph.",
                model::stepIteration);
        Button runN = runButton("runIterationsButton", "Run N",
                "Make N updates (the Iterations field)", model::runIterations);
        runN.textProperty().bind(Bindings.createStringBinding(
                () -> "Run " + backprop.ui.text.Numbers.grouped(model.iterationsProperty().get()), model.iterationsProperty()));
        Button until = runButton("runUntilButton", "Run until loss < X",
                "Update until the loss is below X (the Until loss field), at most N times", model::runUntil);
        Button pause = button("pauseButton", "Pause", "Stop training; the weights of the last iteration stay",
                model::pause);
        Button clear = button("clearRunsButton", "Clear chart", "Remove every run from the chart (the weights stay)",
                model::clearRuns);
        pause.disableProperty().bind(model.runningProperty().not());
        step.getStyleClass().add("accent");
        until.getStyleClass().add("accent");
        FlowPane row = new FlowPane(8, 8, step, runN, until, pause, clear);
        row.getStyleClass().add("training-buttons");
        return row;
    }

    /**
     * A button that starts training, with the settings as typed: a click leaves the focus in the field
     * being typed in, and the run applies what it holds first (clicked straight after typing 20000000,
     * the field's leaving refused it and sprang back, and the run cleared the message and went on with
     * the old N, so the refusal went unseen); a refused value stops it with its message.
     */
    private Button runButton(String id, String text, String tip, Runnable run) {
        Button b = button(id, text, tip, () -> {
            if (applyTyped()) {
                run.run();
            }
        });
        b.setFocusTraversable(false);
        b.disableProperty().bind(model.runningProperty());
        return b;
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("training-button");
        return b;
    }

    private Label status() {
        return message("trainingStatus", "training-status", model.statusProperty(), false);
    }

    private Label divergence() {
        return message("divergenceMessage", "divergence-message", model.divergenceProperty(), true);
    }

    private LossChart chartView() {
        chart.setRuns(model.runs());
        chart.liveProperty().bind(model.runningProperty());
        chart.markerProperty().bind(model.positionProperty());
        chart.setOnPick((run, iteration) -> model.restore(run, iteration));
        // the newest run is the one scrubbed; a removed one hands over to the newest left
        model.runs().addListener((ListChangeListener<Run>) change -> {
            while (change.next()) {
                if (change.wasAdded()) {
                    chart.selectedRunProperty().set(change.getAddedSubList().get(change.getAddedSize() - 1));
                }
            }
            if (!model.runs().contains(chart.selectedRunProperty().get())) {
                chart.selectedRunProperty().set(model.runs().isEmpty() ? null : model.runs().get(model.runs().size() - 1));
            }
        });
        return chart;
    }

    // --- weight history -----------------------------------------------------------------------------------

    private HBox historyRow() {
        history.setId("historySlider");
        history.setTooltip(new Tooltip("Drag through the iterations of the selected run: the graph shows their weights"));
        history.setFocusTraversable(true);
        history.setBlockIncrement(1);
        history.setMajorTickUnit(1);
        history.setMinorTickCount(0);
        history.setSnapToTicks(true);
        HBox.setHgrow(history, Priority.ALWAYS);
        history.setMaxWidth(Double.MAX_VALUE);
        historyLabel.setId("historyLabel");
        historyLabel.getStyleClass().add("history-label");
        historyLabel.setMinWidth(Region.USE_PREF_SIZE); // the whole number, never "50,0..."
        Button restore = button("restoreButton", "Restore", "Keep the weights of this iteration (undoable with Ctrl+Z)",
                () -> {
                    Run r = chart.selectedRunProperty().get();
                    if (r != null) {
                        model.restore(r, (int) Math.round(history.getValue()));
                    }
                });
        history.disableProperty().bind(model.runningProperty().or(chart.selectedRunProperty().isNull()));
        restore.disableProperty().bind(history.disableProperty());

        history.valueProperty().addListener((obs, was, now) -> {
            Run r = chart.selectedRunProperty().get();
            if (followingModel || r == null || model.isRunning()) {
                return;
            }
            int shown = model.preview(r, (int) Math.round(now.doubleValue()));
            if (shown >= 0) {
                historyLabel.setText(Integer.toString(shown));
            }
        });
        chart.selectedRunProperty().addListener(o -> followModel());
        model.positionProperty().addListener(o -> followModel());
        model.runningProperty().addListener(o -> followModel());
        model.runs().addListener((ListChangeListener<Run>) c -> followModel());

        Label title = new Label("Weights at iteration");
        title.getStyleClass().add("field-label");
        title.setMinWidth(Region.USE_PREF_SIZE);
        restore.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, title, history, historyLabel, restore);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("history-row");
        return row;
    }

    /** Puts the slider on the selected run's range and on the iteration the lesson shows. */
    private void followModel() {
        Run r = chart.selectedRunProperty().get();
        followingModel = true;
        try {
            if (r == null || r.size() == 0) {
                history.setMin(1);
                history.setMax(1);
                history.setValue(1);
                historyLabel.setText("");
                return;
            }
            history.setMin(r.firstIteration());
            history.setMax(Math.max(r.firstIteration() + 1, r.lastIteration()));
            TrainingModel.Position p = model.positionProperty().get();
            int at = p != null && p.run() == r ? p.iteration() : r.lastIteration();
            history.setValue(at);
            historyLabel.setText(p != null && p.run() == r ? Integer.toString(p.iteration()) : "");
        } finally {
            followingModel = false;
        }
    }
}

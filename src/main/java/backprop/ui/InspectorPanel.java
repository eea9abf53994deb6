package backprop.ui;

import backprop.engine.Graph;
import backprop.engine.Graph.Node;
import backprop.engine.ModelState;
import backprop.engine.Step.EdgeGradient;
import backprop.engine.Tensor;
import backprop.ui.chain.EdgeRef;
import backprop.ui.model.LessonModel;
import backprop.ui.model.Moment;
import backprop.ui.text.Numbers;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Details of the clicked node or edge: op, value, gradient, local derivative, at full precision. */
final class InspectorPanel extends VBox {
    private final LessonModel model;
    private final Label heading = new Label("Inspector");
    private final Label body = new Label("Click a node or an edge.");
    private final javafx.scene.control.TextField valueField = new javafx.scene.control.TextField();
    private final Label valueError = new Label();
    /** The field's row, and for an element of a big matrix a caption saying which value it sets. */
    private final VBox editBox;
    /** Made when an element is first to be typed (the first frame styles no control it does not show). */
    private Label editCaption;
    /** "New value" for a scalar; the element's name ("W1[3,7] =") for one element of a big matrix. */
    private final Label editLabel = new Label("New value");
    private int editing = -1;
    /** The element of {@code editing} the field sets: 0 for a scalar, the element chosen on a heat map otherwise. */
    private int editingElement;
    private String fieldFilledWith;
    /** A small computed matrix's element to follow in the chain rule (made when first needed), and whether the code is filling it. */
    private javafx.scene.layout.HBox elementChoiceRow;
    private javafx.scene.control.ChoiceBox<String> elementChoice;
    private boolean fillingChoice;
    /** The heat maps of a matrix too big for its numbers: made when first needed. */
    private InspectorMaps maps;
    /** A small matrix input or weight: one field per element (XOR's W_hidden, its X and y). */
    private javafx.scene.layout.GridPane cellGrid;
    private Label cellCaption;
    /** Made when a matrix is first selected: the first frame has no controls it does not show. */
    private VBox cellEditor;
    private javafx.scene.control.TextField[] cells = new javafx.scene.control.TextField[0];
    /** Per cell, the text it was last given (a cell whose text differs holds typing of its own). */
    private String[] cellsFilledWith = new String[0];
    private int cellsOf = -1;
    /** The element whose cell last took the focus for a weight's line clicked, and its node. */
    private int focusedChoice = -1;
    private int focusedChoiceOf = -1;
    /** Gives the keys back to the graph (Esc in a cell): the arrow keys step again. */
    private Runnable backToGraph = () -> { };
    /** The graph the inspector describes: the one on screen. */
    private Graph shownGraph;

    /**
     * A home for the inspector where it scrolls up and down at the home's width: the sidebar's room left
     * over, and the card over the graph.
     */
    static javafx.scene.control.ScrollPane scrollingHome() {
        javafx.scene.control.ScrollPane scroll = backprop.ui.fx.Scrolling.uncachedScrollPane(null);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("inspector-scroll");
        return scroll;
    }

    InspectorPanel(LessonModel model) {
        this.model = model;
        setId("inspector");
        getStyleClass().add("inspector");
        setSpacing(6);
        heading.getStyleClass().add("panel-heading");
        body.setId("inspectorText");
        body.setWrapText(true);
        body.getStyleClass().add("inspector-text");
        valueField.setId("inspectorValueField");
        valueField.setPrefColumnCount(10);
        valueField.setOnAction(e -> commitValue());
        valueField.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) { // cancel: the value it holds, the keys to the graph
                valueField.setText(fieldFilledWith);
                valueError.setText("");
                showError(true);
                backToGraph.run();
                e.consume();
            } else if ((e.getCode() == javafx.scene.input.KeyCode.UP || e.getCode() == javafx.scene.input.KeyCode.DOWN)
                    && editing >= 0 && !shownGraph.node(editing).initialValue().isScalar()) {
                // an element of a big matrix: the one above or below it (a column walked in class)
                Tensor shape = shownGraph.node(editing).initialValue();
                int next = editingElement + (e.getCode() == javafx.scene.input.KeyCode.UP ? -shape.cols() : shape.cols());
                if (next >= 0 && next < shape.size()) {
                    model.selectedElementProperty().set(next);
                }
                e.consume();
            }
        });
        valueError.setId("inspectorError");
        valueError.getStyleClass().add("edit-error");
        valueError.setWrapText(true);
        editLabel.setId("inspectorValueLabel");
        editLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.HBox editRow = new javafx.scene.layout.HBox(8, editLabel, valueField);
        editRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        editBox = new VBox(2, editRow);
        showEditor(false);
        getChildren().addAll(heading, body, editBox, valueError);
        model.selectedNodeProperty().addListener((obs, was, now) -> refresh());
        model.selectedEdgeProperty().addListener((obs, was, now) -> refresh());
        model.selectedElementProperty().addListener((obs, was, now) -> refresh());
        model.momentProperty().addListener((obs, was, now) -> refresh());
    }

    private void refresh() {
        Moment m = model.moment();
        if (m == null) {
            return;
        }
        Graph g = m.trace().graph();
        shownGraph = g;
        int n = model.selectedNodeProperty().get();
        EdgeRef e = model.selectedEdgeProperty().get();
        Node selected = n >= 0 && n < g.size() ? g.node(n) : null;
        // nothing to edit while another lesson is on its way (its values are not this graph's)
        ModelState latest = model.latestStateOf(g);
        showValueEditor(n, selected, latest);
        showElementChoice(selected, m);
        boolean cellsEditable = selected != null && latest != null && hasEditableCells(selected);
        showCells(cellsEditable);
        if (cellsEditable) {
            fillCells(n, latest.value(n));
        } else {
            cellsOf = -1;
        }
        if (selected != null) {
            showNode(g, selected, m);
        } else if (e != null && e.node() < g.size()) {
            showEdge(g, e, m);
        } else {
            heading.setText("Inspector");
            body.setText("Click a node or an edge.");
            showMaps(g, null, null, null);
        }
    }

    /**
     * The value field: a scalar input's or weight's value, or one element of a matrix too big for cells
     * (chosen on its heat map; until then the field waits, disabled, under the maps).
     */
    private void showValueEditor(int n, Node selected, ModelState latest) {
        int chosen = model.selectedElementProperty().get();
        boolean scalar = selected != null && isTypedIn(selected) && selected.initialValue().isScalar();
        // one element of a matrix too big for cells, chosen on its heat map
        boolean element = selected != null && isTypedIn(selected) && !scalar && !hasEditableCells(selected)
                && chosen >= 0 && chosen < selected.initialValue().size();
        boolean editable = latest != null && (scalar || element);
        // an element yet to be chosen: the field waits, disabled, where it will be (the maps do not move)
        boolean waiting = !editable && latest != null && selected != null && isTypedIn(selected) && !scalar
                && !hasEditableCells(selected);
        int k = element ? chosen : 0;
        if (editable) {
            // a new selection, or its value changed (typed on the graph, undone, trained) while the
            // field holds no typing of its own: the field says the value
            String current = Numbers.exact(latest.value(n).at(k));
            boolean another = editing != n || editingElement != k;
            if (another || valueField.getText().equals(fieldFilledWith)) {
                valueField.setText(current);
                fieldFilledWith = current;
            }
            if (another) {
                valueError.setText("");
                editLabel.setText(element ? elementName(selected, selected.initialValue().cols(), k) + " =" : "New value");
                if (element) { // its number ready to be typed over, as a cell's
                    javafx.application.Platform.runLater(() -> focusWhenShown(valueField, editBox)); // with its caption
                }
            }
        }
        editing = editable ? n : -1;
        editingElement = editable ? k : 0;
        placeEditor(element || waiting);
        showEditor(editable || waiting);
        // the maps show the moment's values (after an update, the updated ones); the field sets the start's
        if ((element || waiting) && editCaption == null) {
            editCaption = new Label();
            editCaption.setId("inspectorValueCaption");
            editCaption.setWrapText(true);
            editCaption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            editBox.getChildren().add(editCaption);
        }
        if (editCaption != null) {
            editCaption.setVisible(element || waiting);
            editCaption.setManaged(element || waiting);
        }
        if (element || waiting) {
            editCaption.setText(selected.name() + " as the iteration starts: Enter sets it, ↑ ↓ the next element up or down");
        }
        valueField.setDisable(waiting);
        if (waiting) {
            editLabel.setText("Element");
            valueField.setText("");
            valueField.setPromptText("click it on the map");
            fieldFilledWith = "";
        } else {
            valueField.setPromptText(null);
        }
    }

    /**
     * The field under the maps for an element chosen on them (the map the user just clicked stays where it
     * was), above them for a scalar.
     */
    private void placeEditor(boolean underMaps) {
        if (maps == null && !underMaps) {
            return; // no maps yet: the field is above where they will be
        }
        if (underMaps == getChildren().indexOf(editBox) > getChildren().indexOf(maps())) {
            return;
        }
        getChildren().removeAll(editBox, valueError);
        int at = underMaps ? getChildren().indexOf(maps) + 1 : getChildren().indexOf(maps);
        getChildren().addAll(at, List.of(editBox, valueError));
    }

    private void showEditor(boolean on) {
        editBox.setVisible(on);
        editBox.setManaged(on);
        showError(on);
    }

    private void showError(boolean editorShown) {
        valueError.setVisible(editorShown && !valueError.getText().isEmpty());
        valueError.setManaged(valueError.isVisible());
    }

    /**
     * Focuses a cell, now or once it is in the window (on a card shown for the first time the cells
     * join the scene only when the card's scroll pane lays its content out), and scrolls {@code shown}
     * into sight.
     */
    private static void focusWhenShown(javafx.scene.control.TextField cell, javafx.scene.Node shown) {
        if (cell.getScene() != null) {
            cell.requestFocus();
            cell.selectAll();
            backprop.ui.fx.Scrolling.reveal(shown); // in sight: typing must not go to a field below the fold
            return;
        }
        cell.sceneProperty().addListener(new javafx.beans.value.ChangeListener<javafx.scene.Scene>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> obs,
                                javafx.scene.Scene was, javafx.scene.Scene now) {
                if (now != null) {
                    cell.sceneProperty().removeListener(this);
                    javafx.application.Platform.runLater(() -> focusWhenShown(cell, shown));
                }
            }
        });
    }

    /** What Esc in a cell does after putting its value back: give the keys to the graph. */
    void setBackToGraph(Runnable r) {
        backToGraph = r;
    }

    /** The most elements, and columns, a matrix may have to be edited cell by cell (a row of four fits the sidebar; logistic regression's 10 points are 20). */
    static final int EDITABLE_CELLS = 24;
    static final int EDITABLE_COLUMNS = 4;

    /** Inputs and weights are typed in; what the graph computes from them is not. */
    static boolean isTypedIn(Node node) {
        return node.kind() == Graph.Kind.INPUT || node.kind() == Graph.Kind.PARAM;
    }

    /** An input or weight holding a small matrix (or a row of up to 24): each element can be typed over in the inspector. */
    static boolean hasEditableCells(Node node) {
        Tensor v = node.initialValue();
        return isTypedIn(node) && !v.isScalar()
                && v.size() <= EDITABLE_CELLS && (v.cols() <= EDITABLE_COLUMNS || v.rows() == 1);
    }

    /**
     * For a small matrix the graph computes (XOR's z_hidden, its output: written out as text, no cells,
     * no heat map), a choice of one element, which the chain rule then writes as its sum; made when first needed.
     */
    private void showElementChoice(Node selected, Moment m) {
        Tensor v = selected == null || isTypedIn(selected) ? null : m.frame().value(selected.id());
        boolean on = v != null && !v.isScalar() && v.size() <= NUMBERS_UP_TO;
        if (elementChoiceRow == null) {
            if (!on) {
                return;
            }
            elementChoice = new javafx.scene.control.ChoiceBox<>();
            elementChoice.setId("inspectorElementChoice");
            elementChoice.getSelectionModel().selectedIndexProperty().addListener((obs, was, now) -> {
                if (!fillingChoice) {
                    model.selectedElementProperty().set(now.intValue() - 1); // item 0 is the whole matrix
                    // chosen: the arrow keys step again (a focused choice box would take them to move the focus)
                    javafx.application.Platform.runLater(backToGraph);
                }
            });
            Label caption = new Label("Chain rule for");
            elementChoiceRow = new javafx.scene.layout.HBox(8, caption, elementChoice);
            elementChoiceRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            getChildren().add(getChildren().indexOf(body) + 1, elementChoiceRow);
        }
        elementChoiceRow.setVisible(on);
        elementChoiceRow.setManaged(on);
        if (!on) {
            return;
        }
        fillingChoice = true;
        try {
            java.util.List<String> names = new java.util.ArrayList<>(List.of("all of " + selected.name()));
            for (int k = 0; k < v.size(); k++) {
                names.add(elementName(selected, v.cols(), k));
            }
            if (!elementChoice.getItems().equals(names)) {
                elementChoice.getItems().setAll(names);
            }
            int chosen = model.selectedElementProperty().get();
            elementChoice.getSelectionModel().select(chosen >= 0 && chosen < v.size() ? chosen + 1 : 0);
        } finally {
            fillingChoice = false;
        }
    }

    private void showCells(boolean on) {
        if (cellEditor == null) {
            if (!on) {
                return;
            }
            cellGrid = new javafx.scene.layout.GridPane();
            cellGrid.setId("inspectorCells");
            cellGrid.setHgap(6);
            cellGrid.setVgap(4);
            cellCaption = new Label();
            cellCaption.setWrapText(true);
            cellCaption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            cellEditor = new VBox(4, cellCaption, cellGrid);
            cellEditor.setId("inspectorCellEditor");
            getChildren().add(getChildren().indexOf(body) + 1, cellEditor); // the error line follows it
        }
        cellEditor.setVisible(on);
        cellEditor.setManaged(on);
        if (on) {
            showError(true);
        }
    }

    /** The cell of the weight line clicked in the neuron view. */
    private static final javafx.css.PseudoClass CHOSEN = javafx.css.PseudoClass.getPseudoClass("chosen");

    /** A cell's name as the chain-rule panel writes an element, counted from 1: W_hidden[1,2]. */
    private static String cellName(Node node, int r, int c) {
        return node.name() + "[" + (r + 1) + "," + (c + 1) + "]";
    }

    /** Element {@code k} (row-major) of a node's {@code cols}-column value by name: W1[3,7]. */
    static String elementName(Node node, int cols, int k) {
        return cellName(node, k / cols, k % cols);
    }

    /**
     * The cells of a newly selected matrix, or its values when they changed (typed, undone, trained) in
     * cells that hold no typing of their own.
     */
    private void fillCells(int n, Tensor value) {
        Node node = shownGraph.node(n);
        if (cellsOf != n || cells.length != value.size()) {
            cellsOf = n;
            valueError.setText("");
            cellGrid.getChildren().clear();
            cells = new javafx.scene.control.TextField[value.size()];
            cellsFilledWith = new String[value.size()];
            for (int r = 0; r < value.rows(); r++) {
                for (int c = 0; c < value.cols(); c++) {
                    int k = r * value.cols() + c;
                    javafx.scene.control.TextField cell = new javafx.scene.control.TextField();
                    cell.setId("inspectorCell-" + (r + 1) + "-" + (c + 1));
                    cell.getStyleClass().add("inspector-cell");
                    cell.setPrefColumnCount(5);
                    int row = r;
                    int col = c;
                    cell.setOnAction(e -> commitCell(n, row, col, cell.getText()));
                    cell.focusedProperty().addListener((obs, was, now) -> {
                        if (now && model.selectedElementProperty().get() != k) {
                            // the element being typed is the chosen one: its line is marked, the chain rule
                            // writes its entry; the cell already has the focus (no second selectAll)
                            focusedChoice = k;
                            focusedChoiceOf = n;
                            model.selectedElementProperty().set(k);
                        }
                    });
                    cell.setOnKeyPressed(e -> {
                        if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) { // back to the value it holds
                            cell.setText(cellsFilledWith[k]);
                            valueError.setText("");
                            showError(true);
                            backToGraph.run();
                            e.consume();
                        }
                    });
                    cell.setOnScroll(e -> {
                        // the cell being typed in moves by a step; the others leave the wheel to the
                        // panel (twenty cells are a large target to cross on the way down the sidebar)
                        ModelState latest = model.latestStateOf(shownGraph);
                        if (!cell.isFocused() || latest == null) {
                            return;
                        }
                        double v = backprop.ui.model.ValueInput.wheeled(latest.value(n).at(k), e.getDeltaY() + e.getDeltaX(), e.isShiftDown());
                        model.edit(shownGraph, n, k, v, cell);
                        e.consume();
                    });
                    if (value.rows() == 1) { // a row vector wider than the sidebar (seed 002's x): in reading order, four a row
                        cellGrid.add(cell, c % EDITABLE_COLUMNS, c / EDITABLE_COLUMNS);
                    } else {
                        cellGrid.add(cell, c, r);
                    }
                    cells[k] = cell;
                }
            }
        }
        for (int k = 0; k < cells.length; k++) {
            String current = cellText(value.at(k));
            if (cells[k].getText().equals(cellsFilledWith[k]) || cellsFilledWith[k] == null) {
                cells[k].setText(current);
                cellsFilledWith[k] = current;
            }
        }
        int chosen = model.selectedElementProperty().get();
        for (int k = 0; k < cells.length; k++) {
            cells[k].pseudoClassStateChanged(CHOSEN, k == chosen);
        }
        if (chosen >= 0 && chosen < cells.length && (chosen != focusedChoice || n != focusedChoiceOf)) {
            // a weight's line just clicked: its number is ready to be typed over, as a box's value is
            focusedChoice = chosen;
            focusedChoiceOf = n;
            javafx.scene.control.TextField cell = cells[chosen];
            javafx.application.Platform.runLater(() -> focusWhenShown(cell, cell)); // after the click's own handling
        } else if (chosen < 0) {
            focusedChoice = -1;
        }
        cellCaption.setText(node.name() + " as the iteration starts: type in a cell, Enter sets it");
        showError(true);
    }

    /** A cell shows its value as the grid above does (a whole double is wider than the cell). */
    private static String cellText(double v) {
        return Numbers.format(v, MATRIX_DIGITS);
    }

    /**
     * Enter in a cell: a new number changes that element (undoable); anything else is explained and the
     * value kept. Enter on a cell as it was filled changes nothing (its text is the value rounded).
     */
    private void commitCell(int n, int r, int c, String text) {
        ModelState latest = model.latestStateOf(shownGraph);
        if (latest == null) {
            return; // another lesson is on its way
        }
        Node node = shownGraph.node(n);
        Tensor now = latest.value(n);
        int k = r * now.cols() + c;
        if (text.equals(cellsFilledWith[k])) {
            valueError.setText("");
            showError(true);
            return;
        }
        java.util.OptionalDouble v = parseOrExplain(cellName(node, r, c), text, now.at(k));
        if (v.isPresent()) {
            cellsFilledWith[k] = cellText(v.getAsDouble()); // the cell follows the value again (undo, training)
            cells[k].setText(cellsFilledWith[k]);
            model.edit(shownGraph, n, k, v.getAsDouble(), null);
        }
        showError(true);
    }

    /** A typed value, or empty after saying under the editors what is wrong and that {@code what} keeps {@code kept}. */
    private java.util.OptionalDouble parseOrExplain(String what, String text, double kept) {
        try {
            double v = backprop.ui.model.ValueInput.parse(what, text);
            valueError.setText("");
            return java.util.OptionalDouble.of(v);
        } catch (IllegalArgumentException bad) {
            valueError.setText(bad.getMessage() + "; " + what + " stays " + Numbers.exact(kept));
            return java.util.OptionalDouble.empty();
        }
    }

    /** Enter in the value field: a valid number becomes an undoable edit; anything else is explained and the value kept. */
    private void commitValue() {
        if (editing < 0) {
            return;
        }
        ModelState latest = model.latestStateOf(shownGraph);
        if (latest == null) {
            return; // another lesson is on its way
        }
        Node node = shownGraph.node(editing);
        String what = node.initialValue().isScalar() ? node.name() : elementName(node, node.initialValue().cols(), editingElement);
        java.util.OptionalDouble v = parseOrExplain(what, valueField.getText(), latest.value(editing).at(editingElement));
        if (v.isPresent()) {
            // the field now says the value as set ("0.70" reads 0.7), and follows it again (undo, training)
            fieldFilledWith = Numbers.exact(v.getAsDouble());
            valueField.setText(fieldFilledWith);
            model.edit(shownGraph, editing, editingElement, v.getAsDouble(), null);
        }
        showEditor(true);
    }

    private void showNode(Graph g, Node node, Moment m) {
        heading.setText(node.name());
        StringBuilder sb = new StringBuilder();
        sb.append(switch (node.kind()) {
            case INPUT -> "Input";
            case PARAM -> "Trainable parameter";
            case CONST -> "Constant";
            case OP -> "Operation " + node.op().symbol() + " (" + node.op().opName() + ")";
        }).append('\n');
        Tensor value = node.kind() == Graph.Kind.PARAM ? m.frame().leaf(node.id()) : m.frame().value(node.id());
        sb.append("value = ").append(exact(value)).append('\n');
        Tensor grad = m.frame().grad(node.id());
        showMaps(g, node, value, grad);
        String out = operand(g.node(g.output()).name());
        sb.append("∂").append(out).append("/∂").append(operand(node.name())).append(" = ")
                .append(grad != null ? exact(grad) : neverGetsAGradient(g, node) ? noGradient(node) : "not yet computed").append('\n');
        if (node.op() != null) {
            for (int slot = 0; slot < node.inputs().size(); slot++) {
                Node in = g.node(node.input(slot));
                sb.append("∂").append(operand(node.name())).append("/∂").append(operand(in.name())).append(" = ")
                        .append(plain(node, slot, g)).append('\n');
            }
        }
        body.setText(sb.toString().trim());
    }

    /** A matrix too big for its numbers as heat maps; anything else hides them (made only when first needed). */
    private void showMaps(Graph g, Node node, Tensor value, Tensor grad) {
        boolean matrix = value != null && value.size() > NUMBERS_UP_TO;
        if (matrix || maps != null) {
            maps().show(g, matrix ? node : null, value, grad);
        }
    }

    /** The maps, added under the rest when first needed. */
    private InspectorMaps maps() {
        if (maps == null) {
            maps = new InspectorMaps(model);
            getChildren().add(maps);
        }
        return maps;
    }

    private void showEdge(Graph g, EdgeRef e, Moment m) {
        showMaps(g, null, null, null);
        Node to = g.node(e.node());
        Node from = g.node(to.input(e.slot()));
        heading.setText(from.name() + " → " + to.name());
        StringBuilder sb = new StringBuilder();
        sb.append("forward value = ").append(exact(m.frame().value(from.id()))).append('\n');
        sb.append("local derivative ∂").append(operand(to.name())).append("/∂").append(operand(from.name())).append(" = ")
                .append(plain(to, e.slot(), g)).append('\n');
        EdgeGradient share = m.edges().get(e);
        if (share != null) {
            if (share.localDerivative() != null) {
                sb.append("  = ").append(exact(share.localDerivative())).append('\n');
            }
            String product = to.op().gradientTex(e.slot());
            sb.append("gradient passed back = ")
                    .append(product == null ? "" : plain(product, to, g, "∂" + operand(g.node(g.output()).name()) + "/∂" + operand(to.name())) + " = ")
                    .append(exact(share.contribution())).append('\n');
        } else {
            sb.append("no gradient has passed back yet\n");
        }
        body.setText(sb.toString().trim());
    }

    /** The op's local-derivative template with operand names, in plain text. */
    private static String plain(Node node, int slot, Graph g) {
        return plain(node.op().localDerivativeTex(slot), node, g, null);
    }

    /** An op's template with its operands' names, in plain text ("∂L/∂scores · W2ᵀ"); #g is {@code gradient}. */
    static String plain(String template, Node node, Graph g, String gradient) {
        List<String> operands = node.inputs().stream().map(in -> g.node(in).name()).toList();
        return backprop.ui.text.PlainMath.of(template, operands, node.name(), gradient);
    }

    /**
     * A number as the graph shows it, which is what a student compares with a hand calculation, and the
     * stored double as well when rounding hid a difference: "220  (exactly 220.00000000000003)".
     */
    static String number(double v) {
        String shown = Numbers.format(v);
        if (!Double.isFinite(v)) {
            return shown;
        }
        try {
            if (Double.parseDouble(shown.replace('−', '-')) == v) {
                return shown;
            }
        } catch (NumberFormatException notPlain) {
            // a shape or a symbol: show the stored value too
        }
        return shown + "  (exactly " + Numbers.exact(v) + ")";
    }

    /** A small matrix one row per line, columns aligned on the right (the inspector's text is monospaced). */
    static String grid(Tensor t) {
        String[][] cells = new String[t.rows()][t.cols()];
        int[] width = new int[t.cols()];
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < t.cols(); c++) {
                cells[r][c] = Numbers.format(t.get(r, c), MATRIX_DIGITS);
                width[c] = Math.max(width[c], cells[r][c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < t.rows(); r++) {
            sb.append(r == 0 ? "" : "\n").append(' ');
            for (int c = 0; c < t.cols(); c++) {
                sb.append(" ".repeat(width[c] - cells[r][c].length() + 2)).append(cells[r][c]);
            }
        }
        return sb.toString();
    }

    /** A node's name as a derivative's operand: "∂price/∂(apple * count)", not "∂price/∂apple * count". */
    static String operand(String name) {
        return name.matches("[\\p{L}\\p{N}_.]+") ? name : "(" + name + ")";
    }

    /**
     * Whether the backward pass never reaches {@code node}: data and constants, and what is computed from
     * them alone (seed 002's ∂L/∂x, XOR's targets): "not yet computed" would promise a number that never comes.
     */
    static boolean neverGetsAGradient(Graph g, Node node) {
        boolean[] gets = new boolean[node.id() + 1];
        for (int id = 0; id <= node.id(); id++) { // ids are in topological order
            Node n = g.node(id);
            if (n.isLeaf()) {
                gets[id] = n.requiresGrad();
            } else {
                for (int in : n.inputs()) {
                    gets[id] |= gets[in];
                }
            }
        }
        return !gets[node.id()];
    }

    static String noGradient(Node node) {
        return switch (node.kind()) {
            case CONST -> "none (a constant)";
            case INPUT -> "none (data: the backward pass stops before it)";
            default -> "none (it is computed from data and constants only)";
        };
    }

    /** Matrices up to this many elements are written out; bigger ones are summarised and drawn as heat maps. */
    static final int NUMBERS_UP_TO = 12;
    /**
     * Significant digits of a matrix's elements: a row of three fits the inspector's width (with five, a
     * number is at most 9 characters: "−0.070116", "−6.2128e−4"; six made rows of small gradients wrap).
     */
    static final int MATRIX_DIGITS = 5;

    static String exact(Tensor t) {
        if (t == null) {
            return "not yet computed";
        }
        if (t.isScalar()) {
            return number(t.scalar());
        }
        if (t.size() <= NUMBERS_UP_TO) {
            return t.shape() + "\n" + grid(t);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < t.size(); k++) {
            min = Math.min(min, t.at(k));
            max = Math.max(max, t.at(k));
        }
        if (min == max) { // seed 002's W1 gradient: "all 0" says more than "from 0 to 0"
            return t.shape() + "\n  all " + Numbers.format(min);
        }
        // a line of its own, as "all …" has: as values change (typed, nudged, trained) the lines above
        // the heat maps stay as many, and the maps stay under the pointer
        return t.shape() + "\n  from " + Numbers.format(min) + " to " + Numbers.format(max);
    }
}

package backprop.ui;

import javafx.geometry.Bounds;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * A card over the graph that holds the inspector while the sidebar is hidden (a training lesson on a
 * small screen): a click on a node or an edge must show its details wherever the inspector is. It sits
 * in the corner of the graph area that covers least of what it describes.
 */
final class InspectorCard extends StackPane {
    static final double WIDTH = 400;
    static final double MARGIN = 10;
    private static final Pos[] CORNERS = {Pos.TOP_RIGHT, Pos.TOP_LEFT, Pos.BOTTOM_RIGHT, Pos.BOTTOM_LEFT};
    /**
     * The inspector scrolls on the card: a tall one (logistic regression's twenty cells) had made the
     * graph area taller than the window gave it, pushing the stepper and the chain rule down.
     */
    private javafx.scene.control.ScrollPane scroll;
    private final java.util.function.Consumer<javafx.scene.control.ScrollPane> onScrollPane;

    /**
     * @param onClose      what ✕ does (clears the selection, which hides the card)
     * @param onScrollPane called with the card's scroll pane when it is made, at the first {@link #hold}
     *                     (a scroll pane and its two scroll bars made with the window cost its first frame)
     */
    InspectorCard(Runnable onClose, java.util.function.Consumer<javafx.scene.control.ScrollPane> onScrollPane) {
        this.onScrollPane = onScrollPane;
        Button close = new Button("✕");
        close.setId("inspectorClose");
        close.setFocusTraversable(false);
        close.getStyleClass().add("flat");
        close.setTooltip(new Tooltip("Close the details (Esc)"));
        close.setOnAction(e -> onClose.run());
        StackPane.setAlignment(close, Pos.TOP_RIGHT);
        getChildren().add(close); // the inspector goes under it, its heading beside the button
        setId("inspectorCard");
        getStyleClass().add("inspector-card");
        setMaxSize(WIDTH, USE_PREF_SIZE);
        setMinHeight(0); // as tall as the inspector where the graph area has room, else it scrolls
        setPrefWidth(WIDTH);
        setVisible(false);
        StackPane.setMargin(this, new Insets(MARGIN));
    }

    /**
     * As tall as the inspector at the card's width (a scroll pane alone would ask for its content's
     * unwrapped height, cutting off the lines that wrap).
     */
    @Override
    protected double computePrefHeight(double width) {
        javafx.scene.Node content = scroll == null ? null : scroll.getContent();
        if (content == null) {
            return super.computePrefHeight(width);
        }
        double w = (width > 0 ? Math.min(width, WIDTH) : WIDTH) - snappedLeftInset() - snappedRightInset()
                - scroll.snappedLeftInset() - scroll.snappedRightInset();
        return snappedTopInset() + scroll.snappedTopInset() + content.prefHeight(w) + scroll.snappedBottomInset()
                + snappedBottomInset();
    }

    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    /** Puts {@code inspector} on the card (it is in no other parent). */
    void hold(javafx.scene.Node inspector) {
        if (scroll == null) {
            scroll = InspectorPanel.scrollingHome();
            getChildren().add(0, scroll);
            onScrollPane.accept(scroll);
        }
        if (scroll.getContent() != inspector) {
            scroll.setContent(inspector);
        }
    }

    /** Takes {@code inspector} off the card, if it is there. */
    void release(javafx.scene.Node inspector) {
        if (scroll != null && scroll.getContent() == inspector) {
            scroll.setContent(null);
        }
    }

    /** Shows the card in an area of {@code areaWidth × areaHeight}, away from {@code selection} (null: anywhere). */
    void showBeside(Bounds selection, double areaWidth, double areaHeight) {
        double w = Math.min(getMaxWidth(), areaWidth - 2 * MARGIN);
        double h = Math.min(prefHeight(w), areaHeight - 2 * MARGIN);
        StackPane.setAlignment(this, corner(selection, areaWidth, areaHeight, w, h));
        setVisible(true);
    }

    /**
     * The corner for a card of {@code w × h} in an area of {@code areaWidth × areaHeight} that covers the
     * least of {@code selection}: the first free one of top right, top left, bottom right, bottom left.
     */
    static Pos corner(Bounds selection, double areaWidth, double areaHeight, double w, double h) {
        if (selection == null) {
            return CORNERS[0];
        }
        Pos best = CORNERS[0];
        double least = Double.POSITIVE_INFINITY;
        for (Pos c : CORNERS) {
            double x = c.getHpos() == HPos.LEFT ? MARGIN : areaWidth - MARGIN - w;
            double y = c.getVpos() == VPos.TOP ? MARGIN : areaHeight - MARGIN - h;
            double overlap = Math.max(0, Math.min(x + w, selection.getMaxX()) - Math.max(x, selection.getMinX()))
                    * Math.max(0, Math.min(y + h, selection.getMaxY()) - Math.max(y, selection.getMinY()));
            if (overlap < least) {
                least = overlap;
                best = c;
            }
        }
        return best;
    }
}

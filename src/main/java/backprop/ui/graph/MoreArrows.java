package backprop.ui.graph;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/**
 * Arrows at the edges of the graph view where the graph goes on beyond them (a big graph opens at a
 * readable zoom, wider than the view; the training workspace takes room beside it): the class sees
 * that there is more, and a click pans that way, no further than the graph's end.
 */
final class MoreArrows {
    /** A graph sticking out by less than this is not "more". */
    static final double SLACK = 4;
    /** How far a click pans: this share of the view, or less at the graph's end. */
    static final double STEP = 0.6;
    /** The room kept between the graph's end and the view's edge after a click. */
    private static final double MARGIN = 24;

    enum Side {
        LEFT("◀", "moreLeft"), RIGHT("▶", "moreRight"), UP("▲", "moreUp"), DOWN("▼", "moreDown");

        final String arrow;
        final String id;

        Side(String arrow, String id) {
            this.arrow = arrow;
            this.id = id;
        }
    }

    /** Moves the graph by (dx, dy) in the view's pixels. */
    interface Pan {
        void by(double dx, double dy);
    }

    /** What a rectangle of the view (x, y, width, height) would cover of the graph. */
    interface Boxes {
        Covered cover(double x, double y, double w, double h);
    }

    /** In order of preference for an arrow's place. */
    enum Covered {
        NOTHING, AN_EDGE_LABEL, A_BOX
    }

    private final Map<Side, Button> buttons = new EnumMap<>(Side.class);
    /** The graph's box in the view and the view's size at the last update: {x, y, width, height, viewW, viewH}. */
    private final double[] last = new double[6];
    private final Pan pan;
    private final java.util.function.Consumer<Button> addToView;

    /**
     * @param addToView puts a new arrow on the view, above the graph. Arrows are made when first needed:
     *                  four buttons with tooltips made with the window cost its first frame ~50 ms
     *                  (tools/ab-startup.sh), and a graph that fits needs none
     */
    MoreArrows(Pan pan, java.util.function.Consumer<Button> addToView) {
        this.pan = pan;
        this.addToView = addToView;
    }

    private Button button(Side side) {
        return buttons.computeIfAbsent(side, s -> {
            Button b = new Button(s.arrow);
            b.setId(s.id);
            b.getStyleClass().addAll("more-arrow", s == Side.LEFT || s == Side.RIGHT ? "more-arrow-side" : "more-arrow-end");
            b.setManaged(false);
            b.setFocusTraversable(false); // the arrow keys step the lesson, not these
            b.setTooltip(new Tooltip("More of the graph this way: click, or drag the graph (F fits it all)"));
            b.setOnAction(e -> {
                double[] d = panFor(s);
                pan.by(d[0], d[1]);
            });
            addToView.accept(b);
            return b;
        });
    }

    /** A new graph: the next update places the arrows again even if its extent is the last one's. */
    void forget() {
        java.util.Arrays.fill(last, Double.NaN);
    }

    /**
     * Shows an arrow on each side the graph, whose laid-out box is at (x, y) with size w × h in the
     * view's coordinates, goes on beyond a view of viewW × viewH.
     */
    void update(double x, double y, double w, double h, double viewW, double viewH, Boxes boxes) {
        double[] now = {x, y, w, h, viewW, viewH};
        if (java.util.Arrays.equals(now, last)) {
            return;
        }
        System.arraycopy(now, 0, last, 0, now.length);
        show(Side.LEFT, x < -SLACK, viewW, viewH, boxes);
        show(Side.RIGHT, x + w > viewW + SLACK, viewW, viewH, boxes);
        show(Side.UP, y < -SLACK, viewW, viewH, boxes);
        show(Side.DOWN, y + h > viewH + SLACK, viewW, viewH, boxes);
    }

    /**
     * An arrow at the middle of its edge, or moved along the edge to the nearest place that covers
     * nothing, else the nearest that covers no box (an edge's numbers are smaller than a box's).
     */
    private void show(Side side, boolean more, double viewW, double viewH, Boxes boxes) {
        if (!more) {
            Button made = buttons.get(side);
            if (made != null) {
                made.setVisible(false);
            }
            return;
        }
        Button b = button(side);
        b.setVisible(true);
        b.applyCss(); // a new arrow has no size before its skin
        b.autosize();
        double bw = b.getWidth();
        double bh = b.getHeight();
        boolean across = side == Side.LEFT || side == Side.RIGHT; // the arrow moves up and down its edge
        double fixed = switch (side) {
            case LEFT -> 6;
            case RIGHT -> viewW - bw - 6;
            case UP -> 6;
            case DOWN -> viewH - bh - 6;
        };
        double length = across ? viewH - bh : viewW - bw;
        double centre = length / 2;
        double step = (across ? bh : bw) / 2;
        double along = centre; // when every place covers a box, the middle
        Covered best = Covered.A_BOX;
        int places = step > 0 ? (int) (2 * centre / step) + 1 : 0; // no size yet (no skin): the middle
        for (int k = 0; k <= places && best != Covered.NOTHING; k++) {
            // the middle, then half an arrow either side, then a whole, ... to the ends of the edge
            double at = centre + (k % 2 == 1 ? -1 : 1) * ((k + 1) / 2) * step;
            if (at < 6 || at > length - 6) {
                continue;
            }
            Covered here = across ? boxes.cover(fixed, at, bw, bh) : boxes.cover(at, fixed, bw, bh);
            if (here.compareTo(best) < 0) {
                best = here;
                along = at;
            }
        }
        if (across) {
            b.relocate(fixed, along);
        } else {
            b.relocate(along, fixed);
        }
    }

    /** The pan of a click on one side: a step of the view, at most what brings the graph's end into it. */
    double[] panFor(Side side) {
        double x = last[0];
        double y = last[1];
        double w = last[2];
        double h = last[3];
        double viewW = last[4];
        double viewH = last[5];
        return switch (side) {
            case LEFT -> new double[] {Math.min(STEP * viewW, MARGIN - x), 0};
            case RIGHT -> new double[] {-Math.min(STEP * viewW, x + w - viewW + MARGIN), 0};
            case UP -> new double[] {0, Math.min(STEP * viewH, MARGIN - y)};
            case DOWN -> new double[] {0, -Math.min(STEP * viewH, y + h - viewH + MARGIN)};
        };
    }
}

package backprop.ui.fx;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Scroll panes for content that changes while it is shown. */
public final class Scrolling {
    private Scrolling() {
    }

    /**
     * A scroll pane whose viewport is not cached as a bitmap. The default skin caches it, which makes
     * scrolling cheap but repaints the whole visible content whenever any of it changes: during training
     * (a status line changing once a frame) that was 11–19 ms of software rendering per frame, where
     * repainting just the changed line takes well under one.
     */
    public static ScrollPane uncachedScrollPane(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.skinProperty().addListener((obs, was, skin) -> {
            if (skin != null) {
                Node viewport = scroll.lookup(".viewport");
                if (viewport != null) {
                    viewport.setCache(false);
                }
            }
        });
        return scroll;
    }

    /**
     * Scrolls the nearest scroll pane around {@code n} so that all of it is in sight, as little as
     * needed: a control given the focus below the fold (the inspector's field under a heat map in the
     * sidebar) would otherwise take typing unseen.
     */
    public static void reveal(Node n) {
        for (javafx.scene.Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane pane && pane.getContent() != null) {
                pane.layout(); // a control just shown has its place only after a layout
                javafx.geometry.Bounds b = pane.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                if (b != null) {
                    reveal(pane, b.getMinY() - 8, b.getMaxY() + 8);
                }
                return;
            }
        }
    }

    /** Scrolls {@code pane} as little as needed to show its content from {@code top} to {@code bottom} (the top first, if both do not fit). */
    public static void reveal(ScrollPane pane, double top, double bottom) {
        double seen = pane.getViewportBounds().getHeight();
        double room = pane.getContent().getLayoutBounds().getHeight() - seen;
        if (room <= 0) {
            return;
        }
        double at = pane.getVvalue() * room;
        double to = at;
        if (bottom > at + seen) {
            to = bottom - seen;
        }
        if (top < to) {
            to = top;
        }
        pane.setVvalue(Math.max(0, Math.min(1, to / room)));
    }
}

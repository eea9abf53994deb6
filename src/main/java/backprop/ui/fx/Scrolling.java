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
                double seen = pane.getViewportBounds().getHeight();
                double room = pane.getContent().getLayoutBounds().getHeight() - seen;
                if (room <= 0 || b == null) {
                    return;
                }
                double top = pane.getVvalue() * room;
                double to = top;
                if (b.getMaxY() + 8 > top + seen) {
                    to = b.getMaxY() + 8 - seen;
                }
                if (b.getMinY() - 8 < to) {
                    to = b.getMinY() - 8;
                }
                pane.setVvalue(Math.max(0, Math.min(1, to / room)));
                return;
            }
        }
    }
}

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
}

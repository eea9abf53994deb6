package backprop.ui.graph;

import javafx.css.PseudoClass;

/** Pseudo-classes the stylesheet colours by: the step being shown and what it touched. */
final class Styles {
    static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    static final PseudoClass FORWARD = PseudoClass.getPseudoClass("forward");
    static final PseudoClass BACKWARD = PseudoClass.getPseudoClass("backward");
    static final PseudoClass UPDATE = PseudoClass.getPseudoClass("update");
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private Styles() {
    }

    /**
     * Keeps a text-bearing view of a big graph as a bitmap between changes. The graph is drawn
     * through a zoom transform, and the software renderer draws text under a scale as glyph outlines,
     * every frame (for a 200-node graph ~4 MB of garbage a second, and the render thread's time on a
     * two-core machine); a cached view is rasterised once, at the current zoom, and again only when
     * its content or the zoom changes. Small graphs are not cached: a bitmap drawn at a fractional
     * pixel position is a little softer than text drawn directly, and they have little text to draw.
     */
    static void cacheText(javafx.scene.Node view) {
        view.setCache(true);
        view.setCacheHint(javafx.scene.CacheHint.QUALITY);
    }
}

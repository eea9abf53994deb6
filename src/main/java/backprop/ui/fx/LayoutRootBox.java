package backprop.ui.fx;

import javafx.scene.layout.Region;

/**
 * Holds one node that changes often (a status line that counts iterations every frame) so that a
 * change which keeps its size does not lay out the whole window again: the node is unmanaged, a
 * layout root, and only its own box is laid out; this box asks its parent for a layout only when the
 * node's preferred height changes (a message that wraps onto one more line). A label in a VBox had
 * cost every frame of a run a 5-9 ms layout pass of the training panel (docs/benchmarks.md).
 */
public final class LayoutRootBox extends Region {
    private final Region content;
    private double laidOutHeight = -1;

    public LayoutRootBox(Region content) {
        this.content = content;
        content.setManaged(false);
        getChildren().add(content);
        // the parent hears of the content only when its height for the current width changes
        content.needsLayoutProperty().addListener((obs, was, now) -> {
            if (now && getWidth() > 0 && content.prefHeight(getWidth()) != laidOutHeight) {
                requestLayout();
            }
        });
    }

    @Override
    public javafx.geometry.Orientation getContentBias() {
        return content.getContentBias(); // a wrapping label's height depends on the width it gets
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height);
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(width);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        laidOutHeight = content.prefHeight(w);
        content.resizeRelocate(0, 0, w, Math.max(getHeight(), laidOutHeight));
    }
}

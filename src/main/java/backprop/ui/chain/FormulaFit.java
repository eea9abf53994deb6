package backprop.ui.chain;

/**
 * How the chain-rule panel shows a typeset formula: at what scale, in a formula area how tall.
 *
 * @param scale  of the image (1 = {@link ChainRulePanel#FORMULA_SIZE} points)
 * @param height of the formula area, in pixels
 */
record FormulaFit(double scale, double height) {
    /** Smaller than this, a formula's subscripts are lost at the back of the room: it scrolls instead. */
    static final double MIN_SCALE = 0.8;

    /**
     * Full size when it fits. Rows are broken to the viewport's width, but a piece that cannot be
     * broken may still be wider: then the image is scaled to the width; a tall one to
     * {@code maxHeight}; neither below {@link #MIN_SCALE} (the rest scrolls). The area is as tall as
     * the scaled image (plus the viewport's border), at least {@code atLeast}, at most {@code maxHeight}.
     */
    static FormulaFit of(double imageW, double imageH, double viewportW, double maxHeight, double atLeast) {
        double scale = Math.max(MIN_SCALE, Math.min(1, Math.min(viewportW / imageW, (maxHeight - BORDER) / imageH)));
        return new FormulaFit(scale, Math.min(maxHeight, Math.max(atLeast, imageH * scale + BORDER)));
    }

    /** The viewport's border, top and bottom together. */
    static final double BORDER = 4;
}

package backprop.ui.graph;

import backprop.engine.Tensor;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** A matrix as pixels: blue for negative, white for zero, red for positive, scaled by the largest |value|. */
public final class HeatMap {
    private HeatMap() {
    }

    /** Pixels per cell are whole numbers, so a 1×10 row is not stretched 36-fold (which garbles it in prism sw). */
    static final int MIN_SIDE = 48;

    public static WritableImage of(Tensor t) {
        int cw = Math.max(1, (int) Math.ceil((double) MIN_SIDE / t.cols()));
        int ch = Math.max(1, (int) Math.ceil((double) MIN_SIDE / t.rows()));
        WritableImage img = new WritableImage(t.cols() * cw, t.rows() * ch);
        PixelWriter pw = img.getPixelWriter();
        double max = 0;
        for (int k = 0; k < t.size(); k++) {
            if (Double.isFinite(t.at(k))) {
                max = Math.max(max, Math.abs(t.at(k)));
            }
        }
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < t.cols(); c++) {
                Color colour = colour(t.get(r, c), max);
                for (int y = r * ch; y < (r + 1) * ch; y++) {
                    for (int x = c * cw; x < (c + 1) * cw; x++) {
                        pw.setColor(x, y, colour);
                    }
                }
            }
        }
        return img;
    }

    static Color colour(double v, double max) {
        if (!Double.isFinite(v)) {
            return Color.BLACK;
        }
        double s = max == 0 ? 0 : Math.min(1, Math.abs(v) / max);
        return v >= 0 ? Color.WHITE.interpolate(Color.web("#c62828"), s) : Color.WHITE.interpolate(Color.web("#1565c0"), s);
    }
}

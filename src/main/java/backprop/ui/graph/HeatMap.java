package backprop.ui.graph;

import backprop.engine.Tensor;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** A matrix as pixels: blue for negative, white for zero, red for positive, scaled by the largest |value|. */
public final class HeatMap {
    private HeatMap() {
    }

    public static WritableImage of(Tensor t) {
        WritableImage img = new WritableImage(Math.max(1, t.cols()), Math.max(1, t.rows()));
        PixelWriter pw = img.getPixelWriter();
        double max = 0;
        for (int k = 0; k < t.size(); k++) {
            if (Double.isFinite(t.at(k))) {
                max = Math.max(max, Math.abs(t.at(k)));
            }
        }
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < t.cols(); c++) {
                pw.setColor(c, r, colour(t.get(r, c), max));
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

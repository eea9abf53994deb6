package backprop.ui.fx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Counts kinds of pixels in a PNG written by {@link Snapshots}. */
record PngPixels(int width, int height, int dark, int white, int coloured) {

    static PngPixels read(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        int dark = 0;
        int white = 0;
        int coloured = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r < 100 && g < 100 && b < 100) {
                    dark++;
                }
                if (r > 245 && g > 245 && b > 245) {
                    white++;
                }
                // sub-pixel (LCD) smoothing tints the edges of black-on-white text
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 16) {
                    coloured++;
                }
            }
        }
        return new PngPixels(image.getWidth(), image.getHeight(), dark, white, coloured);
    }
}

package backprop.ui.chain;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javax.swing.JLabel;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * LaTeX to pixels with jlatexmath (Java2D, works headless). Slow the first time (fonts load, ~0.8 s),
 * so every formula is rendered off the FX thread.
 */
public final class TexRenderer {
    private static final JLabel COMPONENT = new JLabel();

    private TexRenderer() {
    }

    /** Loads jlatexmath's fonts (~0.8 s), so the first step's formula appears at once. */
    public static void warmUp() {
        render("\\frac{\\partial L}{\\partial x} = 1.1 \\times 2", 20, Color.BLACK);
    }

    /** Renders {@code tex} at {@code size} points; a formula jlatexmath cannot parse is shown as its source text. */
    public static BufferedImage render(String tex, float size, Color foreground) {
        TeXFormula formula;
        try {
            formula = new TeXFormula(tex);
        } catch (ParseException e) {
            formula = new TeXFormula("\\text{" + tex.replaceAll("[\\\\{}^_$&#%]", " ") + "}");
        }
        TeXIcon icon = formula.createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
        icon.setInsets(new Insets(4, 4, 4, 4));
        icon.setForeground(foreground);
        BufferedImage img = new BufferedImage(Math.max(1, icon.getIconWidth()), Math.max(1, icon.getIconHeight()),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        icon.paintIcon(COMPONENT, g, 0, 0);
        g.dispose();
        return img;
    }
}

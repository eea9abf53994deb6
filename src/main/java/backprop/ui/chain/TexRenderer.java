package backprop.ui.chain;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

    /** Lines typeset one under the other, and where each is in the image (its first row's top, its last row's bottom, in pixels). */
    public record Typeset(BufferedImage image, int[] tops, int[] bottoms) {
    }

    /**
     * Renders {@code lines} at {@code size} points, one under the other, a line wider than
     * {@code maxWidth} pixels broken into rows at its "=" signs (see {@link FormulaRows}).
     */
    public static BufferedImage renderLines(List<String> lines, float size, Color foreground, double maxWidth) {
        return typeset(lines, size, foreground, maxWidth).image();
    }

    /** The same, with where each line went. */
    public static Typeset typeset(List<String> lines, float size, Color foreground, double maxWidth) {
        Map<String, TeXIcon> icons = new HashMap<>();
        Function<String, TeXIcon> icon = tex -> icons.computeIfAbsent(tex, t -> icon(t, size, foreground));
        List<List<TeXIcon>> rows = new ArrayList<>();
        for (String line : lines) {
            rows.add(FormulaRows.rows(line, tex -> icon.apply(tex).getIconWidth(), maxWidth).stream().map(icon).toList());
        }
        // rows of one line sit close (the icons' insets apart); lines are further apart, so each reads as one
        int lineGap = Math.round(size * 0.4f);
        int width = 1;
        int height = lineGap * Math.max(0, rows.size() - 1);
        for (TeXIcon row : rows.stream().flatMap(List::stream).toList()) {
            width = Math.max(width, row.getIconWidth());
            height += row.getIconHeight();
        }
        BufferedImage img = new BufferedImage(width, Math.max(1, height), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(img);
        int y = 0;
        int[] tops = new int[rows.size()];
        int[] bottoms = new int[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            tops[k] = y;
            for (TeXIcon row : rows.get(k)) {
                row.paintIcon(COMPONENT, g, 0, y);
                y += row.getIconHeight();
            }
            bottoms[k] = y;
            y += lineGap;
        }
        g.dispose();
        return new Typeset(img, tops, bottoms);
    }

    /** Renders {@code tex} at {@code size} points; a formula jlatexmath cannot parse is shown as its source text. */
    public static BufferedImage render(String tex, float size, Color foreground) {
        return renderLines(List.of(tex), size, foreground, Double.MAX_VALUE);
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    private static TeXIcon icon(String tex, float size, Color foreground) {
        TeXFormula formula;
        try {
            formula = new TeXFormula(tex);
        } catch (ParseException e) {
            formula = new TeXFormula("\\text{" + tex.replaceAll("[\\\\{}^_$&#%]", " ") + "}");
        }
        TeXIcon icon = formula.createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
        icon.setInsets(new Insets(4, 4, 4, 4));
        icon.setForeground(foreground);
        return icon;
    }
}

package backprop.ui.fx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

import javafx.scene.text.Font;

/**
 * Fonts shipped inside the jar, so Chinese text renders on machines without CJK fonts installed.
 *
 * <p>Loading alone is not enough for text in the default ("System") font: JavaFX looks up glyphs the
 * default font lacks only in system fonts. Scenes that must show Chinese everywhere also add
 * {@link #bundledFontStylesheet()}.
 */
public final class Fonts {

    /** Family name of the bundled CJK font, for CSS {@code -fx-font-family}. */
    public static final String CJK_FAMILY = "WenQuanYi Micro Hei";

    static final String CJK_RESOURCE = "/backprop/ui/fonts/wqy-microhei.ttc";
    static final String BUNDLED_FONT_CSS = "/backprop/ui/style/bundled-font.css";

    private static List<Font> loaded;

    private Fonts() {
    }

    /**
     * Registers the bundled fonts with JavaFX (the .ttc holds the proportional and the mono face).
     * Only the first call reads the file; later calls return the same fonts.
     */
    public static synchronized List<Font> loadBundled() {
        if (loaded == null) {
            try (InputStream in = Fonts.class.getResourceAsStream(CJK_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + CJK_RESOURCE);
                }
                Font[] fonts = Font.loadFonts(in, Font.getDefault().getSize());
                if (fonts == null || fonts.length == 0) {
                    throw new IllegalStateException("JavaFX could not read " + CJK_RESOURCE);
                }
                loaded = List.of(fonts);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }

    /** URL of a stylesheet making {@link #CJK_FAMILY} the default font of the scene or parent it is added to. */
    public static String bundledFontStylesheet() {
        return Objects.requireNonNull(Fonts.class.getResource(BUNDLED_FONT_CSS), BUNDLED_FONT_CSS).toExternalForm();
    }
}

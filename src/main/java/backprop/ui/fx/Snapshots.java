package backprop.ui.fx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;

/** Renders a view to a PNG file without showing it. */
public final class Snapshots {

    static final String EXPORT_CSS = "/backprop/ui/style/export.css";

    private Snapshots() {
    }

    /**
     * Lays {@code root} out in a fresh scene of the given size and writes what it draws to {@code out}.
     * Callable from any thread once the toolkit runs (see {@link HeadlessFx#startToolkitHeadless()});
     * {@code root} must not already be the root of another scene.
     */
    public static void writePng(Parent root, int width, int height, Path out) throws IOException {
        BufferedImage image;
        try {
            image = HeadlessFx.onFxThread(() -> render(root, width, height));
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering " + out, e);
        } catch (Exception e) {
            throw new IOException("could not render " + out, e);
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        if (!ImageIO.write(image, "png", out.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    private static BufferedImage render(Parent root, int width, int height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(
                Objects.requireNonNull(Snapshots.class.getResource(EXPORT_CSS), EXPORT_CSS).toExternalForm());
        root.applyCss();
        root.layout();
        // again: content that sizes itself to the first layout (chain-rule rows broken for the panel's width)
        root.applyCss();
        root.layout();
        return SwingFXUtils.fromFXImage(scene.snapshot(null), null);
    }
}

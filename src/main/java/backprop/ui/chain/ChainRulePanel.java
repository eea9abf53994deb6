package backprop.ui.chain;

import backprop.ui.model.LessonModel;
import backprop.ui.model.Moment;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

/**
 * The chain rule of the current step, typeset, with the trace's numbers. Formulas are rendered on a
 * background thread; only the finished image is handed to the FX thread.
 */
public final class ChainRulePanel extends VBox {
    /** Formula size in points: readable from the back of a classroom on a projector. */
    public static final float FORMULA_SIZE = 26f;

    private final Label title = new Label();
    private final ImageView formula = new ImageView();
    private final ReadOnlyStringWrapper tex = new ReadOnlyStringWrapper(this, "tex", "");
    private final Executor renderer;
    private final AtomicLong latest = new AtomicLong();

    public ChainRulePanel(LessonModel model, Executor renderer) {
        this.renderer = renderer;
        setId("chainRulePanel");
        getStyleClass().add("chain-rule-panel");
        title.setId("chainTitle");
        title.getStyleClass().add("chain-title");
        formula.setId("chainFormula");
        formula.setPreserveRatio(true);
        ScrollPane scroll = backprop.ui.fx.Scrolling.uncachedScrollPane(formula);
        scroll.getStyleClass().add("chain-scroll");
        // a formula larger than the panel is scaled down (to half size at most) rather than cut off
        formula.fitWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            if (formula.getImage() == null) {
                return 0.0;
            }
            double w = formula.getImage().getWidth();
            double h = formula.getImage().getHeight();
            double availableW = scroll.getViewportBounds().getWidth() - 4;
            double availableH = scroll.getViewportBounds().getHeight() - 4;
            if (availableW <= 0 || availableH <= 0) {
                return 0.0;
            }
            double scale = Math.max(0.5, Math.min(1, Math.min(availableW / w, availableH / h)));
            return w * scale;
        }, scroll.viewportBoundsProperty(), formula.imageProperty()));
        scroll.setPannable(true);
        getChildren().addAll(title, scroll);
        model.momentProperty().addListener((obs, was, now) -> show(now));
    }

    private void show(Moment m) {
        if (m == null) {
            return;
        }
        title.setText(m.explanation().title());
        String source = m.explanation().tex();
        tex.set(source);
        formula.setAccessibleText(source);
        long request = latest.incrementAndGet();
        if (m.applied() == 0) {
            formula.setImage(null); // nothing computed yet: the title says what to do, no formula to typeset
            return;
        }
        renderer.execute(() -> {
            if (request != latest.get()) {
                return; // the cursor moved on before this one was drawn
            }
            BufferedImage img = TexRenderer.render(source, FORMULA_SIZE, new Color(0x1a, 0x1a, 0x1a));
            // converted here, not on the FX thread: an image is not part of the scene until it is set
            javafx.scene.image.Image fx = SwingFXUtils.toFXImage(img, null);
            Platform.runLater(() -> {
                if (request == latest.get()) {
                    formula.setImage(fx);
                }
            });
        });
    }

    /** The LaTeX source of what is shown (the image's text, for tests and screen readers). */
    public ReadOnlyStringProperty texProperty() {
        return tex.getReadOnlyProperty();
    }
}

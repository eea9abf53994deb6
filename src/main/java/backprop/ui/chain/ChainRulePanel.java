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
    /** The most of the window's height the panel takes for a tall formula; the graph keeps the rest. */
    static final double MAX_SHARE_OF_WINDOW = 0.4;
    /** The formula area's height before a lesson has needed more (the old fixed height). */
    static final double BASE_HEIGHT = 130;

    private final Label title = new Label();
    private final ImageView formula = new ImageView();
    /** In the empty formula area before the first step: what will appear there. */
    private final Label hint = new Label("Each step's formula appears here, with this lesson's numbers.");
    private final ScrollPane scroll;
    private final ReadOnlyStringWrapper tex = new ReadOnlyStringWrapper(this, "tex", "");
    private final LessonModel model;
    private final Executor renderer;
    private final AtomicLong latest = new AtomicLong();
    /** The row width the current image was broken for, in image pixels. */
    private double brokenFor = -1;
    /** The tallest formula area this lesson has needed: it grows, never jumps back down under the graph. */
    private double tallest = BASE_HEIGHT;

    public ChainRulePanel(LessonModel model, Executor renderer) {
        this.model = model;
        this.renderer = renderer;
        setId("chainRulePanel");
        getStyleClass().add("chain-rule-panel");
        title.setId("chainTitle");
        title.getStyleClass().add("chain-title");
        // a long title (many shares, long names, a note on a value that is not a number) wraps, never ends in "…"
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        formula.setId("chainFormula");
        formula.setPreserveRatio(true);
        hint.setId("chainHint");
        hint.getStyleClass().add("chain-hint");
        hint.visibleProperty().bind(formula.imageProperty().isNull());
        hint.managedProperty().bind(hint.visibleProperty());
        javafx.scene.layout.StackPane area = new javafx.scene.layout.StackPane(formula, hint);
        area.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        scroll = backprop.ui.fx.Scrolling.uncachedScrollPane(area);
        hint.setWrapText(true); // as wide as the area, never wider: a narrow window wraps it instead of scrolling
        hint.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(0, scroll.getViewportBounds().getWidth() - 2), scroll.viewportBoundsProperty()));
        scroll.setId("chainScroll");
        scroll.getStyleClass().add("chain-scroll");
        scroll.setPrefHeight(BASE_HEIGHT);
        scroll.setPannable(true);
        getChildren().addAll(title, scroll);
        model.momentProperty().addListener((obs, was, now) -> {
            if (now != null && now.applied() == 0) {
                tallest = BASE_HEIGHT; // reset: a step's formula no longer shows, so the graph gets its room back
            }
            show(now);
        });
        model.lessonProperty().addListener((obs, was, now) -> tallest = BASE_HEIGHT);
        formula.imageProperty().addListener((obs, was, now) -> fitFormula());
        scroll.viewportBoundsProperty().addListener((obs, was, now) -> {
            fitFormula();
            if (model.moment() != null && Math.abs(rowWidth() - brokenFor) > 2) {
                show(model.moment()); // rows broken for another width: break them again for this one
            }
        });
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                now.heightProperty().addListener((o, w, h) -> fitFormula());
            }
        });
    }

    private void fitFormula() {
        javafx.scene.image.Image img = formula.getImage();
        double viewportW = scroll.getViewportBounds().getWidth() - 4;
        if (getScene() == null) {
            return;
        }
        double maxHeight = Math.max(BASE_HEIGHT, getScene().getHeight() * MAX_SHARE_OF_WINDOW);
        if (img == null || viewportW <= 0) {
            scroll.setPrefHeight(Math.min(tallest, maxHeight));
            return;
        }
        FormulaFit f = FormulaFit.of(img.getWidth(), img.getHeight(), viewportW, maxHeight, Math.min(tallest, maxHeight));
        formula.setFitWidth(img.getWidth() * f.scale());
        tallest = Math.max(tallest, f.height());
        scroll.setPrefHeight(f.height());
    }

    /**
     * The width rows are broken for: what fits the viewport at the smallest scale (a line a little too
     * long is shown a little smaller rather than on two rows, which would take the graph's room), or a
     * guess before the panel is laid out.
     */
    private double rowWidth() {
        double w = scroll.getViewportBounds().getWidth() - 8;
        return (w > 0 ? w : 900) / FormulaFit.MIN_SCALE;
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
        java.util.List<String> lines = m.explanation().lines();
        if (lines.isEmpty()) {
            formula.setImage(null); // nothing computed yet: the title says what to do, the hint what comes here
            formula.setFitWidth(0); // the last formula's width kept a scroll bar under an empty area
            return;
        }
        double width = rowWidth();
        brokenFor = width;
        try {
            render(request, lines, width, m.explanation().focusLine());
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the renderer has stopped: the app is closing, nothing more to draw
        }
    }

    private void render(long request, java.util.List<String> lines, double width, int focusLine) {
        renderer.execute(() -> {
            if (request != latest.get()) {
                return; // the cursor moved on before this one was drawn
            }
            TexRenderer.Typeset typeset = TexRenderer.typeset(lines, FORMULA_SIZE, new Color(0x1a, 0x1a, 0x1a), width);
            // converted here, not on the FX thread: an image is not part of the scene until it is set
            javafx.scene.image.Image fx = SwingFXUtils.toFXImage(typeset.image(), null);
            Runnable deliver = () -> {
                if (request == latest.get()) {
                    formula.setImage(fx);
                    if (focusLine >= 0 && focusLine < typeset.tops().length) {
                        keepInSight(typeset.tops()[focusLine], typeset.bottoms()[focusLine], fx.getWidth());
                    }
                }
            };
            if (Platform.isFxApplicationThread()) {
                deliver.run(); // rendered in line (snapshots): in time for the layout that asked for it
            } else {
                Platform.runLater(deliver);
            }
        });
    }

    /**
     * Scrolls the formula so that the line written for the chosen element (image rows {@code top} to
     * {@code bottom}) is in sight: it is often the last of several, under the fold.
     */
    private void keepInSight(int top, int bottom, double imageWidth) {
        if (getScene() == null || getScene().getRoot() == null) {
            return;
        }
        getScene().getRoot().layout(); // the panel's new height and the image's scale, before measuring
        double scale = formula.getFitWidth() > 0 ? formula.getFitWidth() / imageWidth : 1;
        backprop.ui.fx.Scrolling.reveal(scroll, top * scale, bottom * scale);
    }

    /** The LaTeX source of what is shown (the image's text, for tests and screen readers). */
    public ReadOnlyStringProperty texProperty() {
        return tex.getReadOnlyProperty();
    }
}

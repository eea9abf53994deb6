package backprop.ui;

import backprop.engine.Trace;
import backprop.ui.graph.GraphView;
import backprop.ui.model.LessonModel;
import backprop.ui.model.Moment;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Step, play and scrub through the trace: buttons with shortcuts, a speed slider and a timeline scrubber. */
final class StepperBar extends VBox {
    /** The play button's two labels; their symbols are in the bundled font (⏸ is not, nor in DejaVu: a box on Linux). */
    static final String PLAY = "▶ Play";
    static final String PAUSE = "‖ Pause";
    static final String RESET = "↺ Reset"; // not ⟲, which the bundled font lacks

    private final LessonModel model;
    private final Slider scrubber = new Slider(0, 1, 0);
    private final Label stepLabel = new Label();
    private final Button play;
    private Timeline player;

    StepperBar(LessonModel model) {
        this.model = model;
        getStyleClass().add("stepper-bar");
        setPadding(new Insets(6, 12, 6, 12));
        setSpacing(4);

        Button reset = button("resetButton", RESET, "Back to the start of the iteration (Home)", model::reset);
        Button back = button("stepBackButton", "◀ Back", "Undo the last step exactly (←)", model::stepBack);
        play = button("playButton", PLAY, "Play or pause the steps (Space)", this::togglePlay);
        Button forward = button("stepForwardButton", "Step ▶", "Compute the next node (→)", model::stepForward);
        Button forwardEnd = button("forwardEndButton", "⇥ Forward", "Jump to the end of the forward pass (Shift+→)",
                model::toForwardEnd);
        Button end = button("endButton", "⇥ Backward", "Jump to the end of the backward pass and updates (End)",
                model::toEnd);

        Slider speed = new Slider(0.25, 4, 1);
        speed.setId("speedSlider");
        speed.setFocusTraversable(false);
        speed.setPrefWidth(100);
        speed.setBlockIncrement(0.25);
        speed.setMajorTickUnit(0.25);
        speed.setMinorTickCount(0);
        speed.setSnapToTicks(true);
        speed.setTooltip(new Tooltip("Animation speed, 0.25× to 4×"));
        speed.valueProperty().bindBidirectional(model.speedProperty());
        Label speedLabel = new Label();
        speedLabel.setId("speedLabel");
        speedLabel.textProperty().bind(model.speedProperty().asString("%.2f×"));
        speedLabel.setMinWidth(60);
        model.speedProperty().addListener((obs, was, now) -> {
            if (player != null) {
                startPlayer();
            }
        });

        stepLabel.setId("stepLabel");
        stepLabel.getStyleClass().add("step-label");
        // 5 px apart: 6 made the row 2 px too wide for the formula box and the training workspace beside it at 1280 px
        HBox buttons = new HBox(5, reset, back, play, forward, forwardEnd, end);
        buttons.setAlignment(Pos.CENTER_LEFT);

        scrubber.setId("scrubber");
        scrubber.setFocusTraversable(false);
        scrubber.setMajorTickUnit(1);
        scrubber.setMinorTickCount(0);
        scrubber.setSnapToTicks(true);
        scrubber.setTooltip(new Tooltip("The whole iteration: forward steps, the loss, backward steps, updates. Drag to any moment."));
        scrubber.valueProperty().addListener((obs, was, now) -> {
            int v = (int) Math.round(now.doubleValue());
            if (v != model.cursorProperty().get()) {
                model.cursorProperty().set(v);
            }
        });
        model.cursorProperty().addListener((obs, was, now) -> scrubber.setValue(now.intValue()));
        model.traceProperty().addListener((obs, was, now) -> {
            scrubber.setMax(Math.max(1, now.size()));
            scrubber.setValue(model.cursorProperty().get());
        });
        model.momentProperty().addListener((obs, was, now) -> stepLabel.setText(describe(now)));
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        Label speedTitle = new Label("Speed");
        speedTitle.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        speedLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox timeline = new HBox(10, stepLabel, scrubber, speedTitle, speed, speedLabel);
        timeline.setAlignment(Pos.CENTER_LEFT);
        stepLabel.setMinWidth(210);
        getChildren().addAll(buttons, timeline);
        model.playingProperty().addListener((obs, was, now) -> {
            play.setText(now ? PAUSE : PLAY);
            if (now) {
                startPlayer();
            } else {
                stopPlayer();
            }
        });
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false); // keys go to the graph, so Space plays rather than pressing a button
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    void togglePlay() {
        if (!model.playingProperty().get() && model.atEnd()) {
            model.reset();
        }
        model.playingProperty().set(!model.playingProperty().get());
    }

    private void startPlayer() {
        stopPlayer();
        Duration perStep = GraphView.TRAVEL.add(Duration.millis(250)).divide(model.speedProperty().get());
        player = new Timeline(new KeyFrame(perStep, e -> {
            if (model.atEnd()) {
                model.playingProperty().set(false);
            } else {
                model.stepForward();
            }
        }));
        player.setCycleCount(Timeline.INDEFINITE);
        player.play();
    }

    private void stopPlayer() {
        if (player != null) {
            player.stop();
            player = null;
        }
    }

    private static String describe(Moment m) {
        Trace t = m.trace();
        String phase = switch (m.phase()) {
            case START -> "start";
            case FORWARD -> "forward";
            case LOSS -> "output";
            case BACKWARD -> "backward";
            case UPDATE -> "update";
        };
        return "Step " + m.applied() + " / " + t.size() + " · " + phase;
    }
}

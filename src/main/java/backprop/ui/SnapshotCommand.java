package backprop.ui;

import backprop.ui.fx.HeadlessFx;
import backprop.ui.fx.Snapshots;
import backprop.ui.graph.ViewMode;
import backprop.ui.model.LessonModel;
import backprop.ui.training.TrainingModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Renders the window at one step of the trace to a PNG, headless: exactly what the app would show. */
@Command(name = "snapshot", description = "Render the app at a step of the trace to a PNG file, without a display.")
public final class SnapshotCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--scenario", paramLabel = "NAME", description = "a built-in scenario (see: scenarios)")
        String scenario;

        @Option(names = {"-e", "--program"}, paramLabel = "PROGRAM", description = "a program, as for grad")
        String program;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--step", paramLabel = "N|forward-end|end", description = "how many steps to apply (default: end)")
    String step = "end";

    @Option(names = "--view", paramLabel = "neuron|ops", description = "neuron view or operation view (default: ops)")
    String view = "ops";

    @Option(names = "--out", paramLabel = "FILE.png", description = "where to write the PNG (default: snapshot.png)")
    Path out = Path.of("snapshot.png");

    @Option(names = "--width", paramLabel = "W", description = "image width in pixels (default 1280)")
    int width = 1280;

    @Option(names = "--height", paramLabel = "H", description = "image height in pixels (default 800)")
    int height = 800;

    @Option(names = "--train", paramLabel = "OPTIMIZER[:key=value...]",
            description = "training runs to show, each from the initial values, e.g. "
                    + "sgd:lr=1:order=eager:until=1e-7 (keys: lr, momentum, beta, beta2, eps, order, until, iterations, batch)")
    java.util.List<String> runs = new java.util.ArrayList<>();

    @Spec
    CommandSpec spec;

    private ViewMode mode;

    /** The subcommands this package adds to the command line. */
    public static Object[] create() {
        return new Object[] {new SnapshotCommand(), new BenchUiCommand()};
    }

    @Override
    public Integer call() throws Exception {
        mode = switch (view) {
            case "neuron", "neurons" -> ViewMode.NEURONS;
            case "ops", "operations" -> ViewMode.OPERATIONS;
            default -> throw new IllegalArgumentException("--view must be neuron or ops, got '" + view + "'");
        };
        if (width < 320 || height < 240 || width > 8000 || height > 8000) {
            throw new IllegalArgumentException("--width and --height must be between 320×240 and 8000×8000");
        }
        if (source.scenario != null && backprop.scenarios.Scenarios.byId(source.scenario).isEmpty()) {
            throw new IllegalArgumentException("unknown scenario '" + source.scenario + "' (known: "
                    + String.join(", ", backprop.scenarios.Scenarios.ids()) + ")");
        }
        HeadlessFx.startToolkitHeadless();
        try {
            // a half-updated window (a listener threw) is not what the app shows: no picture, and exit 1
            java.util.List<Throwable> failures = HeadlessFx.collectFailures();
            MainView view = HeadlessFx.onFxThread(this::build);
            HeadlessFx.onFxThread(() -> null); // let the formula image, posted with runLater, arrive
            HeadlessFx.throwFirst(failures);
            Snapshots.writePng(view, width, height, out);
            if (!failures.isEmpty()) {
                java.nio.file.Files.deleteIfExists(out);
                HeadlessFx.throwFirst(failures);
            }
        } finally {
            Platform.exit();
        }
        spec.commandLine().getOut().println("{\"out\": \"" + out.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** One run from the lesson's initial values, as a teacher would set it up in the panel. */
    private static void train(LessonModel model, TrainingModel training, String spec) {
        String[] parts = spec.split(":");
        if (!training.setOptimizer(parts[0])) {
            throw new IllegalArgumentException("--train " + spec + ": " + training.settingsErrorProperty().get());
        }
        model.resetValues();
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("--train " + spec + ": '" + parts[i] + "' is not key=value");
            }
            boolean ok = switch (kv[0]) {
                case "order" -> {
                    training.updateOrderProperty().set(backprop.engine.UpdateOrder.parse(kv[1]));
                    yield true;
                }
                case "lr" -> training.edit(TrainingModel.Setting.LEARNING_RATE, kv[1]);
                case "momentum" -> training.edit(TrainingModel.Setting.MOMENTUM, kv[1]);
                case "beta" -> training.edit(TrainingModel.Setting.BETA, kv[1]);
                case "beta2" -> training.edit(TrainingModel.Setting.BETA2, kv[1]);
                case "eps" -> training.edit(TrainingModel.Setting.EPSILON, kv[1]);
                case "until" -> training.edit(TrainingModel.Setting.UNTIL_LOSS, kv[1]);
                case "iterations" -> training.edit(TrainingModel.Setting.ITERATIONS, kv[1]);
                case "batch" -> training.edit(TrainingModel.Setting.BATCH_SIZE, kv[1]);
                default -> throw new IllegalArgumentException("--train " + spec + ": unknown key '" + kv[0] + "'");
            };
            if (!ok) {
                throw new IllegalArgumentException("--train " + spec + ": " + training.settingsErrorProperty().get());
            }
        }
        training.runUntil();
    }

    private MainView build() {
        LessonModel model = new LessonModel(Runnable::run, Runnable::run);
        TrainingModel training = new TrainingModel(model, Runnable::run, Runnable::run);
        MainView main = new MainView(model, training, Runnable::run);
        App.applyTheme();
        main.getStylesheets().add(App.stylesheet());
        if (source.scenario != null) {
            model.load(source.scenario);
        } else {
            model.runProgram(source.program);
            if (!model.formulaErrorProperty().get().isEmpty()) {
                throw new IllegalArgumentException("-e: " + model.formulaErrorProperty().get());
            }
        }
        model.viewModeProperty().set(mode); // after loading, which picks a lesson's own view
        for (String run : runs) {
            train(model, training, run);
        }
        int size = model.trace().size();
        int applied = switch (step) {
            case "end" -> size;
            case "forward-end" -> model.trace().lossIndex() + 1;
            default -> {
                try {
                    yield Integer.parseInt(step);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--step must be a number, forward-end or end, got '" + step + "'");
                }
            }
        };
        if (applied < 0 || applied > size) {
            throw new IllegalArgumentException("--step " + applied + " is outside 0.." + size + " (this trace has " + size + " steps)");
        }
        model.cursorProperty().set(applied);
        main.graphView().attachAll();
        return main;
    }
}

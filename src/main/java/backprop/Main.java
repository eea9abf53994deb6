package backprop;

import backprop.cli.Cli;

/**
 * Entry point of the jar. No arguments: the app. Otherwise: a headless command.
 * Not an {@code Application} subclass, so the shaded jar starts without the JavaFX launcher checks.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // the frame-rate benchmark measures the app in the JVM the app gets
        if (args.length == 0 || args[0].equals("bench-ui")) {
            java.util.Optional<Integer> exit = AppJvmLauncher.relaunch();
            if (exit.isPresent()) {
                System.exit(exit.get());
            }
        }
        if (args.length == 0) {
            backprop.ui.App.launchApp(args);
            return;
        }
        int code = Cli.commandLine((Object[]) backprop.ui.SnapshotCommand.create()).execute(args);
        System.exit(code);
    }
}

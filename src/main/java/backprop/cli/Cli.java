package backprop.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: JSON on stdout; a user error is one line on stderr and exit code 2. */
@Command(name = "backprop-visualizer", mixinStandardHelpOptions = true, version = "backprop-visualizer 0.1",
        description = "Backprop Visualizer: run the engine without a window.",
        subcommands = {GradCommand.class, TrainCommand.class, ScenariosCommand.class})
public final class Cli {
    public static final int USER_ERROR = 2;

    private Cli() {
    }

    /** Extra subcommands (the app's snapshot command) register here so the engine-side CLI needs no UI import. */
    public static CommandLine commandLine(Object... extraSubcommands) {
        CommandLine cl = new CommandLine(new Cli());
        for (Object sub : extraSubcommands) {
            cl.addSubcommand(sub);
        }
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            String message = ex.getMessage().replaceFirst("^Error: ", ""); // picocli's own prefix, once is enough
            err.println("error: " + message + " (see " + ex.getCommandLine().getCommandName() + " --help)");
            err.flush();
            return USER_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof UserError || ex instanceof IllegalArgumentException) {
                err.println("error: " + ex.getMessage());
                err.flush();
                return USER_ERROR;
            }
            err.println("internal error: " + ex + " (please report it; set BACKPROP_DEBUG=1 for details)");
            if (System.getenv("BACKPROP_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cl;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }
}

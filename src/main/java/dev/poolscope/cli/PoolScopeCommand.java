package dev.poolscope.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code poolscope} command and its exit-code conventions. */
@Command(name = "poolscope", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"See a process pool at work.",
                "With no command, or with only window options (--lesson NAME, --run, ...), opens the window:"
                        + " see 'poolscope ui --help'."},
        subcommands = {RunCommand.class, LessonsCommand.class, BenchCommand.class, BenchUiCommand.class, UiCommand.class,
                SweepCommand.class, CompareCommand.class, RenderCommand.class, BenchStartCommand.class})
public final class PoolScopeCommand implements Runnable {
    /** Every task ok. */
    public static final int OK = 0;
    /** Some task failed, crashed, timed out or was cancelled. */
    public static final int TASKS_FAILED = 1;
    /** Bad input or usage: a message says what and where. */
    public static final int BAD_INPUT = 2;
    /** Stopped by Ctrl+C (SIGINT): 128 + 2, as a shell reports a process ended by that signal. */
    public static final int INTERRUPTED = 130;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs the command line and returns the exit code; prints errors as one line, never a stack trace. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new PoolScopeCommand());
        addHelpEverywhere(cli);
        cli.setExitCodeExceptionMapper(e -> BAD_INPUT);
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            String command = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println(command + ": " + describe(ex));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + command + " --help' for more.");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": error: " + oneLine(ex));
            return BAD_INPUT;
        });
        return cli.execute(args);
    }

    /** -h/--help and -V/--version on every command, including ones added later, so every error's hint works. */
    private static void addHelpEverywhere(CommandLine command) {
        for (CommandLine sub : command.getSubcommands().values()) {
            if (!sub.getCommandSpec().mixinStandardHelpOptions()) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
            sub.getCommandSpec().versionProvider(command.getCommandSpec().versionProvider());
            addHelpEverywhere(sub);
        }
    }

    /** Picocli's message, except that an unknown command is called that, with the commands there are. */
    private static String describe(CommandLine.ParameterException ex) {
        CommandLine where = ex.getCommandLine();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !where.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + u.getUnmatched().get(0) + "'; the commands are "
                    + String.join(", ", where.getSubcommands().keySet());
        }
        return ex.getMessage();
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace('\n', ' ');
    }
}

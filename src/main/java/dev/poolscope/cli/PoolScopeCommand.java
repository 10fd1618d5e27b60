package dev.poolscope.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code poolscope} command and its exit-code conventions. */
@Command(name = "poolscope", mixinStandardHelpOptions = true, version = "PoolScope 0.1",
        description = {"See a process pool at work.",
                "With no command, or with 'ui [--lesson NAME] [--open FILE] [--pool N] [--scale X] [--run]"
                        + " [--presenter] [--dark]', opens the window."},
        subcommands = {RunCommand.class, LessonsCommand.class, BenchCommand.class, BenchUiCommand.class,
                RenderCommand.class})
public final class PoolScopeCommand implements Runnable {
    /** Every task ok. */
    public static final int OK = 0;
    /** Some task failed, crashed, timed out or was cancelled. */
    public static final int TASKS_FAILED = 1;
    /** Bad input or usage: a message says what and where. */
    public static final int BAD_INPUT = 2;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs the command line and returns the exit code; prints errors as one line, never a stack trace. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new PoolScopeCommand());
        cli.setExitCodeExceptionMapper(e -> BAD_INPUT);
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("poolscope: " + ex.getMessage());
            err.println("Try 'poolscope " + ex.getCommandLine().getCommandName() + " --help' for more.");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("poolscope: error: " + oneLine(ex));
            return BAD_INPUT;
        });
        return cli.execute(args);
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace('\n', ' ');
    }
}

package dev.poolscope.cli;

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

    /**
     * Runs the command line and returns the exit code. Every problem is printed in one voice, one
     * line each, never a stack trace: the command, then the option or file, then what is wrong and
     * what to do ({@code poolscope run: --pool: must be between 1 and 64, got 0}).
     */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new PoolScopeCommand());
        addHelpEverywhere(cli);
        cli.setExitCodeExceptionMapper(e -> BAD_INPUT);
        cli.setParameterExceptionHandler((ex, a) -> {
            String command = ex.getCommandLine().getCommandSpec().qualifiedName();
            ex.getCommandLine().getErr().println(command + ": " + UsageMessages.describe(ex, command + " --help"));
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            String command = c.getCommandSpec().qualifiedName();
            if (ex instanceof BadInput bad) {
                bad.lines().forEach(line -> c.getErr().println(command + ": " + line));
                return BAD_INPUT;
            }
            if (ex instanceof CommandLine.ParameterException p) {
                c.getErr().println(command + ": " + UsageMessages.describe(p, command + " --help"));
                return BAD_INPUT;
            }
            c.getErr().println(command + ": internal error, a bug in PoolScope (please report it with this line): "
                    + ex.getClass().getSimpleName() + ": " + oneLine(ex));
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

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace('\n', ' ');
    }
}

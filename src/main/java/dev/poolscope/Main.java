package dev.poolscope;

import dev.poolscope.cli.PoolScopeCommand;
import dev.poolscope.cli.Utf8Console;
import dev.poolscope.ui.JavaFxSetup;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starts PoolScope: every argument list goes through the command line ({@link PoolScopeCommand});
 * no arguments, or only window options such as {@code --lesson sleepy --run}, mean {@code ui}.
 * Kept free of JavaFX so the headless commands never load it.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Utf8Console.install(); // before anything prints
        JavaFxSetup.beforeToolkitStarts(); // before any command starts JavaFX (ui, bench-ui, ...)
        System.exit(PoolScopeCommand.execute(withCommand(args)));
    }

    /** The arguments with {@code ui} in front when they open the window without saying so. */
    static String[] withCommand(String[] args) {
        return opensWindow(args) ? Stream.concat(Stream.of("ui"), Stream.of(args)).toArray(String[]::new) : args;
    }

    /** No arguments, or only window options such as {@code --lesson sleepy --run}. */
    static boolean opensWindow(String[] args) {
        if (args.length == 0) {
            return true;
        }
        String first = args[0];
        return first.startsWith("--") && !List.of("--help", "--version").contains(first);
    }
}

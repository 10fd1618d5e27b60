package dev.poolscope;

import dev.poolscope.cli.PoolScopeCommand;
import java.util.Arrays;
import java.util.List;

/**
 * Starts PoolScope: with no arguments, window options, or {@code ui [options]} the window;
 * with any other command the headless CLI. Kept free of JavaFX so the CLI never loads it.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("ui")) {
            dev.poolscope.ui.PoolScopeApp.launchApp(Arrays.copyOfRange(args, 1, args.length));
        } else if (opensWindow(args)) {
            dev.poolscope.ui.PoolScopeApp.launchApp(args);
        } else {
            System.exit(PoolScopeCommand.execute(args));
        }
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

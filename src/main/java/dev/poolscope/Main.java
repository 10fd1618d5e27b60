package dev.poolscope;

import dev.poolscope.cli.PoolScopeCommand;

/**
 * Starts PoolScope: with no arguments (or {@code ui [options]}) the window, with any other
 * command the headless CLI. Kept free of JavaFX so the CLI never loads it.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("ui")) {
            dev.poolscope.ui.PoolScopeApp.launchApp(java.util.Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
            return;
        }
        System.exit(PoolScopeCommand.execute(args));
    }
}

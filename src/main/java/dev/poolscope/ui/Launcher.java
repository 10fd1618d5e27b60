package dev.poolscope.ui;

/**
 * Opens the window with options ({@code --lesson NAME --scale 0.1 --run --presenter --dark ...},
 * see {@link dev.poolscope.ui.app.AppOptions}). A main class that is not an Application, so
 * JavaFX on the plain classpath starts (the launcher refuses an Application main class there).
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        PoolScopeApp.launchApp(args);
    }
}

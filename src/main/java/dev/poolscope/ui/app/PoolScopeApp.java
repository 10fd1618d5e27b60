package dev.poolscope.ui.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: opens the main window with the options the command line parsed. */
public class PoolScopeApp extends Application {
    /** Handed over from {@link #launch(AppOptions)}: JavaFX creates the instance itself. */
    private static volatile AppOptions options = AppOptions.defaults();
    private MainWindow window;
    /** Set by {@link #quit}: a window that has not opened yet closes as soon as it does. */
    private static volatile boolean quitting;

    public PoolScopeApp() {
        dev.poolscope.ui.app.AppIdentity.claimName(); // the task bar's name, before JavaFX names the app
    }

    /** Opens the window and returns when it has closed; started through {@link Launcher}. */
    static void launch(AppOptions appOptions) {
        options = appOptions;
        Application.launch(PoolScopeApp.class);
    }

    @Override
    public void start(Stage stage) {
        if (quitting) {
            javafx.application.Platform.exit();
            return;
        }
        window = new MainWindow(stage, options);
        stage.show();
    }

    /**
     * Closes the window as its close button does (the run stops, its workers end) and ends the
     * toolkit, so {@link #launch} returns; from any thread, also before the window has opened.
     */
    static void quit() {
        quitting = true;
        try {
            javafx.application.Platform.runLater(javafx.application.Platform::exit);
        } catch (IllegalStateException e) {
            // the toolkit is not started yet: start() sees the flag
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
    }
}

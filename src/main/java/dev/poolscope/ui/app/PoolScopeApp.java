package dev.poolscope.ui.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: opens the main window with the options the command line parsed. */
public class PoolScopeApp extends Application {
    /** Handed over from {@link #launch(AppOptions)}: JavaFX creates the instance itself. */
    private static volatile AppOptions options = AppOptions.defaults();
    private MainWindow window;

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
        window = new MainWindow(stage, options);
        stage.show();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
    }
}

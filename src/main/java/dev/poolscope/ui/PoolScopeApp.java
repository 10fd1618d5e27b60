package dev.poolscope.ui;

import dev.poolscope.ui.app.AppOptions;
import dev.poolscope.ui.app.MainWindow;

import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: opens the main window with the work-log lesson ready to run. */
public class PoolScopeApp extends Application {
    private MainWindow window;

    public PoolScopeApp() {
        dev.poolscope.ui.app.AppIdentity.claimName(); // the task bar's name, before JavaFX names the app
    }

    /** Started by {@code Main} when no command is given. */
    public static void launchApp(String[] args) {
        Application.launch(PoolScopeApp.class, args);
    }

    public static void main(String[] args) {
        launchApp(args);
    }

    @Override
    public void start(Stage stage) {
        AppOptions options;
        try {
            options = AppOptions.parse(List.copyOf(getParameters().getRaw()));
        } catch (IllegalArgumentException e) {
            System.err.println("poolscope: " + e.getMessage());
            options = AppOptions.defaults();
        }
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

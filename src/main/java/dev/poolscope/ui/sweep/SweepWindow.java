package dev.poolscope.ui.sweep;

import dev.poolscope.engine.RunConfig;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens a {@link SweepView} in its own window; closing the window cancels the sweep. */
public final class SweepWindow {
    private SweepWindow() {}

    public static Stage open(Window owner, String scenario, RunConfig base) {
        SweepView view = new SweepView(scenario, base);
        view.getStyleClass().addAll("poolscope", "theme-light");
        view.getStylesheets().addAll(css("app/app.css"), css("sweep/sweep.css"));
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("PoolScope \u2014 sweep of " + scenario);
        stage.setScene(new Scene(view, 1400, 900));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnHidden(e -> view.shutdown());
        stage.setUserData(view);
        stage.show();
        return stage;
    }

    private static String css(String path) {
        return SweepWindow.class.getResource("/dev/poolscope/ui/" + path).toExternalForm();
    }
}

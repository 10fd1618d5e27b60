package dev.poolscope.ui.compare;

import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens a {@link CompareView} in a window of its own, styled like the main window. */
public final class CompareWindow {
    private CompareWindow() {}

    public static Stage open(Window owner, String title, List<ComparedRun> runs) {
        return open(owner, title, runs, null);
    }

    /** As {@link #open(Window, String, List)}, with a verdict in words above the runs (null: none). */
    public static Stage open(Window owner, String title, List<ComparedRun> runs, String verdict) {
        CompareView view = new CompareView(runs, verdict);
        view.getStyleClass().addAll("poolscope", "theme-light");
        view.getStylesheets().addAll(css("app/app.css"), css("timeline/timeline.css"), css("compare/compare.css"));
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("PoolScope \u2014 " + title);
        stage.setScene(new Scene(view, 1200, Math.min(900, 260 + runs.size() * 220)));
        stage.setMinWidth(640);
        stage.setMinHeight(400);
        stage.show();
        return stage;
    }

    static String css(String path) {
        return CompareWindow.class.getResource("/dev/poolscope/ui/" + path).toExternalForm();
    }
}

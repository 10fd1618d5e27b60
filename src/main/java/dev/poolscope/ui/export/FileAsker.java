package dev.poolscope.ui.export;

import dev.poolscope.ui.screen.FileDialog;
import java.nio.file.Path;
import javafx.stage.Window;

/**
 * Where the window asks the user for a file or folder. The window uses its own dialogs (they fit the screen);
 * tests answer with a path (a native dialog cannot be driven headless). Null means cancelled.
 */
public interface FileAsker {
    /** A file to write; {@code filters} pairs a description with a pattern ("PNG image", "*.png"). */
    Path save(String title, String initialName, String... filters);

    /** A file to read. */
    Path open(String title, String... filters);

    /** A folder to write into. */
    Path folder(String title);

    /** PoolScope's own dialogs over {@code owner}, sized to its screen (see {@link FileDialog}). */
    static FileAsker dialogs(Window owner) {
        return new FileAsker() {
            @Override
            public Path save(String title, String initialName, String... filters) {
                FileDialog d = new FileDialog(owner, title, FileDialog.Kind.SAVE, null, filters);
                d.setInitialName(initialName);
                return d.showAndWait();
            }

            @Override
            public Path open(String title, String... filters) {
                return new FileDialog(owner, title, FileDialog.Kind.OPEN, null, filters).showAndWait();
            }

            @Override
            public Path folder(String title) {
                return new FileDialog(owner, title, FileDialog.Kind.FOLDER, null).showAndWait();
            }
        };
    }
}

package dev.poolscope.ui.export;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Where the window asks the user for a file or folder. The window uses the platform's dialogs;
 * tests answer with a path (a native dialog cannot be driven headless). Null means cancelled.
 */
public interface FileAsker {
    /** A file to write; {@code filters} pairs a description with a pattern ("PNG image", "*.png"). */
    Path save(String title, String initialName, String... filters);

    /** A file to read. */
    Path open(String title, String... filters);

    /** A folder to write into. */
    Path folder(String title);

    /** The platform's own dialogs, over {@code owner}. */
    static FileAsker dialogs(Window owner) {
        return new FileAsker() {
            @Override
            public Path save(String title, String initialName, String... filters) {
                FileChooser fc = chooser(title, filters);
                fc.setInitialFileName(initialName);
                return path(fc.showSaveDialog(owner));
            }

            @Override
            public Path open(String title, String... filters) {
                return path(chooser(title, filters).showOpenDialog(owner));
            }

            @Override
            public Path folder(String title) {
                DirectoryChooser dc = new DirectoryChooser();
                dc.setTitle(title);
                return path(dc.showDialog(owner));
            }
        };
    }

    private static FileChooser chooser(String title, String... filters) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        for (int i = 0; i + 1 < filters.length; i += 2) {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(filters[i], filters[i + 1]));
        }
        return fc;
    }

    private static Path path(File f) {
        return f == null ? null : f.toPath();
    }
}

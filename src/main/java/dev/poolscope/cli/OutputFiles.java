package dev.poolscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before a run starts, that a file the user asked for can be written, so a long run is
 * not thrown away for a typo in a folder name; and says in one line why a write failed.
 */
final class OutputFiles {
    private OutputFiles() {}

    /** Why {@code file} (given with {@code option}) cannot be written, or null if it looks writable. */
    static String problem(String option, Path file) {
        if (file == null) {
            return null;
        }
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            return option + ": " + file + " is a folder; give a file name";
        }
        if (folder != null && !Files.isDirectory(folder)) {
            return option + ": cannot write " + file + ": the folder " + folder + " does not exist";
        }
        if (folder != null && !Files.isWritable(folder)) {
            return option + ": cannot write " + file + ": no permission to write in " + folder;
        }
        return null;
    }

    /** One line for a failed write of {@code file}, without the temporary file's name. */
    static String failure(Path file, IOException e) {
        return dev.poolscope.files.WriteFailure.of(file, e);
    }
}

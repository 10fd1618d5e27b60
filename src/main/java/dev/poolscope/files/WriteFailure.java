package dev.poolscope.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why a file could not be written, in words, without the temporary file's name that an
 * {@link AtomicFile} write would otherwise show (a failed {@code render --out /proc/x.png} used
 * to say only "/proc/.x.png.6127041159663.tmp").
 */
public final class WriteFailure {
    private WriteFailure() {}

    /** "cannot write FILE: REASON". */
    public static String of(Path file, IOException e) {
        return "cannot write " + file + ": " + reason(file, e);
    }

    static String reason(Path file, IOException e) {
        Path folder = file == null ? null : file.toAbsolutePath().getParent();
        if (e instanceof NoSuchFileException && folder != null && Files.isDirectory(folder)) {
            // The folder is there, yet no file can be made in it: /proc, /sys and the like.
            return "no file can be created in " + folder + " (choose another folder)";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace('\n', ' ');
    }
}

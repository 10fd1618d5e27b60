package dev.poolscope.files;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file through a temporary sibling and a rename, so a failed or interrupted save
 * never leaves half a file where a good scenario or trace used to be.
 */
public final class AtomicFile {
    public interface Body {
        void writeTo(Writer out) throws IOException;
    }

    /** What writes a binary file (an image). */
    public interface BinaryBody {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {}

    public static void write(Path file, Body body) throws IOException {
        writeBinary(file, out -> {
            // Closing flushes; a body that closes the writer itself (a JSON generator does) is fine too.
            try (Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                body.writeTo(w);
            }
        });
    }

    /** The same for a binary file: an image is either whole or not there at all. */
    public static void writeBinary(Path file, BinaryBody body) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        // Not Files.createTempFile: that makes the file owner-only, and a saved file is for sharing.
        Path tmp = dir.resolve("." + target.getFileName() + "." + System.nanoTime() + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE))) {
                body.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

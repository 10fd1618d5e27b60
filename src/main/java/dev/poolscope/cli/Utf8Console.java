package dev.poolscope.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * PoolScope writes UTF-8 on stdout and stderr whatever the locale says: a program called
 * {@code prög ram ✓ مرحبا.py} that prints {@code ünï} is reported as that, not as "pr?g ram".
 * (JDK 17 writes in the locale's charset, which is ASCII under C/POSIX.)
 */
public final class Utf8Console {
    private Utf8Console() {}

    /** Replaces System.out and System.err; call once, first thing in main. */
    public static void install() {
        System.setOut(utf8(FileDescriptor.out));
        System.setErr(utf8(FileDescriptor.err));
    }

    private static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(fd), 1 << 14), true, StandardCharsets.UTF_8);
    }
}

package dev.poolscope.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * Files opened or saved lately, newest first, kept in the window's preferences under one key:
 * the recent scenarios ("recent") and the recent traces ("recentTraces") are two of these.
 * Without preferences (tests) the list stays empty.
 */
final class RecentFiles {
    private static final int MAX = 8;
    private final Preferences prefs;
    private final String key;

    RecentFiles(Preferences prefs, String key) {
        this.prefs = prefs;
        this.key = key;
    }

    /** The files that still exist, newest first. */
    List<Path> list() {
        List<Path> out = new ArrayList<>();
        if (prefs == null) {
            return out;
        }
        for (String line : prefs.get(key, "").split("\n")) {
            if (!line.isBlank() && Files.exists(Path.of(line))) {
                out.add(Path.of(line));
            }
        }
        return out;
    }

    void remember(Path file) {
        if (prefs == null) {
            return;
        }
        List<Path> list = list();
        Path abs = file.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(MAX, list.size()); i++) {
            sb.append(list.get(i)).append('\n');
        }
        prefs.put(key, sb.toString());
    }
}

package dev.poolscope.ui.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** Traces opened or saved lately, newest first, kept in the window's preferences beside its recent scenarios. */
final class RecentTraces {
    private static final int MAX = 8;
    private static final String KEY = "recentTraces";
    private final Preferences prefs;

    RecentTraces(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The files that still exist, newest first. */
    List<Path> list() {
        List<Path> out = new ArrayList<>();
        if (prefs == null) {
            return out;
        }
        for (String line : prefs.get(KEY, "").split("\n")) {
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
        prefs.put(KEY, sb.toString());
    }
}

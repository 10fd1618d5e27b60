package dev.poolscope.ui.app;

import dev.poolscope.scenario.LessonInfo;
import dev.poolscope.scenario.Lessons;
import dev.poolscope.scenario.Scenario;
import dev.poolscope.scenario.ScenarioException;
import dev.poolscope.scenario.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The window's bridge to scenario files and lessons (the same format and loader as the CLI),
 * plus the recent-files list kept in the user's preferences. Failures come back as messages
 * with the reason, never as stack traces.
 */
final class ScenarioSupport {
    private static final int MAX_RECENT = 8;
    private final Preferences prefs;

    ScenarioSupport(Preferences prefs) {
        this.prefs = prefs;
    }

    static List<String> lessonNames() {
        List<String> names = new ArrayList<>();
        for (LessonInfo l : Lessons.all()) {
            names.add(l.name());
        }
        return names;
    }

    static Scenario lesson(String name) throws ScenarioException {
        return Lessons.load(name);
    }

    Scenario open(Path file) throws ScenarioException {
        Scenario s = ScenarioFiles.read(file);
        remember(file);
        return s;
    }

    void save(Scenario s, Path file) throws IOException {
        ScenarioFiles.write(s, file);
        remember(file);
    }

    /** Recently opened or saved files that still exist, newest first. */
    List<Path> recent() {
        List<Path> out = new ArrayList<>();
        if (prefs == null) {
            return out;
        }
        for (String line : prefs.get("recent", "").split("\n")) {
            if (!line.isBlank() && Files.exists(Path.of(line))) {
                out.add(Path.of(line));
            }
        }
        return out;
    }

    private void remember(Path file) {
        if (prefs == null) {
            return;
        }
        List<Path> list = recent();
        Path abs = file.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(MAX_RECENT, list.size()); i++) {
            sb.append(list.get(i)).append('\n');
        }
        prefs.put("recent", sb.toString());
    }

    /** "file.json: tasks[2].ms: ..." in a few lines, for the message area. */
    static String describe(ScenarioException e) {
        List<String> p = e.problems();
        if (p.isEmpty()) {
            return e.getMessage();
        }
        return String.join("\n", p.subList(0, Math.min(4, p.size()))) + (p.size() > 4 ? "\n(and " + (p.size() - 4) + " more)" : "");
    }
}

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
    private final RecentFiles recent;

    ScenarioSupport(Preferences prefs) {
        this.recent = new RecentFiles(prefs, "recent");
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
        recent.remember(file);
        return s;
    }

    void save(Scenario s, Path file) throws IOException {
        ScenarioFiles.write(s, file);
        recent.remember(file);
    }

    /** Recently opened or saved files that still exist, newest first. */
    List<Path> recent() {
        return recent.list();
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

package dev.poolscope.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in lessons: the scenarios of the course material in shared/lessons, shipped in the
 * jar from assets/scenarios (where users can read and copy them).
 */
public final class Lessons {
    private Lessons() {}

    /** Teaching order: the lesson texts go from Process to Pool, then compare CPU work with waiting. */
    private static final List<String> ORDER = List.of("square-cube", "process-ids", "work-log", "doubling",
            "squares-with-pids", "four-processes", "pool-options", "cpu-bound", "sleepy");
    private static final String FOLDER = "/dev/poolscope/scenario/lessons/";

    private static volatile List<LessonInfo> all;

    /** The lessons in teaching order, each with its one-line description as the summary. */
    public static List<LessonInfo> all() {
        List<LessonInfo> result = all;
        if (result == null) {
            List<LessonInfo> list = new ArrayList<>();
            for (String name : ORDER) {
                String summary;
                try {
                    summary = load(name).description();
                } catch (ScenarioException e) {
                    // A broken built-in lesson is our bug; the menu still lists it and load() says why.
                    summary = e.problems().get(0);
                }
                list.add(new LessonInfo(name, summary));
            }
            result = List.copyOf(list);
            all = result;
        }
        return result;
    }

    public static Scenario load(String name) throws ScenarioException {
        if (name == null || !ORDER.contains(name)) {
            throw Problems.single("lesson", "unknown lesson '" + Problems.visible(String.valueOf(name), 40)
                    + "'; known: " + String.join(", ", ORDER));
        }
        String source = "lessons/" + name + ".json";
        try (InputStream in = Lessons.class.getResourceAsStream(FOLDER + name + ".json")) {
            if (in == null) {
                throw Problems.single(source, "missing from the application; it may be damaged");
            }
            return ScenarioFiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw Problems.single(source, "cannot read the built-in lesson");
        }
    }
}

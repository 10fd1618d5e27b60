package dev.poolscope.dask;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.cpython.PythonUnavailableException;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.scenario.Lessons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/** Real Dask for the tests; a test is skipped, with that reason, only where no Python here can import distributed. */
final class DaskRuns {
    private DaskRuns() {}

    static DaskPython.Found dask() {
        try {
            return DaskPython.find(null);
        } catch (PythonUnavailableException e) {
            Assumptions.abort(e.getMessage());
            return null;
        }
    }

    static RunConfig lesson(String name, int pool) throws Exception {
        return Lessons.load(name).config().toBuilder().pool(pool).build();
    }

    static DaskRun runToEnd(String name, RunConfig config, DaskOptions options, Duration limit) throws Exception {
        dask();
        DaskRun run = new DaskService().start(name, config, options, null);
        assertTrue(run.awaitDone(limit), () -> "the Dask run did not end within " + limit + "\n" + dump(run));
        return run;
    }

    static <T extends RunEvent> List<T> all(DaskRun run, Class<T> type) {
        return run.events().stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    static String dump(DaskRun run) {
        return run.events().stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

    static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (Exception e) {
            return true; // gone
        }
    }
}

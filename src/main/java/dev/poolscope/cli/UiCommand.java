package dev.poolscope.cli;

import dev.poolscope.engine.Limits;
import dev.poolscope.scenario.Lessons;
import dev.poolscope.scenario.ScenarioException;
import dev.poolscope.scenario.ScenarioFiles;
import dev.poolscope.ui.app.AppOptions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * Opens the window. Its options are checked here, like every other command's, before any JavaFX
 * class loads: a bad one is refused with exit code 2 and a window never opens half-configured.
 */
@Command(name = "ui", description = {"Opens the window (what PoolScope does with no command, or with only these options).",
        "Needs a display; on a machine without one use 'run', or xvfb-run."})
final class UiCommand implements Callable<Integer> {
    static final double MIN_SCALE = 0.01;
    static final double MAX_SCALE = 10;
    static final int MIN_WIDTH = 640;
    static final int MIN_HEIGHT = 480;

    static final class Source {
        @Option(names = "--lesson", paramLabel = "NAME",
                description = "open a built-in lesson (default: " + AppOptions.DEFAULT_LESSON + "; see 'poolscope lessons')")
        String lesson;

        @Option(names = "--open", paramLabel = "FILE", description = "open a scenario file, a Python program (.py; --run runs it on python3), or a saved trace to replay")
        Path file;
    }

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true)
    Source source;

    @Option(names = "--pool", paramLabel = "N", description = "pool size, 1 to " + Limits.MAX_POOL
            + " (default: the scenario's)")
    Integer pool;

    @Option(names = "--scale", paramLabel = "X", description = "time scale, " + MIN_SCALE + " to " + MAX_SCALE
            + ": every task's ms is multiplied by X (0.1 runs a 6 s lesson in 0.6 s)")
    Double scale;

    @Option(names = "--time-limit", paramLabel = "MS", description = "time limit per task, 1 to " + Limits.MAX_MS
            + " ms; a task past it is killed and marked timeout")
    Long timeLimit;

    @Option(names = "--run", description = "start the run as soon as the window opens")
    boolean run;

    @Option(names = "--presenter", description = "presenter mode: larger text, settings hidden (F11 in the window)")
    boolean presenter;

    @Option(names = "--dark", description = "dark theme (Ctrl+D in the window)")
    boolean dark;

    @Option(names = "--size", paramLabel = "WxH", converter = SizeConverter.class,
            description = "window size, at least " + MIN_WIDTH + "x" + MIN_HEIGHT + " (default: "
                    + AppOptions.DEFAULT_WIDTH + "x" + AppOptions.DEFAULT_HEIGHT + ")")
    Size size;

    @Option(names = "--maximized", description = "open the window maximized")
    boolean maximized;

    @Override
    public Integer call() {
        if (pool != null && (pool < 1 || pool > Limits.MAX_POOL)) {
            throw new BadInput("--pool: must be between 1 and " + Limits.MAX_POOL + ", got " + pool);
        }
        if (scale != null && !(scale >= MIN_SCALE && scale <= MAX_SCALE)) {
            throw new BadInput("--scale: must be between " + MIN_SCALE + " and " + MAX_SCALE + ", got " + scale);
        }
        if (timeLimit != null && (timeLimit < 1 || timeLimit > Limits.MAX_MS)) {
            throw new BadInput("--time-limit: must be between 1 and " + Limits.MAX_MS + ", got " + timeLimit);
        }
        String lesson = source == null ? AppOptions.DEFAULT_LESSON : source.lesson;
        Path file = source == null ? null : source.file;
        try {
            // Read once here so a missing lesson or a broken file is refused like 'run' refuses it.
            if (file != null && file.getFileName() != null && file.getFileName().toString().endsWith(".py")) {
                // A Python program: the window shows its source and --run runs it on python3.
                if (!java.nio.file.Files.isReadable(file)) {
                    throw new BadInput("--open: cannot read the Python program " + file + "; check the path");
                }
            } else if (file != null) {
                // A trace opens as a replay; a damaged one is refused with its fault, as 'render' names it.
                if (dev.poolscope.ui.app.TraceOrScenario.traceOrNull(file) == null) {
                    ScenarioFiles.read(file);
                }
            } else if (!dev.poolscope.cpython.PythonLessons.isProgram(lesson)) {
                Lessons.load(lesson);
            }
        } catch (ScenarioException e) {
            throw new BadInput(e.problems().stream().map(ScenarioSource::asOption).toList());
        } catch (java.io.IOException e) {
            throw new BadInput(String.valueOf(e.getMessage()));
        }
        int width = size == null ? AppOptions.DEFAULT_WIDTH : size.width();
        int height = size == null ? AppOptions.DEFAULT_HEIGHT : size.height();
        AppOptions options = new AppOptions(file == null ? lesson : null, file == null ? null : file.toString(), scale,
                pool, timeLimit, run, presenter, dark, width, height, maximized);
        String noDisplay = dev.poolscope.ui.Display.problem();
        if (noDisplay != null) {
            System.err.println(spec.qualifiedName() + ": " + noDisplay);
            return whenNoWindow();
        }
        OptionalInt relaunched = WindowJvm.relaunch(originalArgs(spec));
        if (relaunched.isPresent()) {
            return relaunched.getAsInt();
        }
        int code = dev.poolscope.ui.app.Launcher.open(options);
        // 128 + n: closed by a signal, quietly (a stop is a stop); 2: the window could not open.
        return code == PoolScopeCommand.OK || code > 128 ? code : whenNoWindow();
    }

    /**
     * The exit code when the window cannot open (its one line already printed): 2, except under
     * {@code ./mvnw javafx:run} (pom.xml sets {@value #UNDER_JAVAFX_RUN}). The javafx plugin cannot be
     * told that an exit code is expected, and answers any other than 0 with two copies of its own
     * stack trace and Maven's failure banner: about 75 lines burying the one that says what to do.
     */
    private static int whenNoWindow() {
        if (Boolean.getBoolean(UNDER_JAVAFX_RUN)) {
            System.err.println("(from a clone without a display: ./mvnw -q package -DskipTests,"
                    + " then java -jar target/poolscope.jar run --lesson work-log)");
            return PoolScopeCommand.OK;
        }
        return PoolScopeCommand.BAD_INPUT;
    }

    /** The system property {@code ./mvnw javafx:run} gives the window's JVM (pom.xml). */
    static final String UNDER_JAVAFX_RUN = "poolscope.underJavafxRun";

    /** The whole command line PoolScope was started with ("ui" in front when Main added it). */
    static java.util.List<String> originalArgs(CommandSpec spec) {
        return spec.root().commandLine().getParseResult().originalArgs();
    }

    record Size(int width, int height) {}

    /** "1280x720" to a size, within bounds a screen can show. */
    static final class SizeConverter implements picocli.CommandLine.ITypeConverter<Size> {
        @Override
        public Size convert(String value) {
            String[] wh = value.toLowerCase(Locale.ROOT).split("x", -1);
            try {
                if (wh.length == 2) {
                    int w = Integer.parseInt(wh[0].trim());
                    int h = Integer.parseInt(wh[1].trim());
                    if (w >= MIN_WIDTH && h >= MIN_HEIGHT && w <= 20_000 && h <= 20_000) {
                        return new Size(w, h);
                    }
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new TypeConversionException("must be WIDTHxHEIGHT from " + MIN_WIDTH + "x" + MIN_HEIGHT
                    + " to 20000x20000, e.g. 1280x720, got '" + value + "'");
        }
    }
}

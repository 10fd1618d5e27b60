package dev.poolscope.ui.lesson;

import dev.poolscope.ui.config.ConfigModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the window shows and runs: the scenario being edited, or a Python program. A program
 * shows its source (the {@link LessonView}) where a scenario shows its settings, and the title
 * names it, so what the window says matches what ran.
 */
public final class ProgramShown {
    private final ObjectProperty<Path> program = new SimpleObjectProperty<>();
    private final LessonView lesson = new LessonView();
    private final StringBinding title;
    private final Consumer<String> problems;
    private LessonLinks links;

    public ProgramShown(ConfigModel config, Consumer<String> problems) {
        this.problems = problems;
        title = Bindings.createStringBinding(() -> program.get() != null
                ? "PoolScope \u2014 " + program.get().getFileName() + " (Python program)"
                : "PoolScope \u2014 " + config.nameProperty().get(), program, config.nameProperty());
    }

    /** Whether a file is opened as a Python program rather than a scenario or a trace. */
    public static boolean isProgram(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".py");
    }

    /** Shows a program; false (and a message) when its file cannot be read. */
    public boolean showProgram(Path file) {
        try {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            lesson.show(file, source);
            program.set(file);
            return true;
        } catch (IOException | RuntimeException e) {
            problems.accept("Could not open " + file.getFileName() + ": " + why(e)
                    + ". Check the file exists and is readable UTF-8 text.");
            return false;
        }
    }

    private static String why(Exception e) {
        return e instanceof java.nio.file.NoSuchFileException ? "there is no such file"
                : e instanceof java.nio.charset.MalformedInputException ? "it is not UTF-8 text" : String.valueOf(e.getMessage());
    }

    public void showScenario() {
        program.set(null);
    }

    /** The program shown, or null for a scenario. */
    public Path program() {
        return program.get();
    }

    public ObjectProperty<Path> programProperty() {
        return program;
    }

    public StringBinding titleProperty() {
        return title;
    }

    public LessonView lessonView() {
        return lesson;
    }

    /** What the view's "Lessons and settings" button does (the window puts its settings back). */
    public void onBackToSettings(Runnable r) {
        lesson.onBackToSettings(r);
    }

    /** Ties the source to the window's picture (see {@link LessonLinks}). */
    public void link(dev.poolscope.ui.timeline.TimelineView timeline,
                     java.util.function.Supplier<dev.poolscope.ui.timeline.TimelineModel> run,
                     java.util.function.BooleanSupplier running, LessonLinks.Cursor cursor) {
        links = new LessonLinks(lesson, timeline, run, running, cursor);
    }

    /** The links, once {@link #link} made them (tests). */
    public LessonLinks links() {
        return links;
    }
}

package dev.poolscope.cpython;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The lessons as the Python programs a teacher puts on a slide ({@code assets/python}, shipped
 * in the jar). A program is copied to a file before it runs: CPython's spawn and forkserver
 * start methods re-import {@code __main__} from its file.
 */
public final class PythonLessons {
    /** How the lesson picker names a program, e.g. {@code "python: work_log.py"}. */
    public static final String PREFIX = "python: ";
    /** In the order of the scenario lessons they stand beside. */
    static final List<String> FILES = List.of("square_cube.py", "process_ids.py", "work_log.py", "doubling.py",
            "squares_with_pids.py", "four_processes.py", "pool_options.py",
            "threads_cpu.py", "threads_cpu_processes.py", "threads_sleep.py", "threads_sleep_processes.py",
            "threads_pools.py", "threads_executor_broken.py");
    /**
     * The lessons with no scenario beside them (threads against processes), by the names
     * {@code poolscope lessons} lists and {@code run --lesson} takes: the file's name with
     * dashes ({@code threads-cpu} for threads_cpu.py).
     */
    static final List<String> PROGRAM_ONLY = FILES.stream().filter(f -> f.startsWith("threads_")).toList();

    /** A program-only lesson as {@code poolscope lessons} lists it: its name and its first comment line. */
    public record Listed(String name, String summary) {}

    private PythonLessons() {}

    /** The picker's names for the programs. */
    public static List<String> pickerNames() {
        return FILES.stream().map(f -> PREFIX + f).toList();
    }

    /**
     * Whether a name stands for a Python program rather than a scenario: a picker name
     * ("python: threads_cpu.py") or a program-only lesson's name ("threads-cpu").
     */
    public static boolean isProgram(String name) {
        return fileOf(name) != null;
    }

    /** The program-only lessons, in order, as {@code poolscope lessons} lists them. */
    public static List<Listed> listed() {
        return PROGRAM_ONLY.stream().map(f -> new Listed(lessonName(f), summary(f))).toList();
    }

    private static String lessonName(String file) {
        return file.substring(0, file.length() - ".py".length()).replace('_', '-');
    }

    private static String fileOf(String name) {
        if (name == null) {
            return null;
        }
        if (name.startsWith(PREFIX) && FILES.contains(name.substring(PREFIX.length()))) {
            return name.substring(PREFIX.length());
        }
        return PROGRAM_ONLY.stream().filter(f -> lessonName(f).equals(name)).findFirst().orElse(null);
    }

    /** The program's first comment line, without the "# " (its title). */
    private static String summary(String file) {
        try (InputStream in = PythonLessons.class.getResourceAsStream("lessons/" + file)) {
            if (in == null) {
                return "(missing from this build)";
            }
            String first = new String(in.readNBytes(400), java.nio.charset.StandardCharsets.UTF_8).lines().findFirst()
                    .orElse("");
            return first.startsWith("# ") ? first.substring(2) : first;
        } catch (IOException e) {
            return "(cannot be read: " + e.getMessage() + ")";
        }
    }

    /** Writes the program into a fresh temporary folder and returns its file. */
    public static Path extract(String pickerName) throws IOException {
        String file = fileOf(pickerName);
        if (file == null) {
            throw new IOException("no Python lesson called '" + pickerName + "'; known: " + String.join(", ", FILES));
        }
        try (InputStream in = PythonLessons.class.getResourceAsStream("lessons/" + file)) {
            if (in == null) {
                throw new IOException("the Python lesson " + file + " is missing from this build");
            }
            Path dir = Files.createTempDirectory("poolscope-lesson-");
            dir.toFile().deleteOnExit();
            Path program = dir.resolve(file);
            Files.copy(in, program, StandardCopyOption.REPLACE_EXISTING);
            program.toFile().deleteOnExit();
            return program;
        }
    }
}

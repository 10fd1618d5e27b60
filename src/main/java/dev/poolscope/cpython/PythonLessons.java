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
            "squares_with_pids.py", "four_processes.py", "pool_options.py");

    private PythonLessons() {}

    /** The picker's names for the programs. */
    public static List<String> pickerNames() {
        return FILES.stream().map(f -> PREFIX + f).toList();
    }

    /** Whether a picker name stands for a Python program rather than a scenario. */
    public static boolean isProgram(String pickerName) {
        return pickerName != null && pickerName.startsWith(PREFIX) && FILES.contains(pickerName.substring(PREFIX.length()));
    }

    /** Writes the program into a fresh temporary folder and returns its file. */
    public static Path extract(String pickerName) throws IOException {
        if (!isProgram(pickerName)) {
            throw new IOException("no Python lesson called '" + pickerName + "'; known: " + String.join(", ", FILES));
        }
        String file = pickerName.substring(PREFIX.length());
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

package dev.poolscope.cpython;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * The exception that ended a program's main process, as the tracer saw it reach the top:
 * its type, message, and the program's line (the innermost frame in the program's own code).
 */
public record MainFailure(String type, String message, Integer line, String file, boolean inProgram) {
    static MainFailure of(JsonNode m) {
        return new MainFailure(m.path("type").asText("Exception"), m.path("message").asText(""),
                m.path("line").isInt() ? m.path("line").asInt() : null, m.path("file").asText(null),
                m.path("program").asBoolean(false));
    }

    /** "p09.py line 3: NameError: name 'function_name' is not defined". */
    public String oneLine(Path program) {
        String where = inProgram || file == null ? program.getFileName().toString() : Path.of(file).getFileName().toString();
        return where + (line != null ? " line " + line : "") + ": " + type + (message.isEmpty() ? "" : ": " + message);
    }
}

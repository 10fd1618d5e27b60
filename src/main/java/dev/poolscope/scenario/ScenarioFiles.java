package dev.poolscope.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolscope.engine.Limits;
import dev.poolscope.files.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading and writing scenario files (the format is described in the README, "Scenario files").
 * Every failure a user can cause comes back as a {@link ScenarioException} whose lines name the
 * file and the field; nothing else escapes from reading.
 */
public final class ScenarioFiles {
    private ScenarioFiles() {}

    /** Reads a scenario file; problems start with {@code file.toString()}. */
    public static Scenario read(Path file) throws ScenarioException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw Problems.single(source, "cannot read file: it is a folder");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // Read one byte past the limit instead of trusting the size, which can change under us.
            bytes = in.readNBytes(JsonText.MAX_CHARS + 1);
        } catch (NoSuchFileException e) {
            throw Problems.single(source, "cannot read file: no such file");
        } catch (AccessDeniedException e) {
            throw Problems.single(source, "cannot read file: permission denied");
        } catch (IOException e) {
            throw Problems.single(source, "cannot read file: " + (e.getMessage() == null ? "read error"
                    : Problems.visible(e.getMessage(), 120)));
        }
        if (bytes.length > JsonText.MAX_CHARS) {
            throw Problems.single(source, "file too large; a scenario file may be at most 16 MB");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw Problems.single(source, "cannot read file: it is not UTF-8 text");
        }
        return parse(text, source);
    }

    /**
     * Parses scenario JSON. The name defaults to the last part of {@code source} without ".json".
     */
    public static Scenario parse(String json, String source) throws ScenarioException {
        String src = source == null || source.isEmpty() ? "scenario" : source;
        String text = json == null ? "" : json;
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // some Windows editors start UTF-8 files with a byte order mark
        }
        ObjectNode root = JsonText.readObject(text, src);
        return ScenarioReader.read(root, src, defaultName(src));
    }

    /** Pretty JSON in the lesson files' layout; {@link #parse} gives the same scenario back. */
    public static String toJson(Scenario s) {
        return ScenarioWriter.toJson(s);
    }

    /** Writes to a temporary file beside the target, then moves it over, so a crash never leaves half a file. */
    public static void write(Scenario s, Path file) throws IOException {
        AtomicFile.write(file, out -> out.write(toJson(s)));
    }

    /** "lessons/work-log.json" gives "work-log". */
    static String defaultName(String source) {
        String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
        if (name.regionMatches(true, Math.max(0, name.length() - 5), ".json", 0, 5)) {
            name = name.substring(0, name.length() - 5);
        }
        name = Problems.oneLine(name).strip();
        if (name.length() > Limits.MAX_NAME_LENGTH) {
            name = name.substring(0, Limits.MAX_NAME_LENGTH);
        }
        return name.isEmpty() ? "scenario" : name;
    }
}

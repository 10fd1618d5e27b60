package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.cpython.PythonRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --python DIR} runs {@code DIR/__main__.py}, as {@code python3 DIR} does (issue 19,
 * defect 9: it used to say "no such file"); a folder without one is called that.
 */
class PythonFolderTest extends InProcessCliTest {
    @TempDir
    Path dir;

    @Test
    void aFolderWithMainRunsAndOneWithoutIsNamedForWhatItLacks() throws Exception {
        PythonRuns.python();
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("__main__.py"), "print('hello from the folder')\n");
        assertEquals(0, poolscope("run", "--python", app.toString()), err);
        assertTrue(out.contains("hello from the folder"), out);

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(2, poolscope("run", "--python", empty.toString()));
        assertTrue(err.contains("is a folder without __main__.py"), err);
    }
}

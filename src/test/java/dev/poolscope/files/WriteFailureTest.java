package dev.poolscope.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** A write that fails says why (issue 19, defect 11: {@code render --out /proc/x.png} named only a temporary file). */
class WriteFailureTest {
    @Test
    @EnabledOnOs(OS.LINUX)
    void aFolderThatTakesNoNewFileIsSaidSo() {
        Path target = Path.of("/proc/x.png");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.writeBinary(target, out -> out.write(1)));
        assertEquals("cannot write /proc/x.png: no file can be created in /proc (choose another folder)",
                WriteFailure.of(target, e));
    }
}

package dev.poolscope.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The lesson programs the picker offers are exactly those in assets/python, and each ships in the build. */
class PythonLessonsTest {
    @Test
    void thePickerOffersEveryProgramInAssetsPythonAndEachExtractsIntact() throws Exception {
        List<String> onDisk;
        try (Stream<Path> files = Files.list(Path.of("assets", "python"))) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".py")).sorted().toList();
        }
        assertEquals(onDisk, PythonLessons.FILES.stream().sorted().toList());
        for (String name : PythonLessons.pickerNames()) {
            assertTrue(PythonLessons.isProgram(name), name);
            Path program = PythonLessons.extract(name);
            String file = name.substring(PythonLessons.PREFIX.length());
            assertEquals(file, program.getFileName().toString());
            assertEquals(Files.readString(Path.of("assets", "python", file)), Files.readString(program));
        }
    }

    @Test
    void aScenarioLessonOrAnUnknownNameIsNotAProgram() {
        assertFalse(PythonLessons.isProgram("work-log"));
        assertFalse(PythonLessons.isProgram("python: ../../etc/passwd"));
        assertThrows(java.io.IOException.class, () -> PythonLessons.extract("python: nope.py"));
    }
}

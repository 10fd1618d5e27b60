package dev.poolscope.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcStatTest {
    /** A real line's shape (from a process renamed by prctl), fields 14/15/24 set apart. */
    private static final String ODD_NAME = "4242 (my (odd) name) ) T 1 4242 4242 0 -1 4194560 120 0 0 0 "
            + "731 42 0 0 20 0 3 0 1234 123456789 5120 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0";

    @Test
    void nameWithSpacesAndParenthesesEndsAtTheLastParenthesis() {
        ProcStat s = ProcStat.parse(ODD_NAME);
        assertEquals(4242, s.pid());
        assertEquals("my (odd) name) ", s.name());
        assertEquals('T', s.state());
        assertEquals(731, s.utimeTicks());
        assertEquals(42, s.stimeTicks());
        assertEquals(5120, s.rssPages());
    }

    @Test
    void ordinaryLineOfThisProcess() throws Exception {
        String line = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/self/stat"))).trim();
        org.junit.jupiter.api.Assumptions.assumeTrue(!line.isEmpty(), "no /proc here");
        ProcStat s = ProcStat.parse(line);
        assertEquals(ProcessHandle.current().pid(), s.pid());
        assertEquals("java", s.name());
        assertTrue(s.rssPages() > 0, "a JVM holds memory");
        assertTrue(s.utimeTicks() + s.stimeTicks() > 0, "a JVM running tests has used CPU");
    }

    @Test
    void unitsOfAReading() {
        ProcStat s = ProcStat.parse(ODD_NAME);
        ProcessProbe.Reading r = LinuxProcProbe.reading(s, s.state());
        assertEquals((731 + 42) * 1_000_000_000L / LinuxProcProbe.CLK_TCK, r.cpuNanos());
        assertEquals(5120 * LinuxProcProbe.PAGE_SIZE / 1024, r.rssKb());
        assertEquals("stopped", OsState.describe(r.state()));
    }

    @Test
    void badLinesSayWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("4242 no name S 1"))
                .getMessage().contains("no '(name)'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("4242 (short) S 1 2 3"))
                .getMessage().contains("too few fields"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ProcStat.parse(ODD_NAME.replace(" 731 ", " x7 "))).getMessage().contains("utime"));
    }
}

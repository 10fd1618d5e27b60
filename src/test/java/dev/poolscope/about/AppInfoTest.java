package dev.poolscope.about;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.cli.PoolScopeCommand;
import dev.poolscope.cli.VersionProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The version comes from the build (one place: pom.xml), and --version and the licence show it. */
class AppInfoTest {
    /** A Maven version as the pom writes it; an unfiltered "${project.version}" does not match. */
    private static final String VERSION = "\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?";

    @Test
    void versionIsTheBuildsFilledIn() {
        assertTrue(AppInfo.version().matches(VERSION), AppInfo.version());
        assertEquals("PoolScope " + AppInfo.version(), AppInfo.nameAndVersion());
    }

    @Test
    void versionOptionPrintsVersionJavaAndLicence() {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = PoolScopeCommand.execute("--version");
        } finally {
            System.setOut(old);
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals(0, code);
        assertTrue(lines[0].matches("PoolScope " + VERSION), lines[0]);
        assertTrue(lines[1].startsWith("Java " + System.getProperty("java.version")), lines[1]);
        assertEquals("Licence: MIT (see LICENSE)", lines[2]);
        assertEquals(3, new VersionProvider().getVersion().length);
    }

    @Test
    void licenceTextShipsWithTheClasses() {
        String text = AppInfo.licenceText();
        assertTrue(text.startsWith("MIT License"), text);
        assertTrue(text.contains("PoolScope authors"), text);
    }
}

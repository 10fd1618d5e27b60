package dev.poolscope.about;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * What PoolScope is: its name, its version (written by the build from pom.xml into
 * {@code poolscope.properties}, so the pom is the one place it is set), its licence, and the
 * runtime it runs on. Used by {@code --version} and Help > About. No JavaFX here.
 */
public final class AppInfo {
    public static final String NAME = "PoolScope";
    /** Shown when the classes run without the build's resources (an IDE that skips filtering). */
    static final String UNKNOWN = "unknown";
    private static final Properties BUILD = load("/dev/poolscope/poolscope.properties");

    private AppInfo() {}

    /** The project version from pom.xml, for example {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        String v = BUILD.getProperty("version", UNKNOWN);
        return v.isBlank() || v.startsWith("${") ? UNKNOWN : v;
    }

    /** {@code PoolScope 0.1.0-SNAPSHOT}. */
    public static String nameAndVersion() {
        return NAME + " " + version();
    }

    /** The licence's short name, {@code MIT}. */
    public static String licenceName() {
        return BUILD.getProperty("licence", "MIT");
    }

    /** The full licence text shipped in the jar (dev/poolscope/LICENSE), or a pointer to it. */
    public static String licenceText() {
        try (InputStream in = AppInfo.class.getResourceAsStream("/dev/poolscope/LICENSE")) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            // Fall through to the short form: the licence name is still right.
        }
        return licenceName() + " License (see the LICENSE file)";
    }

    /** The Java runtime, e.g. {@code Java 17.0.15 (Debian, OpenJDK 64-Bit Server VM) on Linux amd64}. */
    public static String javaDescription() {
        return "Java " + System.getProperty("java.runtime.version", System.getProperty("java.version"))
                + " (" + System.getProperty("java.vendor", "?") + ", " + System.getProperty("java.vm.name", "?")
                + ") on " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Unknown version rather than no start: the values above have defaults.
        }
        return p;
    }
}

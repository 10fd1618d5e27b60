package dev.poolscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.about.AppInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The image's launcher, src/dist/poolscope, run for real the way a user runs it: through a
 * symbolic link, from another directory, with an empty environment. The image is laid out as
 * the dist build lays it out (bin/, lib/, runtime/), with this JDK standing in for the jlinked
 * runtime and a poolscope.jar made from the compiled classes (the command line needs no
 * JavaFX, so its jars are left out); building the real image
 * (jlink) stays out of the tests ({@code ./mvnw -Pdist package}, checked by .ci/run).
 */
class DistLauncherTest {
    @TempDir
    static Path dir;
    static Path image;

    @BeforeAll
    static void layOutAnImage() throws IOException {
        image = dir.resolve("poolscope-test");
        Path bin = Files.createDirectories(image.resolve("bin"));
        Path lib = Files.createDirectories(image.resolve("lib"));
        Files.copy(Path.of("src/dist/poolscope"), bin.resolve("poolscope"));
        Files.copy(Path.of("src/dist/logging.properties"), lib.resolve("logging.properties"));
        assertTrue(bin.resolve("poolscope").toFile().setExecutable(true));
        Files.createSymbolicLink(image.resolve("runtime"), Path.of(System.getProperty("java.home")));
        Path classes = codeOf(AppInfo.class);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ToolProvider.findFirst("jar").orElseThrow().run(System.out, new PrintStream(err),
                "--create", "--file", lib.resolve("poolscope.jar").toString(), "-C", classes.toString(), ".");
        assertEquals(0, code, err.toString());
        for (Class<?> c : List.of(CommandLine.class, ObjectMapper.class, com.fasterxml.jackson.core.JsonParser.class,
                com.fasterxml.jackson.annotation.JsonProperty.class)) {
            Path jar = codeOf(c);
            Files.copy(jar, lib.resolve(jar.getFileName()));
        }
    }

    private static Path codeOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the launcher through a link in another directory, with no environment at all. */
    private static Result launch(String... args) throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path link = elsewhere.resolve("poolscope");
        if (!Files.isSymbolicLink(link)) {
            Files.createSymbolicLink(link, image.resolve("bin/poolscope"));
        }
        List<String> cmd = new java.util.ArrayList<>(List.of(link.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(elsewhere.toFile());
        pb.environment().clear();
        Process p = pb.start();
        p.getOutputStream().close();
        java.util.concurrent.CompletableFuture<byte[]> err =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher did not finish");
        return new Result(p.exitValue(), out, new String(err.get(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    record Result(int code, String out, String err) {}

    @Test
    void versionThroughALinkWithAnEmptyEnvironment() throws Exception {
        Result r = launch("--version");
        assertEquals(0, r.code(), r.err());
        assertEquals(AppInfo.nameAndVersion(), r.out().lines().findFirst().orElse(""), r.out());
    }

    @Test
    void aRelativeLinkStartedWithShFromItsDirectory() throws Exception {
        Path here = Files.createDirectories(dir.resolve("links"));
        Path link = here.resolve("ps");
        if (!Files.isSymbolicLink(link)) {
            Files.createSymbolicLink(link, here.relativize(image.resolve("bin/poolscope")));
        }
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "ps", "--version").directory(here.toFile());
        pb.environment().clear();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(AppInfo.nameAndVersion(), out.lines().findFirst().orElse(""));
    }

    @Test
    void everyCommandGetsItsArguments() throws Exception {
        Result r = launch("lessons");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("work-log ")), r.out());
        Result bad = launch("run", "--lesson", "no-such-lesson");
        assertEquals(2, bad.code(), bad.out() + bad.err());
        assertTrue(bad.err().contains("no-such-lesson"), bad.err());
    }

    @Test
    void workerArchiveIsMadeForWhereTheImageIs() throws Exception {
        launch("--version");
        Path lib = image.resolve("lib");
        String home = image.toRealPath().toString();
        assertEquals(home, Files.readString(lib.resolve("poolscope-worker.home")).strip());
        assertTrue(Files.size(lib.resolve("poolscope-worker.jsa")) > 0, "no worker class-data archive");
    }

    @Test
    void anIncompleteImageSaysSoInOneLine() throws Exception {
        Path broken = dir.resolve("broken/bin");
        Files.createDirectories(broken);
        Files.copy(image.resolve("bin/poolscope"), broken.resolve("poolscope"));
        assertTrue(broken.resolve("poolscope").toFile().setExecutable(true));
        ProcessBuilder pb = new ProcessBuilder(broken.resolve("poolscope").toString(), "lessons");
        pb.environment().clear();
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("not a whole PoolScope image"), err);
    }
}

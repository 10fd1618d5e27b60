package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The usual mistakes with every command, each answered in one voice: one line on stderr, exit
 * code 2, and the line starts with the command, then the option or file it is about
 * ({@code poolscope run: --pool: must be between 1 and 64, got 0}); never a stack trace, never
 * picocli's or Jackson's own wording. None of these starts a worker.
 */
class ErrorVoiceTest extends InProcessCliTest {
    @TempDir
    static Path dir;

    static Stream<Arguments> mistakes() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"tasks\": [{\"name\": \"A\" \"kind\": \"sleep\", \"ms\": 5}]}");
        Path badTask = dir.resolve("bad-task.json");
        Files.writeString(badTask, "{\"tasks\": [{\"name\": \"A\", \"kind\": \"sleep\", \"ms\": -5}]}");
        String missing = dir.resolve("missing.json").toString();
        String trace = "assets/tutorial/work-log.json";
        List<Arguments> all = new ArrayList<>();
        Map.<String, String[]>ofEntries(
                Map.entry("poolscope run: give one of --lesson NAME", new String[] {"run"}),
                Map.entry("poolscope run: --lesson: unknown lesson 'nope'", new String[] {"run", "--lesson", "nope"}),
                Map.entry("poolscope run: --pool: must be between 1 and 64, got 0", new String[] {"run", "--lesson", "doubling", "--pool", "0"}),
                Map.entry("poolscope run: --pool: must be a whole number, got 'two'", new String[] {"run", "--lesson", "doubling", "--pool", "two"}),
                Map.entry("poolscope run: --pool: needs a value", new String[] {"run", "--lesson", "doubling", "--pool"}),
                Map.entry("poolscope run: --poool: unknown option (did you mean --pool?)", new String[] {"run", "--lesson", "doubling", "--poool", "2"}),
                Map.entry("poolscope run: give only one of --lesson and --scenario", new String[] {"run", "--lesson", "doubling", "--scenario", "x.json"}),
                Map.entry("poolscope run: " + missing + ": ", new String[] {"run", "--scenario", missing}),
                Map.entry("poolscope run: " + broken + ": line 1, column 25: ", new String[] {"run", "--scenario", broken.toString()}),
                Map.entry("poolscope run: " + badTask + ": tasks[0].ms: ", new String[] {"run", "--scenario", badTask.toString()}),
                Map.entry("poolscope run: --mode: must be one of", new String[] {"run", "--lesson", "doubling", "--mode", "fast"}),
                Map.entry("poolscope run: --chunksize: must be between", new String[] {"run", "--lesson", "doubling", "--chunksize", "0"}),
                Map.entry("poolscope run: --max-tasks-per-child: ", new String[] {"run", "--lesson", "doubling", "--max-tasks-per-child", "0"}),
                Map.entry("poolscope run: --timeout: must be between", new String[] {"run", "--lesson", "doubling", "--timeout", "0"}),
                Map.entry("poolscope run: --start: must be together or asap", new String[] {"run", "--lesson", "doubling", "--start", "later"}),
                Map.entry("poolscope run: --engine: must be java, cpython or dask", new String[] {"run", "--lesson", "doubling", "--engine", "rust"}),
                Map.entry("poolscope run: --trace: cannot write", new String[] {"run", "--lesson", "doubling", "--trace", "/nonexistent/t.json"}),
                Map.entry("poolscope run: --png: must end in .png", new String[] {"run", "--lesson", "doubling", "--png", "x.jpg"}),
                Map.entry("poolscope run: --python-exe: only with --python FILE", new String[] {"run", "--lesson", "doubling", "--python-exe", "/usr/bin/python3"}),
                Map.entry("poolscope run: --python-exe: Python interpreter /no/such/python", new String[] {"run", "--lesson", "doubling", "--engine", "cpython", "--python-exe", "/no/such/python"}),
                Map.entry("poolscope run: --python: no such file", new String[] {"run", "--python", dir.resolve("missing.py").toString()}),
                Map.entry("poolscope run: --deadline: must be at least 1 ms", new String[] {"run", "--lesson", "doubling", "--deadline", "0"}),
                Map.entry("poolscope sweep: --pools: must be between 1 and 64, got 0", new String[] {"sweep", "--lesson", "sleepy", "--pools", "0,1"}),
                Map.entry("poolscope sweep: --vary: expected SETTING=V1,V2,...", new String[] {"sweep", "--lesson", "sleepy", "--vary", "speed=1"}),
                Map.entry("poolscope sweep: --repeat: must be between", new String[] {"sweep", "--lesson", "sleepy", "--repeat", "0"}),
                Map.entry("poolscope sweep: --csv: cannot write", new String[] {"sweep", "--lesson", "sleepy", "--csv", "/nonexistent/s.csv"}),
                Map.entry("poolscope compare: --vary: say what to compare", new String[] {"compare", "--lesson", "sleepy"}),
                Map.entry("poolscope compare: --vary: pool: give at least two values", new String[] {"compare", "--lesson", "sleepy", "--vary", "pool=2"}),
                Map.entry("poolscope render: --trace: required", new String[] {"render", "--out", "x.png"}),
                Map.entry("poolscope render: " + missing + ": no such file", new String[] {"render", "--trace", missing, "--out", dir.resolve("x.png").toString()}),
                Map.entry("poolscope render: " + broken + ": line 1, column 25: ", new String[] {"render", "--trace", broken.toString(), "--out", dir.resolve("x.png").toString()}),
                Map.entry("poolscope render: --out: must end in .png, .svg or .gif", new String[] {"render", "--trace", trace, "--out", "x.bmp"}),
                Map.entry("poolscope render: --theme: must be light or dark", new String[] {"render", "--trace", trace, "--out", "x.png", "--theme", "blue"}),
                Map.entry("poolscope render: --width: must be", new String[] {"render", "--trace", trace, "--out", "x.png", "--width", "0"}),
                Map.entry("poolscope ui: --pool: must be between 1 and 64, got 0", new String[] {"ui", "--pool", "0"}),
                Map.entry("poolscope ui: --lesson: unknown lesson 'nope'", new String[] {"ui", "--lesson", "nope"}),
                Map.entry("poolscope ui: --size: must be WIDTHxHEIGHT", new String[] {"ui", "--size", "10x10"}),
                Map.entry("poolscope bench: --rounds: must be between", new String[] {"bench", "--rounds", "0"}),
                Map.entry("poolscope bench-start: --workers: must be between 1 and 64, got 0", new String[] {"bench-start", "--workers", "0"}),
                Map.entry("poolscope bench-ui: --workers: must be between 1 and 64, got 0", new String[] {"bench-ui", "--workers", "0"}),
                Map.entry("poolscope lessons: 'extra': unexpected argument", new String[] {"lessons", "extra"}),
                Map.entry("poolscope: unknown command 'nope'", new String[] {"nope"}))
                .forEach((prefix, args) -> all.add(Arguments.of(String.join(" ", args), args, prefix)));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aMistakeIsOneLineInOneVoice(String name, String[] args, String prefix) {
        assertEquals(PoolScopeCommand.BAD_INPUT, poolscope(args), err);
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.startsWith(prefix), "expected it to start with <" + prefix + ">: " + err);
        assertTrue(err.matches("poolscope( [a-z-]+)?: (--[a-z-]+|'[^']*'|[^ ]+\\.json|give|unknown command)[ :].*\\R"),
                "command, then the option or file: " + err);
        for (String foreign : new String[] {"Exception", "\tat ", "Invalid value", "Unknown option", "Missing required",
                "was expecting", "Try '", "error:"}) {
            assertFalse(err.contains(foreign), foreign + ": " + err);
        }
        assertEquals("", out, "nothing on stdout");
    }

    private static final Pattern OPTION_LINE = Pattern.compile("^  (?:-\\w, | {4})(--[\\w-]+)", Pattern.MULTILINE);

    /** Every command's --help lists each of its options once, and each has a description. */
    @Test
    void everyHelpListsEachOptionOnceWithADescription() {
        CommandLine root = new CommandLine(new PoolScopeCommand());
        List<CommandLine> commands = new ArrayList<>(List.of(root));
        commands.addAll(root.getSubcommands().values());
        for (CommandLine c : commands) {
            String name = c.getCommandName();
            List<String> args = new ArrayList<>(name.equals("poolscope") ? List.of() : List.of(name));
            args.add("--help");
            assertEquals(0, poolscope(args.toArray(String[]::new)), err);
            List<String> listed = new ArrayList<>();
            Matcher m = OPTION_LINE.matcher(out);
            while (m.find()) {
                listed.add(m.group(1));
            }
            assertEquals(listed.stream().distinct().toList(), listed, name + " lists an option twice:\n" + out);
            for (OptionSpec o : c.getCommandSpec().options()) {
                assertTrue(listed.contains(o.longestName()), name + " --help lists " + o.longestName() + ":\n" + out);
                assertTrue(o.description().length > 0 && !o.description()[0].isBlank(),
                        name + " " + o.longestName() + " has no description");
            }
            assertFalse(out.contains("=<"), name + " shows a <placeholder> instead of a label:\n" + out);
            String[] about = c.getCommandSpec().usageMessage().description();
            assertTrue(about.length > 0 && about[0].matches(".*[.)]"), name + ": its one-line summary is a sentence: " + about[0]);
        }
    }
}

package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The README's command line stays complete: every command and every option its --help lists. */
class ReadmeCommandLineTest {
    @Test
    void theReadmeNamesEveryCommandAndOption() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> missing = new ArrayList<>();
        CommandLine root = new CommandLine(new PoolScopeCommand());
        for (CommandLine c : root.getSubcommands().values()) {
            if (!readme.contains("`" + c.getCommandName() + "`")) {
                missing.add(c.getCommandName());
            }
            for (OptionSpec o : c.getCommandSpec().options()) {
                if (!o.usageHelp() && !o.versionHelp()
                        && !java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(o.longestName()) + "(?![\\w-])")
                        .matcher(readme).find()) {
                    missing.add(c.getCommandName() + " " + o.longestName());
                }
            }
        }
        assertEquals(List.of(), missing, "in poolscope --help but not in the README");
    }
}

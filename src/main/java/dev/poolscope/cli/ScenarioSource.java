package dev.poolscope.cli;

import dev.poolscope.scenario.Lessons;
import dev.poolscope.scenario.Scenario;
import dev.poolscope.scenario.ScenarioException;
import dev.poolscope.scenario.ScenarioFiles;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * What to run: a built-in lesson or a scenario file. The argument group of {@code run} (which adds
 * {@code --python}), {@code sweep} and {@code compare}; each declares it as its own
 * {@code @ArgGroup(exclusive = true, multiplicity = "1")}, since picocli lists an argument group
 * inside a mixin twice in the help.
 */
class ScenarioSource {
    @Option(names = "--lesson", paramLabel = "NAME", description = "a built-in lesson (see 'poolscope lessons')")
    String lesson;

    @Option(names = "--scenario", paramLabel = "FILE", description = "a scenario JSON file")
    Path scenario;

    /** The lesson or the file's scenario; a problem with either is bad input naming the option or the file. */
    Scenario load() {
        try {
            return lesson != null ? Lessons.load(lesson) : ScenarioFiles.read(scenario);
        } catch (ScenarioException e) {
            throw new BadInput(e.problems().stream().map(ScenarioSource::asOption).toList());
        }
    }

    /** Lessons name their problems "lesson: ..."; on the command line that is the --lesson option. */
    static String asOption(String problem) {
        return problem.startsWith("lesson: ") ? "--lesson: " + problem.substring("lesson: ".length())
                + " (see 'poolscope lessons')" : problem;
    }
}

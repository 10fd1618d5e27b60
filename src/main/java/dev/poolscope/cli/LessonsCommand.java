package dev.poolscope.cli;

import dev.poolscope.scenario.LessonInfo;
import dev.poolscope.scenario.Lessons;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "lessons", description = "Lists the built-in lessons, one line each.")
final class LessonsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        int width = Lessons.all().stream().mapToInt(l -> l.name().length()).max().orElse(0);
        for (LessonInfo lesson : Lessons.all()) {
            System.out.printf("%-" + width + "s  %s%n", lesson.name(), lesson.summary());
        }
        ThreadLessonsListing.print();
        return PoolScopeCommand.OK;
    }
}

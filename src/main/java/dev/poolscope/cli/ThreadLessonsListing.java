package dev.poolscope.cli;

import dev.poolscope.cpython.PythonLessons;

/** The lessons that exist only as Python programs (threads against processes), after the scenario lessons. */
final class ThreadLessonsListing {
    private ThreadLessonsListing() {}

    static void print() {
        var listed = PythonLessons.listed();
        int width = listed.stream().mapToInt(l -> l.name().length()).max().orElse(0);
        System.out.println();
        System.out.println("Python programs (threads against processes; run on python3 by 'poolscope run --lesson NAME'):");
        for (PythonLessons.Listed lesson : listed) {
            System.out.printf("%-" + width + "s  %s%n", lesson.name(), lesson.summary());
        }
    }
}

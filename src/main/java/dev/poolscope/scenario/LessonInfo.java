package dev.poolscope.scenario;

/**
 * A built-in lesson as a menu shows it.
 *
 * @param name    the id to pass to {@link Lessons#load(String)}, e.g. "work-log"
 * @param summary the lesson's one-line description
 */
public record LessonInfo(String name, String summary) {}

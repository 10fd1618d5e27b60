package dev.poolscope.ui.lesson;

import dev.poolscope.ui.timeline.TimelineModel;
import dev.poolscope.ui.timeline.TimelineView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.animation.AnimationTimer;

/**
 * Ties the program's source to its picture. The tracer names the program's line at each call
 * it traces (a mark's text ends "(line 12)"): during a run the line of the main process's latest
 * call is lit; a click on a mark or a task lights its line, a click on a line lights its marks;
 * Previous/Next step through a finished run's marks, moving the line and the time cursor together.
 *
 * <p>A task's line is the call that made it: the {@code start()} of its process, or the Pool
 * call ({@code map}, {@code apply_async}...) last made before it started.
 */
public final class LessonLinks {
    private static final Pattern LINE = Pattern.compile("\\(line (\\d+)\\)\\s*$");
    private static final long REFRESH_NS = 100_000_000L;
    private final LessonView view;
    private final TimelineView timeline;
    private final Supplier<TimelineModel> run;
    private final BooleanSupplier running;
    private final Cursor cursor;
    private List<TimelineModel.Mark> marks = List.of();
    private TimelineModel shown;
    private int shownMarks = -1;
    private boolean shownRunning;
    private int step = -1;
    private long lastRefresh;

    /** Moves the time cursor of a finished run to a moment (the window shows the run as it stood then). */
    public interface Cursor {
        void showAt(TimelineModel run, long atNs, String words);
    }

    public LessonLinks(LessonView view, TimelineView timeline, Supplier<TimelineModel> run, BooleanSupplier running,
                       Cursor cursor) {
        this.view = view;
        this.timeline = timeline;
        this.run = run;
        this.running = running;
        this.cursor = cursor;
        view.code().onLineClicked(this::lineClicked);
        view.previousButton().setOnAction(e -> step(-1));
        view.nextButton().setOnAction(e -> step(+1));
        timeline.setOnMarkClicked(this::markClicked);
        timeline.setOnTaskClicked(this::taskClicked);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                // Cheap and only while the source is on screen: a look at the main lane 10 times a second.
                if (now - lastRefresh >= REFRESH_NS && view.getScene() != null) {
                    lastRefresh = now;
                    try {
                        refresh();
                    } catch (RuntimeException e) {
                        view.setCaption("The links to the source stopped: " + e);
                    }
                }
            }
        }.start();
    }

    /** The program line a mark's text names, or -1. */
    public static int lineOf(TimelineModel.Mark m) {
        Matcher x = LINE.matcher(m.text());
        return x.find() ? Integer.parseInt(x.group(1)) : -1;
    }

    /** The main lane's marks that name a line, in time order (a program's lane 0). */
    static List<TimelineModel.Mark> lineMarks(TimelineModel model) {
        List<TimelineModel.Mark> out = new ArrayList<>();
        if (model == null || model.laneOffset() != 1 || model.laneCount() == 0) {
            return out;
        }
        for (TimelineModel.Mark m : model.lane(0).marks()) {
            if (m.kind() == TimelineModel.Mark.Kind.CALL && lineOf(m) > 0) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparingLong(TimelineModel.Mark::at));
        return out;
    }

    void refresh() {
        TimelineModel model = run.get();
        if (model != shown) {
            shown = model;
            shownMarks = -1;
            step = -1;
            view.code().setPicked(-1);
            view.code().setCurrent(-1);
            timeline.highlight(List.of());
        }
        if (model == null) {
            return;
        }
        int count = model.laneCount() == 0 ? 0 : model.lane(0).marks().size();
        boolean now = running.getAsBoolean();
        if (count == shownMarks && now == shownRunning) {
            return;
        }
        shownMarks = count;
        shownRunning = now;
        marks = lineMarks(model);
        Set<Integer> tied = new TreeSet<>();
        marks.forEach(m -> tied.add(lineOf(m)));
        view.code().setTied(tied);
        if (running.getAsBoolean() && !marks.isEmpty()) {
            // The main process is at the line of its latest call (it may be waiting there: map, join).
            TimelineModel.Mark latest = marks.get(marks.size() - 1);
            view.code().setCurrent(lineOf(latest));
            view.setCaption("The main process is at line " + lineOf(latest) + ": " + words(latest));
        } else if (!running.getAsBoolean()) {
            view.code().setCurrent(-1);
            view.setCaption(marks.isEmpty() ? "No call of this run named its line."
                    : "Finished: " + marks.size() + " calls on " + tied.size() + " lines. Previous/Next step through"
                    + " them; click a mark, a task or a line.");
        }
    }

    /** A mark's words without its "(line N)". */
    private static String words(TimelineModel.Mark m) {
        return LINE.matcher(m.text()).replaceFirst("").trim();
    }

    private void lineClicked(int line) {
        view.code().setPicked(line);
        List<TimelineModel.Mark> at = new ArrayList<>();
        for (TimelineModel.Mark m : marks) {
            if (lineOf(m) == line) {
                at.add(m);
            }
        }
        timeline.highlight(at);
        if (at.isEmpty()) {
            view.setCaption("Line " + line + ": no traced call of this run was made here.");
            return;
        }
        StringBuilder sb = new StringBuilder("Line " + line + ": ");
        for (int i = 0; i < at.size() && i < 4; i++) {
            sb.append(i == 0 ? "" : "; ").append(time(at.get(i).at())).append(' ').append(words(at.get(i)));
        }
        if (at.size() > 4) {
            sb.append("; and ").append(at.size() - 4).append(" more");
        }
        view.setCaption(sb.toString());
    }

    private void markClicked(TimelineModel.Mark m) {
        int line = lineOf(m);
        if (line > 0) {
            step = marks.indexOf(m);
            view.code().setPicked(line);
            timeline.highlight(List.of(m));
            view.setCaption(time(m.at()) + ", line " + line + ": " + words(m));
        }
    }

    private void taskClicked(int task) {
        TimelineModel model = run.get();
        if (model == null) {
            return;
        }
        TimelineModel.Mark maker = makerOf(model, task);
        if (maker == null) {
            view.setCaption("Task " + model.name(task) + ": no traced call names the line that made it.");
            return;
        }
        view.code().setPicked(lineOf(maker));
        timeline.highlight(List.of(maker));
        view.setCaption("Task " + model.name(task) + " (PID " + model.pid(task) + ") was made at line " + lineOf(maker)
                + ": " + words(maker));
    }

    /** The call that made a task: its process's start(), or the Pool call last made before it started. */
    static TimelineModel.Mark makerOf(TimelineModel model, int task) {
        long pid = model.pid(task);
        TimelineModel.Mark poolCall = null;
        for (TimelineModel.Mark m : lineMarks(model)) {
            if (m.newPid() == pid && pid > 0 && m.text().startsWith("start()")) {
                return m;
            }
            if (m.at() <= model.start(task) && m.text().contains(" called")) {
                poolCall = m;
            }
        }
        return poolCall;
    }

    /** Previous or next mark of a finished run: its line lit and the time cursor moved there. */
    private void step(int by) {
        TimelineModel model = run.get();
        if (model == null || marks.isEmpty() || running.getAsBoolean()) {
            return;
        }
        step = Math.max(0, Math.min(marks.size() - 1, step < 0 && by < 0 ? marks.size() - 1 : step + by));
        TimelineModel.Mark m = marks.get(step);
        view.code().setPicked(lineOf(m));
        timeline.highlight(List.of(m));
        String words = time(m.at()) + ", line " + lineOf(m) + ": " + words(m);
        view.setCaption("Step " + (step + 1) + " of " + marks.size() + " \u2014 " + words);
        cursor.showAt(model, m.at(), "Step " + (step + 1) + " of " + marks.size() + " at " + time(m.at()));
    }

    /** The mark stepped to (-1 for none), for tests. */
    public int step() {
        return step;
    }

    private static String time(long ns) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", ns / 1e6);
    }
}

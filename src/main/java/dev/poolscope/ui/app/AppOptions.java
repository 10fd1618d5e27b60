package dev.poolscope.ui.app;

import java.util.List;

/**
 * Command-line options of the window, useful to a teacher preparing a room as much as to
 * scripts that take screenshots: {@code --lesson NAME}, {@code --open FILE}, {@code --scale X}
 * (time scale), {@code --pool N}, {@code --run} (start at once), {@code --presenter}, {@code --dark}.
 */
public record AppOptions(String lesson, String file, Double scale, Integer pool, boolean run, boolean presenter,
                         boolean dark) {

    public static AppOptions defaults() {
        return new AppOptions("work-log", null, null, null, false, false, false);
    }

    /** Parses the options; unknown ones are reported by the exception's message. */
    public static AppOptions parse(List<String> args) {
        String lesson = "work-log";
        String file = null;
        Double scale = null;
        Integer pool = null;
        boolean run = false;
        boolean presenter = false;
        boolean dark = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--lesson" -> lesson = value(args, ++i, a);
                case "--open" -> file = value(args, ++i, a);
                case "--scale" -> scale = Double.valueOf(value(args, ++i, a));
                case "--pool" -> pool = Integer.valueOf(value(args, ++i, a));
                case "--run" -> run = true;
                case "--presenter" -> presenter = true;
                case "--dark" -> dark = true;
                default -> throw new IllegalArgumentException("unknown option " + a
                        + " (known: --lesson NAME, --open FILE, --scale X, --pool N, --run, --presenter, --dark)");
            }
        }
        return new AppOptions(lesson, file, scale, pool, run, presenter, dark);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}

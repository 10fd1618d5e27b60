package dev.poolscope.ui.app;

import java.util.List;

/**
 * Command-line options of the window, useful to a teacher preparing a room as much as to
 * scripts that take screenshots: {@code --lesson NAME}, {@code --open FILE}, {@code --scale X}
 * (time scale), {@code --pool N}, {@code --time-limit MS}, {@code --run} (start at once),
 * {@code --presenter}, {@code --dark}, {@code --size WxH} (window size, e.g. 1280x720) or
 * {@code --maximized}.
 */
public record AppOptions(String lesson, String file, Double scale, Integer pool, Long timeLimit, boolean run,
                         boolean presenter, boolean dark, int width, int height, boolean maximized) {
    public static final int DEFAULT_WIDTH = 1400;
    public static final int DEFAULT_HEIGHT = 900;

    public static AppOptions defaults() {
        return new AppOptions("work-log", null, null, null, null, false, false, false, DEFAULT_WIDTH, DEFAULT_HEIGHT,
                false);
    }

    /** No lesson, no file: an empty window (the frame benchmark loads its own scenario). */
    public static AppOptions empty() {
        return new AppOptions(null, null, null, null, null, false, false, false, DEFAULT_WIDTH, DEFAULT_HEIGHT, false);
    }

    /** Parses the options; unknown or malformed ones are reported by the exception's message. */
    public static AppOptions parse(List<String> args) {
        String lesson = "work-log";
        String file = null;
        Double scale = null;
        Integer pool = null;
        Long limit = null;
        boolean run = false;
        boolean presenter = false;
        boolean dark = false;
        int width = DEFAULT_WIDTH;
        int height = DEFAULT_HEIGHT;
        boolean maximized = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            try {
                switch (a) {
                    case "--lesson" -> lesson = value(args, ++i, a);
                    case "--open" -> file = value(args, ++i, a);
                    case "--scale" -> scale = Double.valueOf(value(args, ++i, a));
                    case "--pool" -> pool = Integer.valueOf(value(args, ++i, a));
                    case "--time-limit" -> limit = Long.valueOf(value(args, ++i, a));
                    case "--run" -> run = true;
                    case "--presenter" -> presenter = true;
                    case "--dark" -> dark = true;
                    case "--maximized" -> maximized = true;
                    case "--size" -> {
                        String[] wh = value(args, ++i, a).toLowerCase(java.util.Locale.ROOT).split("x");
                        if (wh.length != 2) {
                            throw new IllegalArgumentException("--size needs WIDTHxHEIGHT, e.g. 1280x720");
                        }
                        width = Math.max(640, Integer.parseInt(wh[0].trim()));
                        height = Math.max(480, Integer.parseInt(wh[1].trim()));
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a + " (known: --lesson NAME,"
                            + " --open FILE, --scale X, --pool N, --time-limit MS, --run, --presenter, --dark,"
                            + " --size WxH, --maximized)");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(a + " needs a number, got '" + args.get(i) + "'");
            }
        }
        return new AppOptions(lesson, file, scale, pool, limit, run, presenter, dark, width, height, maximized);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}

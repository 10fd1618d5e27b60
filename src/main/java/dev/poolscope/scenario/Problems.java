package dev.poolscope.scenario;

import dev.poolscope.files.JsonErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the problems of one scenario so a user sees several at once, not one per attempt.
 * Every line starts with the source and is kept to one short line, because the UI and the CLI
 * show these messages as they are.
 */
final class Problems {
    /** Enough to fix a file in a few rounds; more would only bury the first ones. */
    static final int MAX_SHOWN = 20;
    /** Longest piece of user text echoed back in a message. */
    private static final int MAX_ECHO = 40;

    private final String source;
    private final Set<String> shown = new LinkedHashSet<>();
    private final Set<String> hidden = new HashSet<>();
    private final Set<String> failedFields = new HashSet<>();

    Problems(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    /** Records "field: reason" and remembers that the field failed (see {@link #failed}). */
    void add(String field, String reason) {
        failedFields.add(field);
        addLine(field + ": " + reason);
    }

    /** Records a line that already reads "field: reason" or "line L, column C: reason". */
    void addLine(String text) {
        String line = oneLine(source + ": " + text);
        if (shown.contains(line)) {
            return;
        }
        if (shown.size() < MAX_SHOWN) {
            shown.add(line);
        } else {
            hidden.add(line);
        }
    }

    /** Whether a problem was already reported for this field, so follow-on checks stay quiet. */
    boolean failed(String field) {
        return failedFields.contains(field);
    }

    boolean isEmpty() {
        return shown.isEmpty();
    }

    void throwIfAny() throws ScenarioException {
        if (shown.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>(shown);
        if (!hidden.isEmpty()) {
            lines.add(oneLine(source + ": ... and " + hidden.size() + " more problem" + (hidden.size() == 1 ? "" : "s")));
        }
        throw new ScenarioException(lines);
    }

    static ScenarioException single(String source, String text) {
        return new ScenarioException(List.of(oneLine(source + ": " + text)));
    }

    /** User text in double quotes, shortened, with line breaks and other controls made visible. */
    static String quote(String s) {
        return "\"" + visible(s, MAX_ECHO) + "\"";
    }

    /** Shortens to max code points and escapes what would break a one-line message. */
    static String visible(String s, int max) {
        return JsonErrors.visible(s, max);
    }

    /** A message is shown on one line: any control character becomes a space. */
    static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? ' ' : c);
        }
        return sb.toString();
    }
}

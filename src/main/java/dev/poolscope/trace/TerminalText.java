package dev.poolscope.trace;

/**
 * Text from a run (task names, results, printed lines, file names) made safe to print in a
 * terminal: every letter of every script stays as it is (the report is written in UTF-8), while
 * what could take the terminal over or make a line lie is replaced by '?': control characters
 * (escape sequences, carriage returns, bells) and the bidirectional controls that can reorder
 * what a line appears to say (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C).
 */
public final class TerminalText {
    private TerminalText() {}

    /** {@code s} made safe, cut to {@code max} characters with "..." when longer; "" for null. */
    public static String safe(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), max));
        s.codePoints().forEach(c -> {
            if (c == '\t') {
                out.append(' ');
            } else if (isUnsafe(c)) {
                out.append('?');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.length() <= max ? out.toString() : out.substring(0, Math.max(0, max - 3)) + "...";
    }

    /** Whether a code point is a control (C0, DEL, C1), a bidirectional control, or not a character. */
    public static boolean isUnsafe(int c) {
        return c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200e || c == 0x200f || c == 0x061c || (c >= 0xd800 && c <= 0xdfff) || c == 0xfffe || c == 0xffff;
    }
}

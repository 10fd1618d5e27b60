package dev.poolscope.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a line of Python into coloured runs: keywords, built-ins, strings, numbers, comments.
 * A line at a time, enough for a lesson's program (a string spanning lines is coloured on its
 * first line only; nothing a teacher's slide-sized program relies on).
 */
final class PythonSyntax {
    /** A run of text and its style class ("py-keyword"...; null for plain text). */
    record Run(String text, String style) {}

    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");
    private static final Set<String> BUILTINS = Set.of("print", "range", "len", "list", "dict", "set", "int", "str",
            "float", "sum", "map", "zip", "enumerate", "sorted", "min", "max", "abs", "open", "super", "self",
            "__name__", "__main__");
    private static final Pattern TOKEN = Pattern.compile(
            "(?<comment>#.*)|(?<string>[rbfu]{0,2}(\"\"\"|'''|\"(?:[^\"\\\\]|\\\\.)*\"?|'(?:[^'\\\\]|\\\\.)*'?))"
                    + "|(?<number>\\b\\d[\\d_]*(?:\\.\\d+)?\\b)|(?<word>[A-Za-z_][A-Za-z_0-9]*)|(?<deco>@[\\w.]+)");

    private PythonSyntax() {}

    static List<Run> runs(String line) {
        List<Run> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(line);
        int at = 0;
        String previousWord = null;
        while (m.find()) {
            String style = null;
            if (m.group("comment") != null) {
                style = "py-comment";
            } else if (m.group("string") != null) {
                style = "py-string";
            } else if (m.group("number") != null) {
                style = "py-number";
            } else if (m.group("deco") != null) {
                style = "py-builtin";
            } else if (m.group("word") != null) {
                String w = m.group("word");
                style = KEYWORDS.contains(w) ? "py-keyword" : BUILTINS.contains(w) ? "py-builtin"
                        : "def".equals(previousWord) || "class".equals(previousWord) ? "py-name" : null;
                previousWord = w;
            }
            if (style == null) {
                continue;
            }
            if (m.start() > at) {
                out.add(new Run(line.substring(at, m.start()), null));
            }
            out.add(new Run(m.group(), style));
            at = m.end();
        }
        if (at < line.length()) {
            out.add(new Run(line.substring(at), null));
        }
        return out;
    }
}

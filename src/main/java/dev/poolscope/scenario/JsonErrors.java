package dev.poolscope.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short, plain reasons for broken JSON. Jackson's own messages name its classes and features
 * and repeat the location; a teacher needs "unexpected character '}'" and where it is.
 */
final class JsonErrors {
    private JsonErrors() {}

    private static final Pattern UNEXPECTED = Pattern.compile(
            "Unexpected character \\((.+?) \\(code [^)]*\\)\\)(.*)", Pattern.DOTALL);
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '(.*?)'.*", Pattern.DOTALL);
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '(.*)'", Pattern.DOTALL);
    private static final Pattern ILLEGAL = Pattern.compile(
            "Illegal (?:unquoted )?character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*", Pattern.DOTALL);

    static String reason(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            if (m.contains("nesting depth")) {
                return "nested too deeply (more than " + JsonText.MAX_DEPTH + " levels of { and [)";
            }
            if (m.startsWith("Number")) {
                return "a number with too many digits";
            }
            if (m.startsWith("String")) {
                return "a text value that is too long";
            }
            return "the JSON is larger than a scenario may be";
        }
        Matcher x;
        if (m.startsWith("Unexpected end-of-input")) {
            return "the text ends too early; a {, [ or \" is not closed";
        }
        if ((x = DUPLICATE.matcher(m)).matches()) {
            return "the field " + Problems.quote(x.group(1)) + " appears twice in one object";
        }
        if ((x = UNRECOGNIZED.matcher(m)).matches()) {
            return "unexpected word " + Problems.quote(x.group(1))
                    + "; text values need double quotes, and only true, false and null are bare words";
        }
        if ((x = ILLEGAL.matcher(m)).matches()) {
            return "control character (code " + x.group(1) + ") here; inside a text value write it as an escape like \\n";
        }
        if ((x = UNEXPECTED.matcher(m)).matches()) {
            String rest = x.group(2).startsWith(":") ? "; " + simplify(x.group(2).substring(1).trim())
                    : x.group(2).isBlank() ? "" : " " + simplify(x.group(2).trim());
            return "unexpected character " + x.group(1) + rest;
        }
        return simplify(m);
    }

    /** Keeps Jackson's explanation but drops feature names, class names and repeated locations. */
    private static String simplify(String m) {
        String s = m;
        for (String cut : new String[] {"\n", " at [Source", " (start marker at", ": enable ", " (for ", "; enable"}) {
            int i = s.indexOf(cut);
            if (i >= 0) {
                s = s.substring(0, i);
            }
        }
        s = s.replace("`", "'").trim();
        int v = s.indexOf("expected a valid value (");
        if (v >= 0) {
            s = s.substring(0, v) + "expected a value: text in double quotes, a number, true, false, null, [ or {";
        }
        if (s.isEmpty() || s.contains("Exception") || s.contains("jackson") || s.contains("Json")
                || s.contains("Feature") || s.contains("java.")) {
            return "not valid JSON here";
        }
        s = s.length() > 160 ? s.substring(0, 160) + "..." : s;
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}

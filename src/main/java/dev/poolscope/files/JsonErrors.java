package dev.poolscope.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Broken JSON explained in PoolScope's words, for scenario files and traces alike. Jackson's own
 * messages name its classes, features and the JSON grammar ("was expecting comma to separate
 * Object entries"); a teacher needs what is wrong at that place and what to write instead.
 */
public final class JsonErrors {
    private JsonErrors() {}

    private static final Pattern UNEXPECTED = Pattern.compile(
            "Unexpected character \\('(.+?)' \\(code [^)]*\\)\\)(.*)", Pattern.DOTALL);
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '(.*?)'.*", Pattern.DOTALL);
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '(.*)'", Pattern.DOTALL);
    private static final Pattern ILLEGAL = Pattern.compile(
            "Illegal (?:unquoted )?character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*", Pattern.DOTALL);
    private static final Pattern CLOSE_MARKER = Pattern.compile(
            "Unexpected close marker '(.)': expected '(.)'.*", Pattern.DOTALL);
    private static final Pattern ESCAPE = Pattern.compile("Unrecognized character escape '(.)'.*", Pattern.DOTALL);
    private static final Pattern IN_NUMBER = Pattern.compile(
            "Unexpected character \\('(.+?)' \\(code [^)]*\\)\\) in numeric value.*", Pattern.DOTALL);

    /** A phrase of Jackson's, and ours for it. */
    private record Phrase(String jackson, String ours) {}

    /** What a character was expected to be, after "unexpected character 'x'". */
    private static final List<Phrase> EXPECTED = List.of(
            new Phrase("was expecting comma to separate Object entries",
                    "expected a comma before the next field, or } to end the object"),
            new Phrase("was expecting comma to separate Array entries",
                    "expected a comma before the next entry, or ] to end the list"),
            new Phrase("was expecting double-quote to start field name",
                    "expected a field name in double quotes, such as \"tasks\""),
            new Phrase("was expecting a colon to separate field name and value",
                    "expected a colon (:) between the field name and its value"),
            new Phrase("expected a valid value",
                    "expected a value: text in double quotes, a number, true, false, null, [ or {"));

    /** The reason, one line, without the location (the caller puts "line L, column C" in front). */
    public static String reason(JsonProcessingException e, int maxDepth) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            if (m.contains("nesting depth")) {
                return "nested too deeply (more than " + maxDepth + " levels of { and [)";
            }
            if (m.startsWith("Number")) {
                return "a number with too many digits";
            }
            if (m.startsWith("String")) {
                return "a text value that is too long";
            }
            return "the JSON is larger than this file may be";
        }
        Matcher x;
        if (m.startsWith("Unexpected end-of-input")) {
            return "the text ends too early; a {, [ or \" is not closed";
        }
        if (m.startsWith("Trailing token")) {
            return "more text after the end of the JSON object";
        }
        if ((x = DUPLICATE.matcher(m)).matches()) {
            return "the field " + quote(x.group(1)) + " appears twice in one object";
        }
        if ((x = UNRECOGNIZED.matcher(m)).matches()) {
            return "unexpected word " + quote(x.group(1))
                    + "; text values need double quotes, and only true, false and null are bare words";
        }
        if ((x = ILLEGAL.matcher(m)).matches()) {
            return "control character (code " + x.group(1) + ") here; inside a text value write it as an escape like \\n";
        }
        if ((x = CLOSE_MARKER.matcher(m)).matches()) {
            return "unexpected '" + x.group(1) + "': expected '" + x.group(2) + "' to close the "
                    + (x.group(2).equals("}") ? "object" : "list") + " first";
        }
        if ((x = ESCAPE.matcher(m)).matches()) {
            return "\\" + x.group(1) + " is not an escape JSON knows; write \\\\ for a backslash";
        }
        if (m.contains("Leading zeroes not allowed")) {
            return "a number cannot start with 0 (write 7, not 07)";
        }
        if (m.contains("plus sign")) {
            return "a number cannot start with + (write 7, not +7)";
        }
        if ((x = IN_NUMBER.matcher(m)).matches()) {
            return "unexpected character '" + x.group(1) + "' in a number";
        }
        if ((x = UNEXPECTED.matcher(m)).matches()) {
            return unexpected(x.group(1), x.group(2));
        }
        return simplify(m);
    }

    private static String unexpected(String character, String rest) {
        String base = "unexpected character '" + character + "'";
        if (rest.contains("double-quote to start field name")) {
            if (character.equals("}")) {
                return base + ": a comma must be followed by another field; remove the comma after the last field";
            }
            if (character.equals(",")) {
                return base + ": two commas in a row; remove one";
            }
            if (character.equals("'")) {
                return base + ": field names need double quotes (\"tasks\"), not single ones";
            }
        }
        if (character.equals("]") && rest.contains("expected a valid value")) {
            return base + ": a comma must be followed by another entry; remove the comma after the last entry";
        }
        for (Phrase p : EXPECTED) {
            if (rest.contains(p.jackson())) {
                return base + "; " + p.ours();
            }
        }
        return base;
    }

    /** Keeps Jackson's explanation where no phrase above fits, minus feature and class names and repeated locations. */
    private static String simplify(String m) {
        String s = m;
        for (String cut : new String[] {"\n", " at [Source", " (start marker at", ": enable ", " (for ", "; enable"}) {
            int i = s.indexOf(cut);
            if (i >= 0) {
                s = s.substring(0, i);
            }
        }
        s = s.replace("`", "'").trim();
        if (s.isEmpty() || s.contains("Exception") || s.contains("jackson") || s.contains("Json")
                || s.contains("Feature") || s.contains("java.")) {
            return "not valid JSON here";
        }
        s = s.length() > 160 ? s.substring(0, 160) + "..." : s;
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** Text from a file in double quotes, shortened to 40 characters, with controls, quotes and backslashes escaped. */
    public static String quote(String s) {
        return "\"" + visible(s, 40) + "\"";
    }

    /** {@code s} with line breaks and other controls made visible, cut after {@code max} characters. */
    public static String visible(String s, int max) {
        StringBuilder sb = new StringBuilder();
        int points = 0;
        for (int i = 0; i < s.length(); ) {
            if (points == max) {
                return sb.append("...").toString();
            }
            int cp = s.codePointAt(i);
            if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || Character.isSurrogate((char) cp)) {
                sb.append(cp == '\n' ? "\\n" : cp == '\t' ? "\\t" : cp == '\r' ? "\\r" : String.format("\\u%04x", cp));
            } else if (cp == '"' || cp == '\\') {
                sb.append('\\').append((char) cp);
            } else {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
            points++;
        }
        return sb.toString();
    }
}

package dev.poolscope.cpython;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * The tracer's common messages are flat JSON objects (text, whole numbers, true, false, null:
 * {@code task0}, {@code task1}, {@code out}): read here straight from the bytes into the same
 * tree Jackson would build, several times faster. Anything else (a nested value, a fraction, an
 * exponent, a number beyond a long, a space, bytes that are not UTF-8) gives null, and the
 * caller lets Jackson read the line.
 */
final class FlatJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FlatJson() {}

    /** The object in data[from, to) (one line, no newline), or null where only Jackson should read it. */
    static ObjectNode parse(byte[] data, int from, int to) {
        int i = from;
        if (i >= to || data[i] != '{') {
            return null;
        }
        i++;
        ObjectNode node = NODES.objectNode();
        if (i < to && data[i] == '}') {
            return i + 1 == to ? node : null;
        }
        while (true) {
            if (i >= to || data[i] != '"') {
                return null;
            }
            int keyEnd = plainStringEnd(data, i + 1, to);
            if (keyEnd < 0) {
                return null;
            }
            String key = new String(data, i + 1, keyEnd - i - 1, StandardCharsets.ISO_8859_1); // ASCII checked
            i = keyEnd + 1;
            if (i >= to || data[i] != ':') {
                return null;
            }
            i++;
            if (i >= to) {
                return null;
            }
            byte b = data[i];
            if (b == '"') {
                int end = stringEnd(data, i + 1, to);
                if (end < 0) {
                    return null;
                }
                String text = text(data, i + 1, end);
                if (text == null) {
                    return null;
                }
                node.put(key, text);
                i = end + 1;
            } else if (b == '-' || (b >= '0' && b <= '9')) {
                int start = i;
                boolean negative = b == '-';
                if (negative) {
                    i++;
                }
                int digits = 0;
                long value = 0;
                while (i < to && data[i] >= '0' && data[i] <= '9') {
                    value = value * 10 + (data[i] - '0');
                    digits++;
                    i++;
                }
                if (digits == 0 || digits > 18 || (digits > 1 && data[negative ? start + 1 : start] == '0')) {
                    return null; // beyond a long's safe digits, or a leading zero Jackson refuses
                }
                if (i < to && (data[i] == '.' || data[i] == 'e' || data[i] == 'E')) {
                    return null;
                }
                value = negative ? -value : value;
                if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
                    node.put(key, (int) value);
                } else {
                    node.put(key, value);
                }
            } else if (matches(data, i, to, "true")) {
                node.put(key, true);
                i += 4;
            } else if (matches(data, i, to, "false")) {
                node.put(key, false);
                i += 5;
            } else if (matches(data, i, to, "null")) {
                node.putNull(key);
                i += 4;
            } else {
                return null;
            }
            if (i >= to) {
                return null;
            }
            if (data[i] == '}') {
                return i + 1 == to ? node : null;
            }
            if (data[i] != ',') {
                return null;
            }
            i++;
        }
    }

    private static boolean matches(byte[] data, int i, int to, String word) {
        if (to - i < word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (data[i + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The closing quote of a key that is plain ASCII without escapes, or -1. */
    private static int plainStringEnd(byte[] data, int i, int to) {
        for (; i < to; i++) {
            byte b = data[i];
            if (b == '"') {
                return i;
            }
            if (b == '\\' || b < 0x20) {
                return -1; // bytes >= 0x80 are negative: not plain ASCII either
            }
        }
        return -1;
    }

    /** The closing quote of a string value (escapes skipped over), or -1. */
    private static int stringEnd(byte[] data, int i, int to) {
        for (; i < to; i++) {
            byte b = data[i];
            if (b == '"') {
                return i;
            }
            if (b == '\\') {
                i++;
            } else if (b >= 0 && b < 0x20) {
                return -1; // a control character must be escaped in JSON
            }
        }
        return -1;
    }

    /** The string between the quotes, escapes read; null where Jackson should decide. */
    private static String text(byte[] data, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to; i++) {
            if (data[i] == '\\' || data[i] < 0) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return new String(data, from, to - from, StandardCharsets.ISO_8859_1);
        }
        StringBuilder out = new StringBuilder(to - from);
        int run = from; // start of the bytes not yet copied
        for (int i = from; i < to; i++) {
            if (data[i] != '\\') {
                continue;
            }
            if (!utf8(data, run, i, out)) {
                return null;
            }
            i++;
            char c;
            switch (data[i]) {
                case '"' -> c = '"';
                case '\\' -> c = '\\';
                case '/' -> c = '/';
                case 'b' -> c = '\b';
                case 'f' -> c = '\f';
                case 'n' -> c = '\n';
                case 'r' -> c = '\r';
                case 't' -> c = '\t';
                case 'u' -> {
                    if (i + 4 >= to) {
                        return null;
                    }
                    int v = 0;
                    for (int k = 1; k <= 4; k++) {
                        int d = Character.digit(data[i + k], 16);
                        if (d < 0) {
                            return null;
                        }
                        v = v * 16 + d;
                    }
                    c = (char) v;
                    i += 4;
                }
                default -> {
                    return null;
                }
            }
            out.append(c);
            run = i + 1;
        }
        return utf8(data, run, to, out) ? out.toString() : null;
    }

    /** Appends data[from, to) read as UTF-8; false if it is not valid UTF-8. */
    private static boolean utf8(byte[] data, int from, int to, StringBuilder out) {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (data[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            for (int i = from; i < to; i++) {
                out.append((char) data[i]);
            }
            return true;
        }
        java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder();
        try {
            out.append(d.decode(java.nio.ByteBuffer.wrap(data, from, to - from)));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}

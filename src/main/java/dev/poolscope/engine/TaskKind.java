package dev.poolscope.engine;

import dev.poolscope.worker.Wire;
import java.util.Locale;

/**
 * The built-in task kinds. These are the only things a worker can do: a scenario names a kind
 * and its values, never a command or code to load.
 */
public enum TaskKind {
    NOOP("noop", Wire.NOOP, false, false, false),
    SLEEP("sleep", Wire.SLEEP, true, false, false),
    SPIN("spin", Wire.SPIN, true, false, false),
    SQUARE("square", Wire.SQUARE, false, true, false),
    CUBE("cube", Wire.CUBE, false, true, false),
    DOUBLE("double", Wire.DOUBLE, false, true, false),
    PRINT("print", Wire.PRINT, false, false, true),
    FAIL("fail", Wire.FAIL, false, false, false),
    CRASH("crash", Wire.CRASH, false, false, false);

    private final String id;
    private final char wireCode;
    private final boolean needsMs;
    private final boolean needsN;
    private final boolean needsText;

    TaskKind(String id, char wireCode, boolean needsMs, boolean needsN, boolean needsText) {
        this.id = id;
        this.wireCode = wireCode;
        this.needsMs = needsMs;
        this.needsN = needsN;
        this.needsText = needsText;
    }

    public String id() {
        return id;
    }

    char wireCode() {
        return wireCode;
    }

    public boolean needsMs() {
        return needsMs;
    }

    public boolean needsN() {
        return needsN;
    }

    public boolean needsText() {
        return needsText;
    }

    public static TaskKind fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (TaskKind kind : values()) {
            if (kind.id.equals(wanted)) {
                return kind;
            }
        }
        return null;
    }

    public static String ids() {
        StringBuilder sb = new StringBuilder();
        for (TaskKind kind : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(kind.id);
        }
        return sb.toString();
    }
}

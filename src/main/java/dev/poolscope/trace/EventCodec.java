package dev.poolscope.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolscope.engine.Lane;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.files.Fields;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes and reads a run's recorded events, the "events" list of a version-2 trace (see
 * docs/trace-format.md). An event is one JSON object: {@code "type"} is the record's name in
 * {@link RunEvent} ("TaskStarted"), then its fields by their names, in order. {@code at} and the
 * other times are whole nanoseconds since the run started, so a saved run replays to the
 * nanosecond; enums are their ids ("ok", "crashed"); a lane is an object as in "workers".
 *
 * <p>It follows the records, so an event added to RunEvent is saved and read with no change
 * here; a field of a type it does not know fails at once ({@code EventCodecTest} builds one of
 * every event to show it).
 *
 * <p>From version 3 an event says each fact once ({@link Context}): a field that the task it
 * names (by "index") says too, with the same value, is left out and read from the task list,
 * and an "at" equal to the event before it is left out.
 */
final class EventCodec {
    /** Each event record by its name, with its fields and its canonical constructor. */
    private static final Map<String, Shape> SHAPES = new LinkedHashMap<>();

    private record Shape(Class<?> type, RecordComponent[] fields, Constructor<?> make) {}

    static {
        for (Class<?> c : RunEvent.class.getPermittedSubclasses()) {
            RecordComponent[] fields = c.getRecordComponents();
            try {
                Constructor<?> make = c.getDeclaredConstructor(
                        Arrays.stream(fields).map(RecordComponent::getType).toArray(Class<?>[]::new));
                SHAPES.put(c.getSimpleName(), new Shape(c, fields, make));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(c + " is not a record", e);
            }
        }
    }

    private EventCodec() {}

    /** The event types, as written in "type". */
    static java.util.Set<String> types() {
        return SHAPES.keySet();
    }

    /**
     * The fields an event shares with its task ({@code index}), by name: from version 3 each is
     * left out where the task says the same, and read from the task list.
     */
    static final Set<String> TASK_FIELDS = Set.of("name", "kind", "chunk", "slot", "pid", "status", "result", "error");

    /**
     * What the events of one trace, written or read in order, may leave out (version 3): the
     * fields their task says, and a time the event before said. A context with no task list
     * leaves nothing out (version 2).
     */
    static final class Context {
        private final List<TaskRecord> tasks;
        private long previousAt = -1;

        /** Leaves out what {@code tasks} say and repeated times; null: leaves nothing out. */
        Context(List<TaskRecord> tasks) {
            this.tasks = tasks;
        }

        static Context none() {
            return new Context(null);
        }

        /** The task an event's index names, when this context reads fields from tasks. */
        private TaskRecord task(Object index) {
            if (tasks == null || !(index instanceof Integer i) || i < 0 || i >= tasks.size()) {
                return null;
            }
            return tasks.get(i);
        }
    }

    /** A task's value of one of {@link #TASK_FIELDS}, as the event's field holds it. */
    private static Object taskValue(TaskRecord t, String field, Class<?> type) {
        return switch (field) {
            case "name" -> t.name();
            case "kind" -> t.kind();
            case "chunk" -> t.chunk();
            case "slot" -> t.slot();
            case "pid" -> t.pid();
            case "status" -> t.status() == null || type != dev.poolscope.engine.TaskStatus.class ? t.status()
                    : dev.poolscope.engine.TaskStatus.valueOf(t.status().toUpperCase(java.util.Locale.ROOT));
            case "result" -> t.result();
            case "error" -> t.error();
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** Whether an event's field says what its task says (so version 3 leaves it out). */
    private static boolean sameAsTask(TaskRecord t, String field, Class<?> type, Object v) {
        if (t == null || !TASK_FIELDS.contains(field)) {
            return false;
        }
        Object mine = taskValue(t, field, type);
        if (v instanceof Number n && mine instanceof Number m) {
            return n.longValue() == m.longValue();
        }
        return Objects.equals(v, mine);
    }

    static void write(JsonGenerator g, RunEvent e) throws IOException {
        write(g, e, Context.none());
    }

    static void write(JsonGenerator g, RunEvent e, Context c) throws IOException {
        write(g, e, c, null);
    }

    /**
     * The badge change a task's start or end brings, said with it (version 3): a TaskStarted with
     * {@code "busy": true} stands for its worker's WorkerStateChanged to busy just before it, and a
     * TaskFinished with {@code "idle": true} for the change to idle just after it, each at the same
     * moment, slot and PID.
     */
    static final String BUSY = "busy";
    static final String IDLE = "idle";

    /** The badge change that goes with a task event (see {@link #BUSY}), or null: {@code first} and {@code second} are one moment. */
    static String badge(RunEvent first, RunEvent second) {
        if (first instanceof RunEvent.WorkerStateChanged w && w.state() == dev.poolscope.engine.WorkerState.BUSY
                && second instanceof RunEvent.TaskStarted s && w.at() == s.at() && w.slot() == s.slot() && w.pid() == s.pid()) {
            return BUSY;
        }
        if (first instanceof RunEvent.TaskFinished f && second instanceof RunEvent.WorkerStateChanged w
                && w.state() == dev.poolscope.engine.WorkerState.IDLE && w.at() == f.at() && w.slot() == f.slot()
                && w.pid() == f.pid()) {
            return IDLE;
        }
        return null;
    }

    /** The badge change an event read says it brings (version 3), or null. */
    static RunEvent.WorkerStateChanged badgeOf(Fields f, RunEvent e) {
        if (e instanceof RunEvent.TaskStarted s && f.boolOr(BUSY, false)) {
            return new RunEvent.WorkerStateChanged(s.at(), s.slot(), s.pid(), dev.poolscope.engine.WorkerState.BUSY);
        }
        if (e instanceof RunEvent.TaskFinished t && f.boolOr(IDLE, false)) {
            return new RunEvent.WorkerStateChanged(t.at(), t.slot(), t.pid(), dev.poolscope.engine.WorkerState.IDLE);
        }
        return null;
    }

    /** Writes one event; {@code badge} (version 3: {@link #BUSY} or {@link #IDLE}) says the badge change that goes with it. */
    static void write(JsonGenerator g, RunEvent e, Context c, String badge) throws IOException {
        Shape shape = SHAPES.get(e.getClass().getSimpleName());
        g.writeStartObject();
        g.writeStringField("type", e.getClass().getSimpleName());
        RecordComponent[] fields = shape.fields();
        Object[] values = new Object[fields.length];
        TaskRecord task = null;
        for (int i = 0; i < fields.length; i++) {
            values[i] = get(fields[i].getAccessor(), e);
            if (fields[i].getName().equals("index")) {
                task = c.task(values[i]);
            }
        }
        for (int i = 0; i < fields.length; i++) {
            RecordComponent f = fields[i];
            Object v = values[i];
            if (c.tasks != null && f.getName().equals("at") && (Long) v == c.previousAt) {
                continue; // the same moment as the event before
            }
            if (c.tasks != null && sameAsTask(task, f.getName(), f.getType(), v)) {
                continue; // the task list says it
            }
            writeValue(g, f.getName(), f.getType(), v);
        }
        if (badge != null) {
            g.writeBooleanField(badge, true);
        }
        c.previousAt = e.at();
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, String name, Class<?> type, Object v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            g.writeNumberField(name, ((Number) v).longValue());
        } else if (type == double.class || type == Double.class) {
            g.writeNumberField(name, (Double) v);
        } else if (type == boolean.class || type == Boolean.class) {
            g.writeBooleanField(name, (Boolean) v);
        } else if (type == char.class || type == Character.class) {
            g.writeStringField(name, String.valueOf(v));
        } else if (type == String.class) {
            g.writeStringField(name, (String) v);
        } else if (type.isEnum()) {
            g.writeStringField(name, enumId((Enum<?>) v));
        } else if (type == Lane.class) {
            g.writeObjectFieldStart(name);
            TraceJson.writeLane(g, (Lane) v);
            g.writeEndObject();
        } else {
            throw new IllegalStateException("an event field of type " + type.getName() + " cannot be saved yet: "
                    + name + " (teach EventCodec its JSON form)");
        }
    }

    /**
     * Reads one event. {@code slots} and {@code tasks} bound its "slot" and "index" fields (-1
     * allowed: the main lane, an initializer's line), so a replay can trust them.
     */
    static RunEvent read(Fields f, int slots, int tasks) throws Fields.Bad {
        return read(f, slots, tasks, Context.none());
    }

    /** Reads one event; from version 3 ({@code c} with the task list) what it leaves out is read from its task or the event before. */
    static RunEvent read(Fields f, int slots, int tasks, Context c) throws Fields.Bad {
        f.requireObject();
        String type = f.string("type");
        Shape shape = SHAPES.get(type);
        if (shape == null) {
            throw f.bad("type", "unknown event \"" + TraceJsonReader.oneLine(type) + "\", expected one of "
                    + String.join(", ", SHAPES.keySet()));
        }
        Object[] args = new Object[shape.fields().length];
        TaskRecord task = null;
        for (RecordComponent r : shape.fields()) {
            if (r.getName().equals("index")) {
                task = c.task(readValue(f, "index", r.getType(), slots, tasks));
            }
        }
        for (int i = 0; i < args.length; i++) {
            RecordComponent r = shape.fields()[i];
            String name = r.getName();
            if (c.tasks != null && f.raw(name) == null) { // left out (an explicit null is a value)
                if (name.equals("at") && c.previousAt >= 0) {
                    args[i] = c.previousAt;
                    continue;
                }
                if (task != null && TASK_FIELDS.contains(name)) {
                    args[i] = taskValue(task, name, r.getType());
                    continue;
                }
            }
            args[i] = readValue(f, name, r.getType(), slots, tasks);
            if (name.equals("at")) {
                c.previousAt = (Long) args[i];
            }
        }
        try {
            return (RunEvent) shape.make().newInstance(args);
        } catch (InvocationTargetException e) {
            throw f.bad("type", type + ": " + TraceJsonReader.oneLine(String.valueOf(e.getCause().getMessage())));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object readValue(Fields f, String name, Class<?> type, int slots, int tasks) throws Fields.Bad {
        boolean boxed = !type.isPrimitive();
        if (boxed && !f.has(name)) {
            return null;
        }
        if (name.equals("slot")) {
            return f.integer(name, -1, slots - 1);
        }
        if (name.equals("index")) {
            return f.integer(name, -1, tasks - 1);
        }
        if (type == int.class || type == Integer.class) {
            return f.integer(name, Integer.MIN_VALUE);
        }
        if (type == long.class || type == Long.class) {
            long v = f.longValue(name);
            if (name.equals("at") && v < 0) {
                throw f.bad(name, "must not be negative, got " + v);
            }
            return v;
        }
        if (type == double.class || type == Double.class) {
            return f.signedNum(name);
        }
        if (type == boolean.class || type == Boolean.class) {
            return f.bool(name);
        }
        if (type == char.class || type == Character.class) {
            String s = f.string(name);
            if (s.length() != 1) {
                throw f.bad(name, "expected one character, got \"" + TraceJsonReader.oneLine(s) + "\"");
            }
            return s.charAt(0);
        }
        if (type == String.class) {
            return f.string(name);
        }
        if (type.isEnum()) {
            String id = f.string(name);
            Object constant = BY_ID.get(type).get(id);
            if (constant != null) {
                return constant;
            }
            throw f.bad(name, "expected one of " + String.join(", ", Arrays.stream(type.getEnumConstants())
                    .map(c -> enumId((Enum<?>) c)).toList()) + ", got \"" + TraceJsonReader.oneLine(id) + "\"");
        }
        if (type == Lane.class) {
            return TraceJsonReader.lane(f.object(name));
        }
        throw new IllegalStateException("an event field of type " + type.getName() + " cannot be read: " + name);
    }

    /** An enum's id() method where it has one (TaskStatus, ExitKind, WorkerState), else null. */
    private static final ClassValue<Method> ID = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                return type.getMethod("id");
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    };

    /** Each enum's constants by their ids. */
    private static final ClassValue<Map<String, Object>> BY_ID = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            Map<String, Object> m = new java.util.HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                m.put(idOf((Enum<?>) constant), constant);
            }
            return m;
        }
    };

    /** Each enum's ids, by constant. */
    private static final ClassValue<String[]> IDS = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] all = type.getEnumConstants();
            String[] ids = new String[all.length];
            for (int i = 0; i < all.length; i++) {
                ids[i] = idOf((Enum<?>) all[i]);
            }
            return ids;
        }
    };

    /** An enum's id where it has one, else its name. */
    private static String enumId(Enum<?> e) {
        return IDS.get(e.getDeclaringClass())[e.ordinal()];
    }

    private static String idOf(Enum<?> e) {
        Method id = ID.get(e.getDeclaringClass());
        return id == null ? e.name() : String.valueOf(get(id, e));
    }

    private static Object get(Method accessor, Object target) {
        try {
            return accessor.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

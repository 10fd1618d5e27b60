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
import java.util.Map;

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

    static void write(JsonGenerator g, RunEvent e) throws IOException {
        Shape shape = SHAPES.get(e.getClass().getSimpleName());
        g.writeStartObject();
        g.writeStringField("type", e.getClass().getSimpleName());
        for (RecordComponent f : shape.fields()) {
            writeValue(g, f.getName(), f.getType(), get(f.getAccessor(), e));
        }
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
        f.requireObject();
        String type = f.string("type");
        Shape shape = SHAPES.get(type);
        if (shape == null) {
            throw f.bad("type", "unknown event \"" + TraceJsonReader.oneLine(type) + "\", expected one of "
                    + String.join(", ", SHAPES.keySet()));
        }
        Object[] args = new Object[shape.fields().length];
        for (int i = 0; i < args.length; i++) {
            RecordComponent c = shape.fields()[i];
            args[i] = readValue(f, c.getName(), c.getType(), slots, tasks);
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
            for (Object constant : type.getEnumConstants()) {
                if (enumId((Enum<?>) constant).equals(id)) {
                    return constant;
                }
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

    /** An enum's id where it has one, else its name. */
    private static String enumId(Enum<?> e) {
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

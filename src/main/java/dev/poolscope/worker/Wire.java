package dev.poolscope.worker;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The binary protocol between the engine and a worker, shared by both sides.
 *
 * <p>Every frame is a one-byte type followed by fixed fields; strings and output bytes are
 * length-prefixed. Frames from the worker also start with {@link #MAGIC}, so a stray byte on
 * the worker's stdout is detected as a protocol error instead of being misread. Task output
 * (what a task prints) only ever travels inside an {@link #OUTPUT} frame, so no text or
 * binary a task produces can be mistaken for a control message.
 *
 * <p>java.base only: the worker loads this class at start-up.
 */
public final class Wire {
    private Wire() {}

    /** First byte of every worker-to-engine frame. */
    public static final byte MAGIC = (byte) 0xB7;

    // engine -> worker
    public static final byte INITIALIZER = 'I';
    public static final byte CHUNK = 'C';
    public static final byte QUIT = 'Q';

    // worker -> engine
    public static final byte HELLO = 'H';
    public static final byte INIT_STARTED = 'i';
    public static final byte INIT_ENDED = 'j';
    public static final byte READY = 'R';
    public static final byte TASK_STARTED = 'S';
    public static final byte OUTPUT = 'O';
    public static final byte OUTPUT_TRUNCATED = 'T';
    public static final byte TASK_ENDED = 'E';

    public static final byte STATUS_OK = 0;
    public static final byte STATUS_FAILED = 1;

    /** Most tasks one CHUNK frame may carry (the engine's task limit); more, or fewer than one, is a protocol error. */
    public static final int MAX_CHUNK_TASKS = 100_000;

    /** Longest string a frame may carry; anything longer is a protocol error. */
    public static final int MAX_STRING_BYTES = 1 << 20;

    public static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInputStream in) throws IOException {
        byte[] bytes = readBytes(in);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    public static byte[] readBytes(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len == -1) {
            return null;
        }
        if (len < 0 || len > MAX_STRING_BYTES) {
            throw new IOException("string length " + len + " out of range");
        }
        byte[] bytes = new byte[len];
        in.readFully(bytes);
        return bytes;
    }

    /** A task as the worker sees it: the kind code and its values, nothing else. */
    public record Job(int index, String name, char kind, long ms, long n, boolean hasN,
                      String text, int times, int exitCode) {

        public void write(DataOutputStream out) throws IOException {
            out.writeInt(index);
            writeString(out, name);
            out.writeChar(kind);
            out.writeLong(ms);
            out.writeLong(n);
            out.writeBoolean(hasN);
            writeString(out, text);
            out.writeInt(times);
            out.writeInt(exitCode);
        }

        public static Job read(DataInputStream in) throws IOException {
            return new Job(in.readInt(), readString(in), in.readChar(), in.readLong(), in.readLong(),
                    in.readBoolean(), readString(in), in.readInt(), in.readInt());
        }
    }

    /** Kind codes carried in {@link Job#kind()}; the engine maps its task kinds onto these. */
    public static final char NOOP = 'N', SLEEP = 's', SPIN = 'p', SQUARE = '2', CUBE = '3',
            DOUBLE = 'd', PRINT = 'o', FAIL = 'f', CRASH = 'x';
}

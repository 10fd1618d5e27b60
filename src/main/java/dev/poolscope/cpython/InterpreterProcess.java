package dev.poolscope.cpython;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * What every engine that runs a Python interpreter (the CPython engine's program, the Dask
 * engine's driver) does around that process, in one place: wait for it, read its pipes, and
 * drain what it said once it has ended.
 */
public final class InterpreterProcess {
    private InterpreterProcess() {}

    /**
     * Waits for the interpreter to end, through interrupts: the waiting thread is the parent
     * the kernel's parent-death signal watches, so it must outlive the interpreter.
     */
    public static int awaitExit(Process p) {
        while (true) {
            try {
                return p.waitFor();
            } catch (InterruptedException e) {
                // keep waiting: see above
            }
        }
    }

    /**
     * A daemon thread, named after the calling thread plus {@code which}, that hands each line
     * the interpreter writes on {@code in} (outside the tracer's channel) to {@code line}.
     */
    public static Thread readLines(InputStream in, String which, Consumer<String> line) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String text;
                while ((text = r.readLine()) != null) {
                    line.accept(text);
                }
            } catch (IOException e) {
                // the interpreter is gone
            }
        }, Thread.currentThread().getName() + "-" + which);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Once every process of the run is gone: the channel's last messages (up to
     * {@code drainMs}), then what is left in the pipes, before the run says the interpreter ended.
     */
    public static void drain(EventChannel channel, long drainMs, Thread... pipes) {
        try {
            channel.awaitReaders(drainMs);
            channel.close();
            for (Thread pipe : pipes) {
                pipe.join(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The signal an exit status means, or null. Java reports a death by signal n as 128 + n,
     * which {@code sys.exit(128 + n)} also gives: it is a signal only if the interpreter did not
     * say it was ending on its own.
     */
    public static Integer signalOf(int code, boolean saidExit) {
        return code > 128 && code <= 128 + 64 && !saidExit ? code - 128 : null;
    }
}

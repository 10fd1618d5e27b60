package dev.poolscope.dask;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Dask cluster a test starts itself, as someone would by hand: dask-scheduler on 127.0.0.1 and
 * workers without nannies (so each worker's PID is the PID of the process started here). Closing
 * it kills them all.
 */
final class ExternalCluster implements AutoCloseable {
    final String address;
    final Process scheduler;
    final List<Process> workers = new ArrayList<>();

    ExternalCluster(Path python, int workerCount) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        address = "tcp://127.0.0.1:" + port;
        scheduler = start(python, "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--no-dashboard");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!listening(port)) {
            if (System.nanoTime() > deadline || !scheduler.isAlive()) {
                close();
                throw new IOException("dask-scheduler did not listen on " + address);
            }
            Thread.sleep(100);
        }
        for (int i = 0; i < workerCount; i++) {
            workers.add(start(python, "distributed.cli.dask_worker", address, "--no-nanny", "--nthreads", "1",
                    "--name", "w" + i, "--no-dashboard"));
        }
    }

    private static Process start(Path python, String module, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(python.toString(), "-m", module));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(new File(System.getProperty("java.io.tmpdir")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    boolean allAlive() {
        return scheduler.isAlive() && workers.stream().allMatch(Process::isAlive);
    }

    List<Long> workerPids() {
        return workers.stream().map(Process::pid).toList();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : workers) {
            p.destroyForcibly();
        }
        scheduler.destroyForcibly();
        for (Process p : workers) {
            p.waitFor(10, TimeUnit.SECONDS);
        }
        scheduler.waitFor(10, TimeUnit.SECONDS);
    }
}

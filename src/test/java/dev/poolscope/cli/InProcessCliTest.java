package dev.poolscope.cli;

/** A test of the command line run in-process ({@link CapturedCli}): the last run's output stays in {@link #out} and {@link #err}. */
abstract class InProcessCliTest {
    String out;
    String err;

    int poolscope(String... args) {
        CapturedCli run = CapturedCli.run(args);
        out = run.out();
        err = run.err();
        return run.code();
    }
}

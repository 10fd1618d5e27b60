package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A worker's last words at a failed start read as one clean line (issue 19, defect 11: a tail cut
 * mid-line and mid-character read "hed.?[0.032s][warning]...").
 */
class StderrTailTest {
    @Test
    void aCutTailStartsAtAWholeLineAndLosesItsControls() {
        assertEquals("[0.032s][warning][os,thread] Failed to start thread | Error: could not create the VM",
                WorkerProcess.StderrTail.readable("hed.\uFFFD\n[0.032s][warning][os,thread] Failed to start thread\r\n"
                        + "\u001bError: could not create the VM\n", true));
        assertEquals("only line", WorkerProcess.StderrTail.readable("only line\n", false));
    }
}

# Four threads of one process each wait one second: waiting needs no core, so the four waits overlap and take about a second.
#
# Threads and the GIL, part 3: a function that mostly WAITS (here time.sleep, standing for a
# download, a disk read or a database answer) on four threads of one process.
#
# A thread that waits lets go of the GIL, so the other threads run meanwhile: four 1-second
# waits on four threads take about 1 second in all, using almost no CPU. For waiting work,
# threads do as well as processes, and cost less (no new interpreter, shared memory).
# Compare with threads_sleep_processes.py.
import os
import threading
import time


def wait(seconds):
    """Waiting-bound: the thread sleeps and needs no CPU meanwhile."""
    time.sleep(seconds)
    return seconds


if __name__ == "__main__":
    started = time.perf_counter()
    threads = [threading.Thread(target=wait, args=(1.0,), name="wait-{}".format(n)) for n in range(1, 5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("4 waiting threads of PID {} took {:.2f} s".format(os.getpid(), time.perf_counter() - started))

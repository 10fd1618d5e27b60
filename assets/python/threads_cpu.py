# Four threads of one process run the same CPU-bound function: one PID, four TIDs, about one core between them (the GIL).
#
# Threads and the GIL, part 1: the same CPU-bound function on four threads of ONE process.
#
# Every thread below has the same PID (a thread is part of its process, sharing its memory),
# and each has its own thread id (the TID Linux lists under /proc/PID/task/). On CPython with a
# GIL only one thread runs Python code at a time, so the four threads take turns on one core:
# together they use about one core, however many the machine has, and take about four times
# as long as one call. Compare with threads_cpu_processes.py: the same function on four processes.
#
# A free-threaded CPython (3.13t and later, built without the GIL) would run these four threads
# on four cores at once, as processes do: sys._is_gil_enabled() is False there.
import os
import sys
import threading
import time

WORK = int(sys.argv[1]) if len(sys.argv) > 1 else 6_000_000  # steps per call (about 1/3 s of one core)


def spin(n):
    """CPU-bound: nothing but Python arithmetic, no waiting."""
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def gil_words():
    probe = getattr(sys, "_is_gil_enabled", None)
    if probe is None:
        return "Python {}.{} always has the GIL: one thread runs Python code at a time".format(*sys.version_info[:2])
    if probe():
        return "this Python has the GIL enabled: one thread runs Python code at a time"
    return "this Python is free-threaded (no GIL): its threads can run Python code on several cores at once"


if __name__ == "__main__":
    print("PID {}: {}".format(os.getpid(), gil_words()))
    started = time.perf_counter()
    threads = [threading.Thread(target=spin, args=(WORK,), name="spin-{}".format(n)) for n in range(1, 5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("4 threads of PID {} took {:.2f} s".format(os.getpid(), time.perf_counter() - started))

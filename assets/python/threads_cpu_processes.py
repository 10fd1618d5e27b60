# The same CPU-bound function on four processes: four PIDs, each with its own interpreter and GIL, using the cores together.
#
# Threads and the GIL, part 2: the same CPU-bound function as threads_cpu.py, on four PROCESSES.
#
# Each process has its own PID, its own memory and its own interpreter with its own GIL, so the
# operating system runs them on different cores at once: on a machine with two or more cores
# they use about as many cores as they can get, and finish sooner than the four threads did.
# Analyze > Compare puts this run under the threads run, with the CPU each used in words.
import multiprocessing
import sys
import os
import time

WORK = int(sys.argv[1]) if len(sys.argv) > 1 else 6_000_000  # steps per call (about 1/3 s of one core)


def spin(n):
    """CPU-bound: nothing but Python arithmetic, no waiting."""
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


if __name__ == "__main__":
    started = time.perf_counter()
    processes = [multiprocessing.Process(target=spin, args=(WORK,), name="spin-{}".format(n)) for n in range(1, 5)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    print("4 processes took {:.2f} s on {} CPUs".format(time.perf_counter() - started, os.cpu_count()))

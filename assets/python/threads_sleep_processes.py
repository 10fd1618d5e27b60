# The same one-second waits on four processes: about a second too; for waiting work processes gain nothing over threads.
#
# Threads and the GIL, part 4: the same waiting function as threads_sleep.py, on four processes.
#
# They take about 1 second too: waiting needs no core, so processes gain nothing over threads
# here, and each costs a process start.
import multiprocessing
import time


def wait(seconds):
    """Waiting-bound: the process sleeps and needs no CPU meanwhile."""
    time.sleep(seconds)
    return seconds


if __name__ == "__main__":
    started = time.perf_counter()
    processes = [multiprocessing.Process(target=wait, args=(1.0,), name="wait-{}".format(n)) for n in range(1, 5)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    print("4 waiting processes took {:.2f} s".format(time.perf_counter() - started))

"""The peer for `poolscope bench`: the same measurements taken with CPython's multiprocessing.

Prints one line per figure, "key value", so the Java side can read them.
"""
import multiprocessing as mp
import sys
import time


def noop(x):
    return x


def mark_ready(counter, stamps):
    with counter.get_lock():
        stamps[counter.value] = time.monotonic()
        counter.value += 1


def ready_ms(size):
    """Time from creating a spawn-method Pool until every worker has started and can take tasks."""
    ctx = mp.get_context("spawn")
    counter = ctx.Value("i", 0)
    stamps = ctx.Array("d", size)
    t0 = time.monotonic()
    pool = ctx.Pool(size, initializer=mark_ready, initargs=(counter, stamps))
    while counter.value < size:
        time.sleep(0.0005)
    ready = max(stamps[:size]) - t0
    pool.terminate()
    pool.join()
    return ready * 1000.0


def tasks_per_second(size, n):
    """Pool(size).map(noop, range(n), chunksize=1), timed around map only, like the issue asks."""
    with mp.Pool(size) as pool:
        pool.map(noop, range(size * 4), chunksize=1)  # warm up: every worker has started
        t0 = time.perf_counter()
        pool.map(noop, range(n), chunksize=1)
        return n / (time.perf_counter() - t0)


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


if __name__ == "__main__":
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    for size in (2, 4):
        print("ready%d %.1f" % (size, median([ready_ms(size) for _ in range(rounds)])))
    for size in (2, 4):
        print("throughput%d %.0f" % (size, median([tasks_per_second(size, n) for _ in range(rounds)])))
    sys.stdout.flush()

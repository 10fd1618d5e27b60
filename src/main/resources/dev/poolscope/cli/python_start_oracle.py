# The CPython side of 'poolscope bench-start': one round of N sleeps of MS milliseconds with
# multiprocessing.Pool(WORKERS) under the fork start method, chunksize 1. Each task notes when
# it started and ended (time.monotonic, the clock PoolScope's workers use too); the span is the
# first start to the last end, the same definition as PoolScope's makespan.
# Usage: python3 python_start_oracle.py MS N WORKERS   -> prints "span <ms>"
import multiprocessing as mp
import sys
import time


def job(ms):
    start = time.monotonic()
    time.sleep(ms / 1000.0)
    return start, time.monotonic()


if __name__ == "__main__":
    ms, n, workers = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    with mp.get_context("fork").Pool(workers) as pool:
        spans = pool.map(job, [ms] * n, chunksize=1)
    first = min(s for s, _ in spans)
    last = max(e for _, e in spans)
    print("span %.3f" % ((last - first) * 1000.0), flush=True)

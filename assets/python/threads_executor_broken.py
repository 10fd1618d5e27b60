# A ProcessPoolExecutor whose worker dies: every pending call fails with BrokenProcessPool at once (Pool would wait forever).
#
# ProcessPoolExecutor when a worker dies. The third call kills its own worker process (as the
# out-of-memory killer, or a crash in a C extension, would). The executor notices, marks itself
# broken and fails EVERY pending call with BrokenProcessPool at once: the program gets an
# answer and can go on. multiprocessing.Pool, in the same case, starts a new worker and waits
# forever for the lost task's result.
import os
import signal
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def work(n):
    time.sleep(0.5)
    if n == 3:
        os.kill(os.getpid(), signal.SIGKILL)  # this worker dies in the middle of a call
    return n * n


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as executor:
        futures = [executor.submit(work, n) for n in range(1, 9)]
        for n, future in enumerate(futures, 1):
            try:
                print("work({}) = {}".format(n, future.result()))
            except BrokenProcessPool as error:
                print("work({}) failed: BrokenProcessPool: {}".format(n, error))
    print("the program goes on and ends normally")

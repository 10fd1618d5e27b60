# ThreadPool and ThreadPoolExecutor: six waits each on three worker threads, every lane with the same PID.
#
# Thread pools: multiprocessing.pool.ThreadPool has Pool's interface (map, apply_async...) but
# its workers are threads of this one process, and concurrent.futures.ThreadPoolExecutor is the
# executor most programs meet next. Every lane below shows the same PID: one process, many threads.
import os
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.pool import ThreadPool


def fetch(page):
    """Stands for waiting on the network: threads suit it."""
    time.sleep(0.3)
    return "page {} by PID {}".format(page, os.getpid())


if __name__ == "__main__":
    with ThreadPool(3) as pool:
        print(pool.map(fetch, range(1, 7)))
    with ThreadPoolExecutor(max_workers=3) as executor:
        futures = [executor.submit(fetch, page) for page in range(7, 13)]
        print([f.result() for f in futures])

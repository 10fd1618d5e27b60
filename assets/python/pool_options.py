# Pool options: two workers, an initializer that runs once in each new worker,
# and maxtasksperchild=2: after two tasks a worker retires and a fresh process takes over.
import multiprocessing
import os
import time


def greet():
    print("initializer ran in {}".format(os.getpid()))


def job(n):
    time.sleep(0.4)
    return "job {} ran in {}".format(n, os.getpid())


if __name__ == "__main__":
    with multiprocessing.Pool(processes=2, initializer=greet, maxtasksperchild=2) as pool:
        for line in pool.map(job, range(8), chunksize=1):
            print(line)

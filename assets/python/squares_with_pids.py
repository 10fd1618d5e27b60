# Seven numbers, five workers: some workers square two numbers. Each says who it is.
import multiprocessing
import os
import time


def square(n):
    time.sleep(0.3)
    print("Worker process id for {} : {}".format(n, os.getpid()))
    return n * n


if __name__ == "__main__":
    with multiprocessing.Pool(processes=5) as po:
        result = po.map(square, [2, 3, 4, 5, 6, 7, 8])
    print(result)

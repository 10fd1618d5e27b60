# Four processes, each printing a different number.
import multiprocessing
import os


def show(number):
    print("Number {} from process {}".format(number, os.getpid()))


if __name__ == "__main__":
    processes = [multiprocessing.Process(target=show, args=(n,)) for n in (1, 2, 3, 4)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()

# Two processes at once: one squares 10, the other cubes it.
import multiprocessing
import time


def print_square(num):
    time.sleep(1)  # the square takes a little longer, so the cube finishes first
    print("Square: {}".format(num * num))


def print_cube(num):
    print("Cube: {}".format(num * num * num))


if __name__ == "__main__":
    p1 = multiprocessing.Process(target=print_square, args=(10,))
    p2 = multiprocessing.Process(target=print_cube, args=(10,))

    p1.start()
    p2.start()

    p1.join()  # wait until process 1 is finished
    p2.join()  # wait until process 2 is finished

    print("Done!")

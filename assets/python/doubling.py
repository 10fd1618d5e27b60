# Pool.map hands 1..5 to four workers and gives the results back in input order.
import time
from multiprocessing import Pool


def double(x):
    time.sleep(0.2)
    return x * 2


if __name__ == "__main__":
    with Pool(4) as pool:
        results = pool.map(double, [1, 2, 3, 4, 5])
    print(results)

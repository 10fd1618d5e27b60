# A pool of two workers shares four jobs: A sleeps 5 s, B 2 s, C 1 s, D 3 s.
# A keeps one worker busy; the other gets through B, C and D. All done after about 6 s.
import time
from multiprocessing import Pool

work = (["A", 5], ["B", 2], ["C", 1], ["D", 3])


def work_log(work_data):
    print(" Process %s waiting %s seconds" % (work_data[0], work_data[1]))
    time.sleep(int(work_data[1]))
    print(" Process %s Finished." % work_data[0])


def pool_handler():
    p = Pool(2)
    p.map(work_log, work)


if __name__ == "__main__":
    pool_handler()

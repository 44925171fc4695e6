# expect: error
# ruff: noqa
"""multiprocessing needs fork (and sockets/semaphores): refused."""
import multiprocessing


def double(x):
    with multiprocessing.Pool(4) as pool:
        pool.map(abs, range(10))
    return 2 * x

# expect: error
# ruff: noqa
"""Fill the scratch tmpfs through a shared mapping: the kernel answers with SIGBUS."""
import mmap
import os


def double(x):
    files = []
    for i in range(4):
        fd = os.open(f"map{i}", os.O_RDWR | os.O_CREAT)
        os.ftruncate(fd, 15 << 20)
        files.append(mmap.mmap(fd, 15 << 20))
    for m in files:
        for offset in range(0, len(m), 4096):
            m[offset] = 1
    return 2 * x

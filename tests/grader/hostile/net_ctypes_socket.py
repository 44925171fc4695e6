# expect: error
# ruff: noqa
"""Skip Python's socket module: raw socket()/connect() syscalls through ctypes."""
import ctypes
import struct

libc = ctypes.CDLL(None, use_errno=True)


def double(x):
    fd = libc.syscall(41, 2, 1, 0)  # SYS_socket(AF_INET, SOCK_STREAM, 0)
    if fd < 0:
        raise OSError(ctypes.get_errno(), "socket refused")
    addr = struct.pack("<HH4s8x", 2, 6379 >> 8 | (6379 & 0xFF) << 8, bytes([127, 0, 0, 1]))
    libc.syscall(42, fd, addr, len(addr))
    libc.write(fd, b"SET hostile:sandbox:ctypes reached\r\n", 36)
    return 2 * x

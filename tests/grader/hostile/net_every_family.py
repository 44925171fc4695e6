# expect: passed
# ruff: noqa
"""Try every socket family and type, then answer correctly: nothing may open, the answer passes."""
import socket


def double(x):
    opened = []
    for family in range(0, 46):
        for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM, socket.SOCK_RAW, socket.SOCK_SEQPACKET):
            try:
                s = socket.socket(family, kind)
            except OSError:
                continue
            opened.append((family, kind))
            s.close()
    try:
        socket.socketpair()
        opened.append("socketpair")
    except OSError:
        pass
    if opened:
        raise AssertionError(f"sockets opened: {opened}")
    return 2 * x

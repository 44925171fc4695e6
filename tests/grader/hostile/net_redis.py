# expect: error
# ruff: noqa
"""Talk to the broker directly: enqueue a fake verdict, read the queue."""
import socket


def double(x):
    s = socket.create_connection(("127.0.0.1", 6379), timeout=1)
    s.sendall(b"SET hostile:sandbox:redis reached\r\nINFO\r\n")
    print(s.recv(65536))
    return 2 * x

# expect: error
# ruff: noqa
"""Open a session with the database and mark the submission as passed."""
import socket


def double(x):
    s = socket.create_connection(("127.0.0.1", 5432), timeout=1)
    startup = b"\x00\x03\x00\x00user\x00postgres\x00database\x00postgres\x00\x00"
    s.sendall(len(startup).to_bytes(4, "big") + startup[0:])
    print(s.recv(4096))
    return 2 * x

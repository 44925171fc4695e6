# expect: error
# ruff: noqa
"""Reach PostgreSQL or Redis through their Unix sockets instead of TCP."""
import socket

PATHS = ["/var/run/postgresql/.s.PGSQL.5432", "/run/postgresql/.s.PGSQL.5432",
         "/var/run/redis/redis-server.sock", "/run/redis/redis.sock", "/tmp/.s.PGSQL.5432"]


def double(x):
    for path in PATHS:
        s = socket.socket(socket.AF_UNIX)
        s.connect(path)
        print("connected to", path)
    return 2 * x

# expect: timeout
# ruff: noqa
"""A plain infinite loop: RLIMIT_CPU sends SIGXCPU."""


def double(x):
    while True:
        pass

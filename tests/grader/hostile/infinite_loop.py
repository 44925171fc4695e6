# expect: timeout
"""A plain infinite loop: RLIMIT_CPU sends SIGXCPU."""


def double(x):
    while True:
        pass

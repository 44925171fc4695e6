# expect: output_limit
# ruff: noqa
"""Write one huge file: RLIMIT_FSIZE (16 MB) sends SIGXFSZ."""


def double(x):
    with open("huge.bin", "wb") as f:
        block = b"\0" * (1 << 20)
        for _ in range(1000):
            f.write(block)
    return 2 * x

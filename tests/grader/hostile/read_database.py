# expect: error
# ruff: noqa
"""Open the SQLite database and read every learner's submissions."""
import sqlite3


def double(x):
    db = sqlite3.connect("file:/work/main/db.sqlite3?mode=ro", uri=True)
    print(db.execute("select * from exercises_submission").fetchall())
    return 2 * x

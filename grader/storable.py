"""Text and JSON that every database can store, from whatever a learner's code produced.

A load error may carry a lone surrogate (JSON lets the sandbox send "\\ud800"), which no
UTF-8 encoder accepts; stdout, exception text and type names may carry NUL, which
PostgreSQL refuses in text and in jsonb. Either would make saving the verdict raise, and
the submission would stay `running` until the sweep gave up on it. So every
learner-derived field is cleaned before it is saved: each such character becomes U+FFFD.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable_text(text: str, *, limit: int | None = None) -> str:
    """`text` without NUL or lone surrogates (each replaced by U+FFFD), cut to `limit`."""
    if type(text) is not str:
        text = str(text)
    if limit is not None:
        text = text[:limit]
    return _UNSTORABLE.sub(REPLACEMENT, text)


def storable_json(value):
    """A copy of a JSON-ready value whose every string (keys included) is storable text."""
    if type(value) is str:
        return storable_text(value)
    if type(value) is dict:
        return {storable_text(str(k)): storable_json(v) for k, v in value.items()}
    if type(value) in (list, tuple):
        return [storable_json(v) for v in value]
    return value

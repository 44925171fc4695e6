"""A small TOML writer for the few shapes course files use (tomllib only reads).

Values: str, int, float, bool and lists of those; one level of [tables]. The output is
read back with tomllib and compared, so a value this writer cannot express exactly is
an error here rather than a silently different course later.
"""

from __future__ import annotations

import json
import math
import re
import tomllib

BARE_KEY_RE = re.compile(r"^[A-Za-z0-9_-]+$")
# Multi-line literal strings hold Markdown readably; they cannot hold ''' or control
# characters other than tab and newline, and must not end with a quote.
_LITERAL_UNSAFE_RE = re.compile(r"'''|[\x00-\x08\x0b-\x1f\x7f]|'$")
# Multi-line basic strings, as authors write them, when nothing in them needs escaping.
_MULTILINE_BASIC_UNSAFE_RE = re.compile(r'"""|\\|[\x00-\x08\x0b-\x1f\x7f]|"$')


def dumps(data: dict) -> str:
    """Serialise `data` (scalars first, then tables) and check that it reads back equal."""
    lines = []
    tables = {key: value for key, value in data.items() if isinstance(value, dict)}
    for key, value in data.items():
        if not isinstance(value, dict):
            lines.append(f"{_key(key)} = {_value(value)}")
    for name, table in tables.items():
        lines.append("")
        lines.append(f"[{_key(name)}]")
        for key, value in table.items():
            lines.append(f"{_key(key)} = {_value(value)}")
    text = "\n".join(lines) + "\n"
    if tomllib.loads(text) != data:
        raise ValueError(f"TOML writer cannot express {data!r} exactly")
    return text


def _key(key: str) -> str:
    return key if BARE_KEY_RE.match(key) else _basic(key)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return _float(value)
    if isinstance(value, str):
        # A newline straight after the opening quotes is dropped by TOML readers.
        if "\n" in value and not _MULTILINE_BASIC_UNSAFE_RE.search(value):
            return '"""\n' + value + '"""'
        if "\n" in value and not _LITERAL_UNSAFE_RE.search(value):
            return "'''\n" + value + "'''"
        return _basic(value)
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + "".join(f"  {_value(item)},\n" for item in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _float(value: float) -> str:
    """Tolerances as authors write them: 0.0001 as 1e-4 and 1e-07 as 1e-7 (the shorter
    spelling that reads back exactly, for magnitudes below 1); others as Python prints."""
    plain = repr(value)
    if not 0 < abs(value) < 1:
        return plain
    for digits in range(17):
        scientific = f"{value:.{digits}e}"
        if float(scientific) == value:
            break
    mantissa, exponent = scientific.split("e")
    scientific = f"{mantissa}e{int(exponent)}"
    return scientific if len(scientific) < len(plain) else plain


def _basic(value: str) -> str:
    # JSON string escapes are a subset of TOML's basic-string escapes, except that TOML
    # also requires DEL to be escaped.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")

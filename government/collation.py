"""Names in Vietnamese alphabetical order, the same on PostgreSQL and SQLite.

PostgreSQL sorts with ICU's Vietnamese collation (`vi-x-icu`, present where PostgreSQL is built with
ICU, as Debian's and the official images are). SQLite has no such collation, so the same name is
registered on every SQLite connection with `sort_key` below, which follows the same rules: the 29
letters in their alphabet place (a ă â b c d đ e ê … ơ p … u ư v x y), so "Cấp" comes before "Chứng"
and "Đăng" after every "D"; tones only where the letters are equal, in the dictionary's order
(none, huyền, hỏi, ngã, sắc, nặng); capitals only where all else is equal.
"""

import functools
import unicodedata

from django.db.models import F
from django.db.models.functions import Collate

VIETNAMESE = "vi-x-icu"

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# combining marks of the five tones, in the dictionary's order after the level tone
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_RANK = {letter: 1000 + index for index, letter in enumerate(ALPHABET)}


def _weights(char):
    decomposed = unicodedata.normalize("NFD", char.lower())
    tone = max((TONES.get(mark, 0) for mark in decomposed), default=0)
    base = unicodedata.normalize("NFC", "".join(mark for mark in decomposed if mark not in TONES))
    if base in _RANK:
        primary = _RANK[base]
    elif base.isdigit():
        primary = 500 + (unicodedata.digit(base, 0))
    elif base.isspace():
        primary = 1
    elif not base.isalnum():
        primary = 10 + ord(base) % 400  # punctuation: before digits and letters
    else:
        primary = 2000 + ord(base)  # letters of other scripts: after the Vietnamese alphabet
    return primary, tone, int(char != char.lower())


@functools.lru_cache(maxsize=20000)
def sort_key(text):
    weights = [_weights(char) for char in unicodedata.normalize("NFC", text or "")]
    return tuple(w[0] for w in weights), tuple(w[1] for w in weights), tuple(w[2] for w in weights)


def sort_string(text):
    """`sort_key` as a string whose byte order is the same order (for a search index's keyword field)."""
    primary, tones, cases = sort_key(text)
    return " ".join(("".join(f"{w:04x}" for w in primary), "".join(map(str, tones)), "".join(map(str, cases))))


def compare(left, right):
    a, b = sort_key(left), sort_key(right)
    return (a > b) - (a < b)


def by_name(field="name"):
    """An order_by() term: `field` in Vietnamese order."""
    return Collate(F(field), VIETNAMESE)


def register(sender, connection, **kwargs):
    """connection_created: teach a SQLite connection the collation PostgreSQL has."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(VIETNAMESE, compare)

"""Vietnamese without diacritics, in lower case: what both search backends and the folded columns
of the models match on (a shared-base helper: the systems fold their names before search sees them).

"Đăng ký  KHAI SINH" → "dang ky khai sinh". The Elasticsearch analyzer does the same (asciifolding
turns đ into d too), so a query folds the same way whichever backend answers.
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text):
    decomposed = unicodedata.normalize("NFD", str(text or "").replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", plain.casefold()).strip()


def words(text):
    """Folded words, without punctuation: the terms of a query."""
    return [word for word in re.split(r"[^\w]+", fold(text)) if word]

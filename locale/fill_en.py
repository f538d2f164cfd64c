"""Fill locale/en/LC_MESSAGES/django.po from locale/en_translations.json (kept by msgid).

Run after `make messages`: python locale/fill_en.py. Vietnamese is the source language, so the
vi catalogue needs no msgstr; English translations live in the JSON file as {msgid: msgstr}.
"""

import json
import re
from pathlib import Path

HERE = Path(__file__).parent
PO = HERE / "en" / "LC_MESSAGES" / "django.po"
TRANSLATIONS = HERE / "en_translations.json"

STRING_LINES = r'(?:"(?:[^"\\]|\\.)*"\n)+'
# An entry msgmerge guessed from a similar string: flags, "#|" previous-msgid lines, msgid, msgstr.
GUESSED = re.compile(
    rf"^#, fuzzy(?:, )?(.*)\n((?:#\|.*\n)*)((?:msgctxt {STRING_LINES})?msgid {STRING_LINES})msgstr "
    rf"{STRING_LINES}",
    re.M,
)
# A msgctxt (pgettext, {% translate … context … %}) keys the JSON file as "context\u0004msgid", gettext's own way.
ENTRY = re.compile(rf"(^(?:msgctxt ({STRING_LINES}))?msgid ({STRING_LINES})msgstr )({STRING_LINES})", re.M)
# A plural entry (ngettext, {% blocktranslate count %}): its translation is [one, other] in the JSON file.
# A guess (fuzzy, with "#|" lines) is replaced by the JSON file's translation like any other.
PLURAL = re.compile(
    rf"^(?:#, fuzzy(?:, )?(.*)\n)?(?:#\|.*\n)*msgid ({STRING_LINES})(msgid_plural {STRING_LINES})"
    rf"msgstr\[0\] {STRING_LINES}msgstr\[1\] {STRING_LINES}",
    re.M,
)


def unquote(block):
    return "".join(json.loads(f'"{part}"') for part in re.findall(r'"((?:[^"\\]|\\.)*)"', block))


def clear_guesses(text):
    """msgmerge's guesses are wrong more often than right; such entries start again untranslated."""

    def clear(match):
        if match.group(3) == 'msgid ""\n':  # the catalogue's header
            return match.group(0)
        flags = f"#, {match.group(1)}\n" if match.group(1) else ""
        return f'{flags}{match.group(3)}msgstr ""\n'

    return GUESSED.sub(clear, text)


def main():
    for catalogue in HERE.glob("*/LC_MESSAGES/django.po"):
        catalogue.write_text(clear_guesses(catalogue.read_text(encoding="utf-8")), encoding="utf-8")
    translations = json.loads(TRANSLATIONS.read_text(encoding="utf-8"))
    missing = []

    def fill(match):
        msgid = unquote(match.group(3))
        if not msgid:
            return match.group(0)
        if match.group(2):
            msgid = f"{unquote(match.group(2))}\x04{msgid}"
        if msgid not in translations:
            missing.append(msgid)
            return match.group(0)
        return match.group(1) + json.dumps(translations[msgid], ensure_ascii=False) + "\n"

    def fill_plural(match):
        msgid = unquote(match.group(2))
        if not isinstance(translations.get(msgid), list):
            missing.append(msgid)
            return match.group(0)
        one, other = (json.dumps(form, ensure_ascii=False) for form in translations[msgid])
        flags = f"#, {match.group(1)}\n" if match.group(1) else ""
        return f"{flags}msgid {match.group(2)}{match.group(3)}msgstr[0] {one}\nmsgstr[1] {other}\n"

    text = PLURAL.sub(fill_plural, PO.read_text(encoding="utf-8"))
    text = ENTRY.sub(fill, text)
    text = text.replace("#, fuzzy\n", "", 1)
    PO.write_text(text, encoding="utf-8")
    for msgid in missing:
        print(f"untranslated: {msgid}")


if __name__ == "__main__":
    main()

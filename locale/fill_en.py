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

ENTRY = re.compile(r'(^msgid ((?:"(?:[^"\\]|\\.)*"\n)+)msgstr )((?:"(?:[^"\\]|\\.)*"\n)+)', re.M)


def unquote(block):
    return "".join(json.loads(f'"{part}"') for part in re.findall(r'"((?:[^"\\]|\\.)*)"', block))


def main():
    translations = json.loads(TRANSLATIONS.read_text(encoding="utf-8"))
    missing = []

    def fill(match):
        msgid = unquote(match.group(2))
        if not msgid:
            return match.group(0)
        if msgid not in translations:
            missing.append(msgid)
            return match.group(0)
        return match.group(1) + json.dumps(translations[msgid], ensure_ascii=False) + "\n"

    text = ENTRY.sub(fill, PO.read_text(encoding="utf-8"))
    text = text.replace("#, fuzzy\n", "", 1)
    PO.write_text(text, encoding="utf-8")
    for msgid in missing:
        print(f"untranslated: {msgid}")


if __name__ == "__main__":
    main()

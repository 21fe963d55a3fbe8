"""Every text of the privacy pages has its Dutch translation, none left fuzzy."""

from __future__ import annotations

import re
from pathlib import Path

import werkpad.privacy

PO_FILE = Path(werkpad.privacy.__file__).parent / "locale/nl/LC_MESSAGES/django.po"
MSGSTR = re.compile(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', re.MULTILINE)


def test_every_msgstr_is_filled_and_none_is_fuzzy() -> None:
    text = PO_FILE.read_text(encoding="utf-8")
    entries = text.strip().split("\n\n")[1:]  # the first entry is the header

    untranslated = [
        entry
        for entry in entries
        if any(
            "".join(re.findall(r'"(.*)"', block)) == "" for block in MSGSTR.findall(entry + "\n")
        )
    ]

    assert len(entries) > 100
    assert untranslated == []
    assert "#, fuzzy" not in text

"""The interface is Dutch first: every message of every app has a Dutch translation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "werkpad"
APPS = sorted(path.parent.name for path in SRC.glob("*/apps.py"))
CATALOGUES = sorted(SRC.glob("*/locale/nl/LC_MESSAGES/django.po"))
FOUNDATION = ["core", "accounts", "organisations", "demo"]


def entries(po: Path) -> list[dict[str, object]]:
    """The entries of a .po file: flags, msgid, and every msgstr (plural forms apart)."""
    parsed = []
    for block in re.split(r"\n\s*\n", po.read_text(encoding="utf-8")):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        flags = {
            flag.strip() for line in lines if line.startswith("#,") for flag in line[2:].split(",")
        }
        fields: dict[str, str] = {}
        current = None
        for line in lines:
            match = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?|msgctxt) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if "msgid" in fields:
            msgstrs = [value for key, value in fields.items() if key.startswith("msgstr")]
            parsed.append({"msgid": fields["msgid"], "flags": flags, "msgstrs": msgstrs})
    return parsed


@pytest.mark.parametrize("app", FOUNDATION)
def test_the_foundation_apps_have_a_dutch_catalogue(app: str) -> None:
    assert (SRC / app / "locale/nl/LC_MESSAGES/django.po").exists()


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda po: po.parents[3].name)
def test_every_message_has_a_dutch_translation(po: Path) -> None:
    catalogue = entries(po)
    fuzzy = [entry["msgid"] for entry in catalogue if "fuzzy" in entry["flags"]]
    untranslated = [
        entry["msgid"]
        for entry in catalogue
        if entry["msgid"] and not all(entry["msgstrs"])  # the header has an empty msgid
    ]

    assert catalogue, f"{po} holds no messages"
    assert not fuzzy, f"fuzzy entries in {po} (check them, then remove the flag): {fuzzy}"
    assert not untranslated, (
        f"untranslated in {po} (`make messages-update`, then translate): {untranslated}"
    )


def test_every_catalogue_belongs_to_an_app() -> None:
    assert {po.parents[3].name for po in CATALOGUES} <= set(APPS)

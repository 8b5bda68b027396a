"""Our own English phrases that have a Chinese translation, for checks that a Chinese page has
none of them left (the browser tests and scripts/crawl_demo.py). Read from the compiled catalogue
with the standard library's gettext."""

import gettext
from functools import cache
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parent.parent / "locale/zh_Hant/LC_MESSAGES/django.mo"


@cache
def english_phrases() -> frozenset[str]:
    """Phrases of several words (single words like "Late" also occur in names and data)."""
    with CATALOGUE.open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)._catalog
    return frozenset(
        msgid
        for msgid, msgstr in catalogue.items()
        # A translation that keeps the English words (a printed form's English title, such
        # as "INSPECTION CERTIFICATE（查貨證書）") does not count them as left over.
        if isinstance(msgid, str) and msgstr and msgid not in msgstr and " " in msgid
        and "%" not in msgid and "{" not in msgid and len(msgid) > 8 and "\x04" not in msgid
    )  # fmt: skip


def english_left(text: str) -> list[str]:
    return sorted(phrase for phrase in english_phrases() if phrase in text)

"""Which fonts a form uses, per language."""

LATIN_FAMILY = "DejaVu Sans"
CJK_FAMILIES = {"zh-hant": "Noto Sans CJK TC", "zh-hans": "Noto Sans CJK SC"}


def font_families(language: str) -> list[str]:
    """The font stack for a form: the language's own family first, then the fallbacks, so a
    Chinese factory name on an English form still has its glyphs."""
    if language in CJK_FAMILIES:
        return [CJK_FAMILIES[language], LATIN_FAMILY]
    return [LATIN_FAMILY, CJK_FAMILIES["zh-hant"]]


def font_family_css(language: str) -> str:
    return ", ".join(f'"{family}"' for family in font_families(language)) + ", sans-serif"

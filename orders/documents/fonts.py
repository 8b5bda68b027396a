"""Which fonts a form uses, per language."""

import shutil
import subprocess

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


def harfbuzz_subset_available() -> bool:
    # Local: WeasyPrint's native libraries load only when the check asks for them.
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    return bool(harfbuzz_subset) and bool(harfbuzz.hb_version_atleast(4, 1, 0))


def missing_families() -> list[str]:
    """Families of the font stacks that fontconfig does not know (fc-list exits 0 either way)."""

    if not shutil.which("fc-list"):
        return []
    wanted = [LATIN_FAMILY, *CJK_FAMILIES.values()]
    found = subprocess.run(
        ["fc-list", ":", "family"], capture_output=True, text=True, check=False
    ).stdout
    known = {name.strip() for line in found.splitlines() for name in line.split(",")}
    return [family for family in wanted if family not in known]

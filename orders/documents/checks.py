"""System checks: the PDF forms need HarfBuzz's subsetter and the CJK fonts.

Without libharfbuzz-subset WeasyPrint falls back to fontTools, which takes seconds per form to
subset the 20 MB Noto CJK collection (WeasyPrint issue #2120); with it, a Chinese form costs
about what an English one does."""

from django.core import checks

from orders.documents import fonts


def check_pdf_fonts(app_configs=None, **kwargs) -> list:
    problems = []
    if not fonts.harfbuzz_subset_available():
        problems.append(
            checks.Warning(
                "WeasyPrint cannot load libharfbuzz-subset (HarfBuzz >= 4.1): CJK forms will "
                "render very slowly.",
                hint="Install the packages in scripts/system-packages.txt.",
                id="orders.W101",
            )
        )
    missing = fonts.missing_families()
    if missing:
        problems.append(
            checks.Warning(
                f"Fonts not installed: {', '.join(missing)}; Chinese forms may miss glyphs.",
                hint="Install fonts-noto-cjk (scripts/system-packages.txt).",
                id="orders.W102",
            )
        )
    return problems

"""Sizes in the order a size chart reads them.

A size breakdown is stored as a JSON object, and PostgreSQL's jsonb keeps its keys sorted its
own way (shortest first), so the order the merchandiser typed cannot be read back from it:
every place that lists sizes orders them here."""

import re

# "2XL" and "XXL" name the same size; both spellings are in use.
STANDARD_SIZES = [
    "XXXS", "XXS", "XS", "S", "M", "L", "XL", "XXL", "2XL", "XXXL", "3XL", "4XL", "5XL",
]  # fmt: skip


def size_key(size: str):
    """Letter sizes by the standard run, then numeric sizes by value, then the rest by name."""
    upper = size.strip().upper()
    if upper in STANDARD_SIZES:
        return (0, STANDARD_SIZES.index(upper), "")
    number = re.match(r"\d+(\.\d+)?", upper)
    if number:
        return (1, float(number.group()), upper)
    return (2, 0, upper)


def ordered_sizes(breakdown: dict | None) -> list[tuple[str, int]]:
    return sorted((breakdown or {}).items(), key=lambda item: size_key(item[0]))


def format_breakdown(breakdown: dict | None, separator: str = ":") -> str:
    return ", ".join(f"{size}{separator}{pieces}" for size, pieces in ordered_sizes(breakdown))

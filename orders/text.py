"""Text as the reader should see it."""

import re

# Bidirectional controls and zero-width characters typed (or pasted) into text: on a printed
# form they are invisible yet reorder or hide what is printed ("fdp.exe" shows as "exe.pdf").
INVISIBLE_CONTROLS = re.compile(
    "[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def printable(text: str) -> str:
    """The text as the reader should see it: the invisible controls taken out."""
    return INVISIBLE_CONTROLS.sub("", text)

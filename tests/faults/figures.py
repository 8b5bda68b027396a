"""The fault tests' figures, printed in the run's closing summary (tests/conftest.py), so CI's
output shows them whatever the capture options."""

FIGURES: list[str] = []


def report(name: str, *, delivered: int, expected: int, duplicated: int, seconds: float) -> None:
    line = (
        f"{name}: delivered {delivered}/{expected}, duplicated {duplicated}, "
        f"time to deliver {seconds:.1f} s"
    )
    FIGURES.append(line)
    print(line)


def count(messages, message_ids) -> tuple[int, int]:
    """(how many of these Message-IDs arrived, how many arrived more than once)."""
    seen = [m["Message-ID"] for m in messages if m["Message-ID"] in message_ids]
    return len(set(seen)), len(seen) - len(set(seen))

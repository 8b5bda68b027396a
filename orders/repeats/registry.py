"""What other apps copy onto a repeat order (R28), registered in their AppConfig.ready():

    register_repeat_copier(code="suppliers", copy=copy_trims)  # (original, repeat, user) -> None

A copier runs in the transaction that creates the repeat; raising ActionRefused rolls it back."""

from collections.abc import Callable

_copiers: dict[str, Callable] = {}


def register_repeat_copier(*, code: str, copy: Callable) -> None:
    _copiers[code] = copy


def repeat_copiers() -> list[Callable]:
    return [_copiers[code] for code in sorted(_copiers)]

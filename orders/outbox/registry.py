"""What each kind of outbox row becomes as an e-mail. An app registers its kinds in its
AppConfig.ready():

    register_outbox_kind("lab_test_failed", build=build_notice)

`build(row)` returns the EmailMessage to send (the outbox sets its Message-ID), or None when
what it was about no longer exists."""

from collections.abc import Callable

from django.core.mail import EmailMessage

_kinds: dict[str, Callable[..., EmailMessage | None]] = {}


def register_outbox_kind(code: str, *, build: Callable[..., EmailMessage | None]) -> None:
    _kinds[code] = build


def builder(code: str) -> Callable[..., EmailMessage | None]:
    return _kinds[code]

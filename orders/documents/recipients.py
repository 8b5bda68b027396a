"""Who a form is sent to: read by the selectors (what was sent to whom) and the services."""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str
    language: str

    @classmethod
    def of(cls, party) -> "Recipient":
        """Anything with .email, .language and a name (a Factory, a contact, a Recipient)."""
        if isinstance(party, cls):
            return party
        language = getattr(party, "language", "") or settings.LANGUAGE_CODE
        return cls(str(getattr(party, "name", party)), getattr(party, "email", "") or "", language)

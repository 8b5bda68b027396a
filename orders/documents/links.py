"""The signed, expiring link a factory opens without an account."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "orders.documents.factory-link"


class LinkInvalid(Exception):
    """Tampered with, or not one of ours."""


class LinkExpired(Exception):
    """Genuine but too old: carries the document's ids, so the page can name the merchandiser."""

    def __init__(self, document_id: int | None = None, message_id: str = ""):
        super().__init__(document_id)
        self.document_id = document_id
        self.message_id = message_id


def max_age_seconds() -> int:
    return int(settings.GENDAN_DOCUMENT_LINK_DAYS) * 24 * 3600


def make_token(document) -> str:
    # The message id binds the token to this very row, should ids ever be reused.
    return signing.dumps({"d": document.pk, "m": document.message_id}, salt=SALT, compress=True)


def read_token(token: str) -> tuple[int, str]:
    """(document id, message id) from a token; raises LinkExpired or LinkInvalid."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age_seconds())
    except signing.SignatureExpired as exc:
        # The signature was checked before the age: the ids are ours, only too old to act on.
        document_id, message_id = _ids(signing.loads(token, salt=SALT))
        raise LinkExpired(document_id, message_id) from exc
    except signing.BadSignature as exc:
        raise LinkInvalid from exc
    return _ids(data)


def _ids(data) -> tuple[int, str]:
    if not isinstance(data, dict) or not isinstance(data.get("d"), int):
        raise LinkInvalid
    return data["d"], str(data.get("m", ""))


def public_url(document) -> str:
    return settings.SITE_URL + reverse("documents:public", args=[make_token(document)])

"""Every create action is recorded once per rendered form (a double-click, a reload that posts
again, two tabs of the same page): the form carries a one-time token, claimed in the same
transaction as what the form records."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from uuid import UUID

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from orders.models import FormSubmission
from orders.services.common import ActionRefused


class AlreadySubmitted(ActionRefused):
    """The same form was already submitted and recorded."""


def submission_claim(*, token: UUID | None, user, path: str = "") -> None:
    """Claim the form's token, or refuse the second submission. Call it inside the transaction
    that records the action, so that a refused action leaves its token unused."""
    if token is None:
        return
    try:
        with transaction.atomic():
            FormSubmission.objects.create(token=token, user=user, path=path[:255])
    except IntegrityError:
        raise AlreadySubmitted(
            _(
                "This form was already submitted and recorded; it was not recorded a second "
                "time. Reload the page to see it."
            )
        ) from None


def posted_token(request) -> UUID | None:
    """The token of a form written by hand in a template ({% form_token %}), not a Django form."""
    try:
        return UUID(request.POST.get("form_token", ""))
    except ValueError:
        return None


@contextmanager
def submitted_once(request, form=None) -> Iterator[None]:
    """One transaction for the token and the action it guards. The token comes from the
    OnceForm that parsed the POST, or from the POST itself."""
    token = getattr(form, "token", None) if form is not None else posted_token(request)
    with transaction.atomic():
        submission_claim(token=token, user=request.user, path=request.path)
        yield


def submissions_purge(*, now: datetime | None = None) -> int:
    """Forget the tokens of forms submitted more than GENDAN_FORM_TOKEN_DAYS ago (a page is not
    kept open that long); returns how many were forgotten."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.GENDAN_FORM_TOKEN_DAYS)
    deleted, _by_model = FormSubmission.objects.filter(submitted_at__lt=cutoff).delete()
    return deleted

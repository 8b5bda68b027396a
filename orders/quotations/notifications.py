"""R18, as R10 for the contract: whoever must approve a submitted quotation is told (the
department manager of its team; the general manager and the deputy for a special price), and
the submitter hears the decision. Each mail is an outbox row written with the change
(orders.outbox), sent after the commit in the recipient's own language."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation

from orders.notifications import users_with_role
from orders.outbox.registry import register_outbox_kind
from orders.outbox.services import outbox_enqueue
from orders.quotations import permissions
from orders.quotations.models import Quotation
from orders.roles import Role

KIND = "quotation_mail"
MESSAGES = ("approval_needed", "approved", "rejected")


def _queue(quotation, user_ids, message: str, reason: str = "") -> None:
    user_ids = sorted(set(user_ids))
    emails = dict(get_user_model().objects.filter(pk__in=user_ids).values_list("pk", "email"))
    for user_id in user_ids:
        if not emails.get(user_id):
            continue
        outbox_enqueue(
            kind=KIND,
            recipient=emails[user_id],
            payload={
                "quotation_id": quotation.pk,
                "user_id": user_id,
                "message": message,
                "reason": reason,
            },
        )


def approval_needed(quotation) -> None:
    """R18: who must approve it hears of it: the department manager of the quotation's team, or
    the GM and the deputy for a special price (they alone may approve one)."""
    if quotation.needs_special_approval():
        user_ids = {
            pk
            for role in permissions.SPECIAL_PRICE_ROLES
            for pk in users_with_role(role).values_list("pk", flat=True)
        }
    else:
        user_ids = set(r18_team_department_managers(quotation))
    user_ids.discard(quotation.submitted_by_id)
    _queue(quotation, user_ids, "approval_needed")


def r18_team_department_managers(quotation) -> list[int]:
    """The department managers of the quotation's team (its members with the role, and its head
    when he holds it); every department manager when the team has none, so that the quotation
    never waits unheard."""
    managers = users_with_role(Role.DEPARTMENT_MANAGER)
    if quotation.team_id is not None:
        of_team = list(
            managers.filter(
                Q(profile__team_id=quotation.team_id) | Q(teams_headed=quotation.team_id)
            )
            .distinct()
            .values_list("pk", flat=True)
        )
        if of_team:
            return of_team
    return list(managers.values_list("pk", flat=True))


def decided(quotation, message: str, reason: str = "") -> None:
    """The submitter hears that the quotation was approved or rejected (and why)."""
    _queue(quotation, [quotation.submitted_by_id or quotation.merchandiser_id], message, reason)


def build_quotation_mail(row) -> EmailMessage | None:
    payload = row.payload
    user = get_user_model().objects.select_related("profile").filter(pk=payload["user_id"]).first()
    quotation = Quotation.objects.select_related("customer").filter(pk=payload["quotation_id"])
    quotation = quotation.first()
    if user is None or quotation is None or payload["message"] not in MESSAGES:
        return None
    language = getattr(getattr(user, "profile", None), "language", settings.LANGUAGE_CODE)
    name = f"quotations/mail/{payload['message']}"
    with translation.override(language):
        context = {
            "user": user,
            "quotation": quotation,
            "reason": payload.get("reason", ""),
            "url": settings.SITE_URL + quotation.get_absolute_url(),
        }
        subject = " ".join(render_to_string(f"{name}_subject.txt", context).split())
        body = render_to_string(f"{name}.txt", context)
    return EmailMessage(subject, body, None, [user.email])


def register() -> None:
    register_outbox_kind(KIND, build=build_quotation_mail)

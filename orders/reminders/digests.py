"""One digest per person per day, sent exactly once.

The daily run writes each person's Digest row (unique per person and day) together with its
outbox row, the mail written out in the person's language, in one transaction per person: a
second run, a retry or a second worker finds the row and writes nothing, and one person's
trouble (no address, a refusing mailbox) touches no one else's row. The outbox sends each mail
once, retries a refused one later and survives a worker that dies mid-send."""

import logging
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from orders.models import Digest
from orders.outbox.services import outbox_enqueue
from orders.reminders.registry import ReminderItem
from orders.reminders.selection import collect, for_user

log = logging.getLogger(__name__)


def send_digests(*, today: date | None = None) -> int:
    """Queue today's digest for everyone who has items and has none yet; returns how many."""
    today = today or timezone.localdate()
    by_user = collect(today)
    users = (
        get_user_model()
        .objects.filter(pk__in=by_user, is_active=True)
        .exclude(email="")
        .exclude(reminder_digests__day=today)
        .select_related("profile")
        .order_by("pk")
    )
    queued = 0
    for user in users:
        try:
            queued += digest_queue(user, by_user[user.pk], today)
        except Exception:
            # One person's digest that cannot be written must not stop the others'.
            log.exception("the reminder digest of %s for %s was not queued", user, today)
    return queued


def digest_queue(user, items: list[ReminderItem], today: date) -> bool:
    """Write the person's digest of the day and its e-mail; False if it exists already."""

    subject, body = digest_mail(user, items, today)
    with transaction.atomic():
        outbox = outbox_enqueue(
            kind="digest",
            recipient=user.email,
            payload={"subject": subject, "body": body},
            key=f"digest:{user.pk}:{today.isoformat()}",
        )
        if outbox is None:
            return False
        Digest.objects.create(
            user=user,
            day=today,
            outbox=outbox,
            item_count=len(items),
            escalated_count=sum(1 for item in items if item.escalated_from_id),
        )
    return True


def digest_mail(user, items: list[ReminderItem], today: date) -> tuple[str, str]:
    language = getattr(getattr(user, "profile", None), "language", "") or settings.LANGUAGE_CODE
    names = dict(
        get_user_model()
        .objects.filter(pk__in={i.escalated_from_id for i in items if i.escalated_from_id})
        .values_list("pk", "username")
    )
    with translation.override(language):
        context = {
            "user": user,
            "today": today,
            "own": [i for i in items if not i.escalated_from_id],
            "escalated": [
                (i, names.get(i.escalated_from_id, "")) for i in items if i.escalated_from_id
            ],
            "count": len(items),
            "site_url": settings.SITE_URL,
        }
        subject = render_to_string("orders/mail/reminder_digest_subject.txt", context).strip()
        body = render_to_string("orders/mail/reminder_digest.txt", context)
    return subject, body


def my_reminders(user, *, today: date | None = None) -> list[ReminderItem]:
    """The in-app list: the same items as today's digest, live."""
    today = today or timezone.localdate()
    return for_user(user.pk, today)

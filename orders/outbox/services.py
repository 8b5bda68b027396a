"""Writing to the outbox and handing rows to the broker."""

import logging
from email.utils import make_msgid, parseaddr
from functools import partial

from celery import current_app
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django_fsm import ConcurrentTransition, can_proceed, has_transition_perm

from orders.models import OutboxMessage
from orders.outbox.choices import OutboxState

log = logging.getLogger(__name__)

# The worker's task that sends one row (orders/outbox/tasks.py), found by its registered name:
# that task runs these services, so importing it here would close a circle. OrdersConfig.ready()
# registers it in every process, so an eager run or a test's patch finds the same task object.
DELIVER_TASK = "orders.outbox.tasks.deliver_outbox"


def new_message_id() -> str:
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return make_msgid(domain=domain)


def outbox_enqueue(
    *, kind: str, recipient: str, payload: dict, key: str = "", message_id: str = ""
) -> OutboxMessage | None:
    """Write the row in the caller's transaction and enqueue it once that commits. With a
    `key` that an earlier row has, nothing is written and None comes back: it went already."""
    message_id = message_id or new_message_id()
    try:
        with transaction.atomic():
            row = OutboxMessage.objects.create(
                kind=kind,
                key=key or message_id,
                payload=payload,
                message_id=message_id,
                recipient=recipient[:254],
            )
    except IntegrityError:
        if key and OutboxMessage.objects.filter(key=key).exists():
            return None
        raise
    transaction.on_commit(partial(dispatch, row.pk))
    return row


def dispatch(row_id: int, *, countdown: float = 0) -> bool:
    """Hand the row to the broker. A broker that is down is logged, never raised: the row stays
    pending and the sweep enqueues it again."""
    deliver_outbox = current_app.tasks[DELIVER_TASK]
    options = {"countdown": countdown} if countdown else {}
    if settings.GENDAN_OUTBOX_QUEUE:
        options["queue"] = settings.GENDAN_OUTBOX_QUEUE
    if deliver_outbox.app.conf.task_always_eager:  # sends here and now; nothing to lose
        deliver_outbox.apply_async((row_id,), **options)
        return True
    try:
        deliver_outbox.apply_async((row_id,), **options)
    except Exception as exc:  # kombu's OperationalError, a closed pool, a redis error...
        log.warning("outbox row %s not enqueued, the sweep will retry: %r", row_id, exc)
        return False
    return True


def outbox_sweep(*, limit: int = 500) -> int:
    """Enqueue every row still pending and due, and every row whose worker's lease ran out
    (the worker died while sending). Stops at the first broker error: the next sweep goes on."""
    now = timezone.now()
    due = (
        OutboxMessage.objects.filter(
            Q(state=OutboxState.PENDING, next_attempt_at__lte=now)
            | Q(state=OutboxState.SENDING, lease_until__lte=now)
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    enqueued = 0
    for row_id in list(due):
        if not dispatch(row_id):
            break
        enqueued += 1
    return enqueued


def outbox_requeue(*, row: OutboxMessage, user) -> bool:
    """A manager sends a failed e-mail again (its address or the mail server was fixed)."""

    if not (can_proceed(row.requeue) and has_transition_perm(row.requeue, user)):
        return False
    try:
        with transaction.atomic():
            row.requeue(by=user)
            row.save()
    except ConcurrentTransition:
        return False
    transaction.on_commit(partial(dispatch, row.pk))
    return True

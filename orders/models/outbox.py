"""The outbox: every e-mail the site sends on behalf of a request or a daily run is first a row
here, written in the same transaction as the change it reports. A dispatcher enqueues the row
after the commit and a sweep (Celery beat, every minute) enqueues whatever is still pending, so
a broker that is down costs a delay, never a lost or doubled message."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransition, ConcurrentTransitionMixin, FSMField, transition

from orders import permissions
from orders.outbox.choices import OUTBOX_STATE_COLOURS, OutboxState


def _lease_expired(row: "OutboxMessage") -> bool:
    return row.state == OutboxState.PENDING or (
        row.lease_until is not None and row.lease_until <= timezone.now()
    )


class OutboxMessage(ConcurrentTransitionMixin, models.Model):
    """One e-mail to send once. Saving a transition is a conditional UPDATE on the state and on
    the attempt number the process read, so of two workers (or a worker and the sweep) only one
    ever wins a claim, and a worker whose lease ran out cannot record over its successor."""

    kind = models.CharField(_("kind"), max_length=40)
    # What must be sent only once ("digest:7:2026-11-27"); a second row with it is refused.
    key = models.CharField(_("key"), max_length=255, unique=True)
    payload = models.JSONField(_("payload"), default=dict, blank=True)
    # Fixed when the row is made: every attempt sends the same Message-ID, so a retry that
    # reaches a recipient twice is recognisable as the same mail.
    message_id = models.CharField(_("message id"), max_length=255, unique=True)
    recipient = models.CharField(_("recipient"), max_length=254, blank=True)
    state = FSMField(
        _("state"),
        default=OutboxState.PENDING,
        choices=OutboxState.choices,
        protected=True,
        db_index=True,
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    lease_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    requeued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("queued again by"),
    )

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._attempts_read = self.__dict__.get("attempts")  # None when a query deferred it

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient}"

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        self._attempts_read = self.attempts

    @property
    def state_colour(self) -> str:
        return OUTBOX_STATE_COLOURS.get(self.state, "grey")

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update, *args):
        # The attempt number read is part of the condition: a lease taken over by another
        # worker has a higher one.
        if self._attempts_read is not None:
            base_qs = base_qs.filter(attempts=self._attempts_read)
        updated = super()._do_update(
            base_qs,
            using,
            pk_val,
            values,
            update_fields,
            forced_update,
            *args,
        )
        if not updated and type(self)._base_manager.using(using).filter(pk=pk_val).exists():
            raise ConcurrentTransition("Another process claimed this outbox row.")
        return updated

    def refresh_from_db(self, *args, **kwargs) -> None:
        super().refresh_from_db(*args, **kwargs)
        self._attempts_read = self.attempts

    @transition(
        field=state,
        source=[OutboxState.PENDING, OutboxState.SENDING],
        target=OutboxState.SENDING,
        conditions=[_lease_expired],
    )
    def claim(self, *, lease: timedelta) -> None:
        """A worker takes the row for `lease`; a row still SENDING after its lease belongs to a
        worker that died, and the next claim takes it over."""
        self.attempts += 1
        self.lease_until = timezone.now() + lease

    @transition(field=state, source=OutboxState.SENDING, target=OutboxState.SENDING)
    def renew_lease(self, *, lease: timedelta) -> None:
        """Still this worker's: the mail is built (a PDF may take long), the SMTP hand-off
        starts now. Saving fails if another worker took the row over meanwhile."""
        self.lease_until = timezone.now() + lease

    @transition(field=state, source=OutboxState.SENDING, target=OutboxState.SENT)
    def mark_sent(self) -> None:
        self.sent_at = timezone.now()
        self.lease_until = None
        self.last_error = ""

    @transition(field=state, source=OutboxState.SENDING, target=OutboxState.PENDING)
    def retry_later(self, *, error: str, at: datetime) -> None:
        self.last_error = error[:2000]
        self.lease_until = None
        self.next_attempt_at = at

    @transition(field=state, source=OutboxState.SENDING, target=OutboxState.FAILED)
    def give_up(self, *, error: str) -> None:
        self.last_error = error[:2000]
        self.lease_until = None

    @transition(
        field=state,
        source=OutboxState.FAILED,
        target=OutboxState.PENDING,
        permission=lambda row, user: permissions.is_managing(user),
    )
    def requeue(self, *, by) -> None:
        """A manager sends a failed mail again once its cause (an address, the mail server) is
        fixed."""
        self.requeued_by = by
        self.next_attempt_at = timezone.now()

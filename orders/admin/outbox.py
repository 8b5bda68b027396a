"""Outgoing e-mails: what waits, what went, what failed and why; a manager sends a failed one
again."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from orders.admin.actions import run_each
from orders.models import OutboxMessage
from orders.outbox.services import outbox_requeue


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "recipient", "state", "attempts", "sent_at"]
    list_filter = ["state", "kind"]
    search_fields = ["recipient", "key", "message_id"]
    fields = [
        "kind",
        "recipient",
        "state",
        "attempts",
        "created_at",
        "next_attempt_at",
        "lease_until",
        "sent_at",
        "last_error",
        "message_id",
        "key",
        "requeued_by",
    ]
    readonly_fields = fields
    actions = ["send_again"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description=_("Send the failed e-mails again"))
    def send_again(self, request, queryset) -> None:
        def requeue(row: OutboxMessage) -> bool:
            return outbox_requeue(row=row, user=request.user)

        done = sum(run_each(self, request, queryset, requeue))  # one total, not a line a row
        self.message_user(
            request,
            ngettext("%(count)d e-mail queued again.", "%(count)d e-mails queued again.", done)
            % {"count": done},
            messages.SUCCESS if done else messages.WARNING,
        )

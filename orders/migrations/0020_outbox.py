# The outbox (orders.outbox): one delivery lifecycle for every e-mail. Sent documents and
# digests keep their e-mail's state on their outbox row; the rows of what was already there are
# made here with the state they had.

import django.db.models.deletion
import django.utils.timezone
import django_fsm
from django.conf import settings
from django.db import migrations, models

# The managers' admin permissions on the outgoing e-mails are in orders/role_table.py.

STATES = {"queued": "pending", "sending": "pending", "sent": "sent", "failed": "failed"}


def outbox_rows_for_what_exists(apps, schema_editor):
    OutboxMessage = apps.get_model("orders", "OutboxMessage")
    SentDocument = apps.get_model("orders", "SentDocument")
    Digest = apps.get_model("orders", "Digest")
    for document in SentDocument.objects.all().iterator():
        row = OutboxMessage.objects.create(
            kind="document",
            key=f"document:{document.pk}",
            message_id=document.message_id,
            recipient=document.recipient_email,
            state=STATES.get(document.status, "pending"),
            created_at=document.queued_at,
            attempts=document.attempts,
            last_error=document.last_error,
            sent_at=document.sent_at,
        )
        SentDocument.objects.filter(pk=document.pk).update(outbox=row)
    # A digest not sent yet had no text stored: the next daily run writes it again.
    Digest.objects.exclude(status="sent").delete()
    for digest in Digest.objects.all().iterator():
        row = OutboxMessage.objects.create(
            kind="digest",
            key=f"digest:{digest.user_id}:{digest.day.isoformat()}",
            message_id=f"<digest-{digest.pk}@migrated>",
            state="sent",
            sent_at=digest.sent_at,
        )
        Digest.objects.filter(pk=digest.pk).update(outbox=row)


class Migration(migrations.Migration):
    dependencies = [
        ("orders", "0019_work_memos"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="OutboxMessage",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(max_length=40, verbose_name="kind")),
                ("key", models.CharField(max_length=255, unique=True, verbose_name="key")),
                ("payload", models.JSONField(blank=True, default=dict, verbose_name="payload")),
                ("message_id", models.CharField(max_length=255, unique=True, verbose_name="message id")),
                ("recipient", models.CharField(blank=True, max_length=254, verbose_name="recipient")),
                ("state", django_fsm.FSMField(choices=[("pending", "Queued"), ("sending", "Sending"), ("sent", "Sent"), ("failed", "Failed")], db_index=True, default="pending", max_length=50, protected=True, verbose_name="state")),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="created at")),
                ("next_attempt_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="next attempt at")),
                ("lease_until", models.DateTimeField(blank=True, null=True, verbose_name="claimed until")),
                ("attempts", models.PositiveIntegerField(default=0, verbose_name="attempts")),
                ("last_error", models.TextField(blank=True, verbose_name="last error")),
                ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="sent at")),
                ("requeued_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="queued again by")),
            ],
            options={
                "verbose_name": "outgoing e-mail",
                "verbose_name_plural": "outgoing e-mails",
                "ordering": ["-created_at", "-id"],
            },
            bases=(django_fsm.ConcurrentTransitionMixin, models.Model),
        ),

        migrations.AddIndex(
            model_name="outboxmessage",
            index=models.Index(fields=["state", "next_attempt_at"], name="orders_outb_state_f85927_idx"),
        ),
        migrations.AddField(
            model_name="sentdocument",
            name="outbox",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="document",
                to="orders.outboxmessage",
                verbose_name="e-mail",
            ),
        ),
        migrations.AddField(
            model_name="digest",
            name="outbox",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="digest",
                to="orders.outboxmessage",
                verbose_name="e-mail",
            ),
        ),
        migrations.RunPython(outbox_rows_for_what_exists, migrations.RunPython.noop),
    ]

"""The daily pass reads its candidates through indexes on the plans (moves_after, never
projected). A held, cancelled or settled order's plan keeps no moves_after (a transition back
into the lifecycle sets it again: orders.services.planning.plan_follows_stage), and a plan whose
"at risk" flag is off while its order is active and projected past the customer date (an order
resumed before this) is marked for the next daily pass."""

from datetime import date

from django.db import migrations, models
from django.db.models import F, Q

ACTIVE_STAGES = ["received", "in_review", "approved", "in_production", "inspection", "shipping"]


def mark(apps, schema_editor):
    OrderPlan = apps.get_model("orders", "OrderPlan")
    OrderPlan.objects.exclude(order__stage__in=ACTIVE_STAGES).update(moves_after=None)
    OrderPlan.objects.filter(
        order__stage__in=ACTIVE_STAGES,
        at_risk=False,
        projected_ex_factory_date__gt=F("order__customer_date"),
    ).update(moves_after=date(1970, 1, 1))


class Migration(migrations.Migration):
    dependencies = [
        ("orders", "0031_kpi_period_indexes"),
    ]

    operations = [
        migrations.RunPython(mark, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="orderplan",
            index=models.Index(fields=["moves_after"], name="plan_moves_after"),
        ),
        migrations.AddIndex(
            model_name="orderplan",
            index=models.Index(
                condition=Q(projected_on__isnull=True), fields=["order"], name="plan_not_projected"
            ),
        ),
    ]

"""OrderPlan.moves_after: the day after which the calendar can move a plan's projection, so the
daily pass reads only those plans. Filled here from each plan's open milestones as
orders.services.planning.moves_after works it out; an open milestone never projected counts as
moving at once (the next daily pass projects it and sets the exact date)."""

from datetime import date

from django.db import migrations, models
from django.db.models import Case, F, Min, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

FAR_PAST = date(1970, 1, 1)


def fill(apps, schema_editor):
    Milestone = apps.get_model("orders", "Milestone")
    OrderPlan = apps.get_model("orders", "OrderPlan")
    projected = Coalesce(F("projected_date"), Value(FAR_PAST, output_field=models.DateField()))
    earliest = (
        Milestone.objects.filter(
            order_id=OuterRef("order_id"), actual_date__isnull=True, planned_date__isnull=False
        )
        .order_by()
        .values("order_id")
        .annotate(
            day=Min(
                Case(
                    When(Q(is_ex_factory=True, planned_date__lt=projected), then=F("planned_date")),
                    default=projected,
                    output_field=models.DateField(),
                )
            )
        )
        .values("day")
    )
    OrderPlan.objects.update(moves_after=Subquery(earliest, output_field=models.DateField()))


class Migration(migrations.Migration):
    dependencies = [
        ("orders", "0029_direct_order_commodity_inspection_pmc_role"),
    ]

    operations = [
        migrations.AddField(
            model_name="orderplan",
            name="moves_after",
            field=models.DateField(blank=True, null=True, verbose_name="projection moves after"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]

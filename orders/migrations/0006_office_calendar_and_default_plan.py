from django.db import migrations

# The office's default time-and-action plan. Offsets count back from the ex-factory date
# unless said otherwise; R13 counts from the order date, R1 from the trim card's arrival.
# (code, anchor, anchor_action, offset, unit, owner, completed_by, critical, is_ex_factory)
DEFAULT_MILESTONES = [
    (
        "customer_reply",
        "order_date",
        "",
        2,
        "days",
        "merchandiser",
        "customer_reply_sent",
        False,
        False,
    ),
    (
        "lab_dips",
        "ex_factory",
        "",
        -55,
        "working_days",
        "merchandiser",
        "lab_dip_approved",
        True,
        False,
    ),
    (
        "fabric_in_house",
        "ex_factory",
        "",
        -40,
        "working_days",
        "merchandiser",
        "bulk_fabric_approved",
        True,
        False,
    ),
    (
        "trims_in_house",
        "ex_factory",
        "",
        -35,
        "working_days",
        "merchandiser",
        "trim_card_received",
        True,
        False,
    ),
    (
        "trim_card_check",
        "event",
        "trim_card_received",
        3,
        "working_days",
        "merchandiser",
        "trim_card_approved trim_card_returned",
        False,
        False,
    ),
    (
        "pp_sample",
        "ex_factory",
        "",
        -32,
        "working_days",
        "merchandiser",
        "sample_approved",
        True,
        False,
    ),
    (
        "cutting_start",
        "ex_factory",
        "",
        -28,
        "working_days",
        "merchandiser",
        "start_production",
        True,
        False,
    ),
    (
        "inline_inspection",
        "ex_factory",
        "",
        -14,
        "working_days",
        "qc",
        "inspection_recorded",
        True,
        False,
    ),
    (
        "book_final_inspection",
        "ex_factory",
        "",
        -7,
        "days",
        "qc",
        "inspection_booked",
        False,
        False,
    ),
    (
        "final_inspection",
        "ex_factory",
        "",
        -3,
        "working_days",
        "qc",
        "inspection_certificate_issued lg_shipment_approved",
        True,
        False,
    ),
    ("ex_factory", "ex_factory", "", 0, "days", "merchandiser", "ship", True, True),
    (
        "etd",
        "ex_factory",
        "",
        5,
        "days",
        "merchandiser",
        "export_document_recorded freight_booked",
        True,
        False,
    ),
]

STEPS = ["cutting", "sewing", "finishing", "packing"]

def forwards(apps, schema_editor):
    try:
        old = apps.get_model("suppliers", "Holiday")
    except LookupError:
        old = None
    Holiday = apps.get_model("orders", "Holiday")
    if old is not None:
        Holiday.objects.bulk_create(
            [Holiday(date=row.date, name=row.name) for row in old.objects.all()],
            ignore_conflicts=True,
        )
    Template = apps.get_model("orders", "PlanTemplate")
    Step = apps.get_model("orders", "MilestoneTemplate")
    template, created = Template.objects.get_or_create(
        is_default=True, defaults={"name": "Default (garments, FOB)"}
    )
    if created:
        for position, row in enumerate(DEFAULT_MILESTONES):
            code, anchor, anchor_action, offset, unit, owner, done_by, critical, ex_factory = row
            Step.objects.create(
                template=template,
                position=position * 10,
                code=code,
                anchor=anchor,
                anchor_action=anchor_action,
                offset=offset,
                unit=unit,
                owner_role=owner,
                completed_by=done_by,
                critical=critical,
                is_ex_factory=ex_factory,
            )
    ProcessStep = apps.get_model("orders", "ProcessStep")
    for position, code in enumerate(STEPS):
        ProcessStep.objects.get_or_create(code=code, defaults={"position": position * 10})


def backwards(apps, schema_editor):
    try:
        old = apps.get_model("suppliers", "Holiday")
    except LookupError:
        return
    Holiday = apps.get_model("orders", "Holiday")
    old.objects.bulk_create(
        [old(date=row.date, name=row.name) for row in Holiday.objects.all()],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("orders", "0005_planning"),
        ("suppliers", "0003_material_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

from django.db import migrations

# Inspection events now name their kind (shipping.choices.inspection_action), so the default
# plan's inline and final-booking milestones listen for the kind they stand for.
RENAMED = {
    ("inline_inspection", "inspection_recorded"): "inline_inspection_recorded",
    ("book_final_inspection", "inspection_booked"): "final_inspection_booked",
}


def rename(apps, schema_editor, forward=True):
    for model in ("MilestoneTemplate", "Milestone"):
        Model = apps.get_model("orders", model)
        for (code, old), new in RENAMED.items():
            before, after = (old, new) if forward else (new, old)
            Model.objects.filter(code=code, completed_by=before).update(completed_by=after)


def forwards(apps, schema_editor):
    rename(apps, schema_editor, forward=True)


def backwards(apps, schema_editor):
    rename(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [("orders", "0006_office_calendar_and_default_plan")]

    operations = [migrations.RunPython(forwards, backwards)]

from django.db import migrations


class Migration(migrations.Migration):
    """Holidays are the office calendar's (orders.Holiday): orders' 0006 copies the rows first."""

    dependencies = [
        ("suppliers", "0003_material_permissions"),
        ("orders", "0006_office_calendar_and_default_plan"),
    ]

    operations = [migrations.DeleteModel(name="Holiday")]

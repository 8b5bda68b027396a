from django.db import migrations

# The admin permissions this migration granted are in orders/role_table.py, applied after every
# migrate. What stays is the one policy row the general manager edits (R18).


def policy_row(apps, schema_editor):
    apps.get_model("quotations", "QuotationPolicy").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [
        ("quotations", "0001_initial"),
        ("orders", "0002_roles_and_thresholds"),
    ]

    operations = [migrations.RunPython(policy_row, migrations.RunPython.noop)]

from decimal import Decimal

from django.db import migrations

# The roles' groups and their permissions are applied after every migrate from
# orders/role_table.py (the one table of who may open what in the admin).

THRESHOLDS = {
    "USD": "100000", "EUR": "90000", "GBP": "80000",
    "HKD": "780000", "CNY": "700000", "JPY": "15000000",
}


def create_thresholds(apps, schema_editor):
    Threshold = apps.get_model("orders", "ApprovalThreshold")
    for currency, amount in THRESHOLDS.items():
        Threshold.objects.get_or_create(currency=currency, defaults={"amount": Decimal(amount)})


class Migration(migrations.Migration):
    dependencies = [
        ("orders", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_thresholds, migrations.RunPython.noop)]

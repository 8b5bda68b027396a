from django.db import migrations

# This migration granted the app's admin permissions; orders/role_table.py now holds every role's
# permissions and applies them after every migrate. Kept empty for the migrations that follow it.


class Migration(migrations.Migration):
    dependencies = [
        ("credit", "0001_initial"),
        ("orders", "0002_roles_and_thresholds"),
    ]

    operations = []

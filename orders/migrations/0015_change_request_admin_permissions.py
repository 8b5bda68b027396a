"""The approvers read change requests (R8) in the admin and sign them from its list."""

from django.db import migrations

# This migration granted the permissions; orders/role_table.py now holds every role's permissions
# and applies them after every migrate. Kept empty for the migrations that follow it.


class Migration(migrations.Migration):
    dependencies = [("orders", "0014_form_submissions")]

    operations = []

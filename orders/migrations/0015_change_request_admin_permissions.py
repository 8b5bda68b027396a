"""The approvers read change requests (R8) in the admin and sign them from its list."""

from django.db import migrations

CODENAMES = ["view_changerequest", "view_changeapproval"]
ROLES = ["department_manager", "general_manager", "administration"]


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("orders")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="orders", codename__in=CODENAMES
    )
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("orders", "0014_form_submissions")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

from django.db import migrations

# Managers approve complaint reports and returns in the admin too (the approval itself goes
# through the services, which check R16 / R17). The warehouse head's sign-off permission is not
# given to the warehouse group: an administrator gives it to the one head user.
MODELS = [
    "complaint", "complaintattachment", "factoryclaim", "returnapplication", "returnline",
    "returnsignoff", "unannouncedarrival",
]
ADMIN_PERMISSIONS = {
    "department_manager": [f"view_{model}" for model in MODELS]
    + ["change_complaint", "change_returnapplication"],
    "general_manager": [f"view_{model}" for model in MODELS]
    + ["change_complaint", "change_returnapplication"],
    "administration": [f"view_{model}" for model in MODELS],
    "finance": [f"view_{model}" for model in MODELS],
}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("complaints")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ADMIN_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="complaints", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0001_initial"),
        ("orders", "0002_roles_and_thresholds"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

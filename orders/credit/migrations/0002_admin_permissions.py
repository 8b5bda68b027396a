from django.db import migrations

# Managers, finance and administration read guarantees and exceptions in the admin; they are
# given and decided on the order page (R20).
MODELS = ["creditguarantee", "creditexception"]
ROLES = ["department_manager", "general_manager", "deputy_gm", "administration", "finance"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("credit")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"view_{model}" for model in MODELS]
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="credit", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("credit", "0001_initial"),
        ("orders", "0002_roles_and_thresholds"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

from django.db import migrations

# Managers read quotations in the admin; the general manager sets the special-price threshold
# (R18). Every state change goes through the services, never the admin.
MODELS = ["quotation", "costingline", "pricebreak", "quotationevent", "quotationpolicy"]
ADMIN_PERMISSIONS = {
    "department_manager": [f"view_{model}" for model in MODELS],
    "general_manager": [f"view_{model}" for model in MODELS] + ["change_quotationpolicy"],
    "deputy_gm": [f"view_{model}" for model in MODELS],
    "administration": [f"view_{model}" for model in MODELS],
    "finance": [f"view_{model}" for model in MODELS],
}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("quotations")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ADMIN_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="quotations", codename__in=codenames)
        )
    apps.get_model("quotations", "QuotationPolicy").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [
        ("quotations", "0001_initial"),
        ("orders", "0002_roles_and_thresholds"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

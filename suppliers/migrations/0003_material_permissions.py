from django.db import migrations

# Admin permissions for the materials screens: managers edit holidays and sign fabric bookings
# in the admin (the signature itself goes through the service, which checks the role).
MATERIAL_MODELS = [
    "supplier", "suppliercontact", "holiday", "fabricbooking", "labdip", "labdipsubmission",
    "bulkfabricsubmission", "labtest", "labtestitem", "seasontrim", "trim", "trimcard",
]
ADMIN_PERMISSIONS = {
    "department_manager": [f"{action}_{model}" for model in MATERIAL_MODELS
                           for action in ("view", "change", "add")]
    + ["view_factory", "change_factory", "add_factory", "delete_holiday"],
    "general_manager": [f"view_{model}" for model in MATERIAL_MODELS]
    + ["change_holiday", "add_holiday", "delete_holiday", "change_fabricbooking"],
    "administration": [f"view_{model}" for model in MATERIAL_MODELS]
    + ["change_holiday", "add_holiday", "delete_holiday"],
    "qc": ["view_trimcard", "view_labtest", "view_labtestitem"],
}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("suppliers")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ADMIN_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="suppliers", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("suppliers", "0002_materials"),
        ("orders", "0002_roles_and_thresholds"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

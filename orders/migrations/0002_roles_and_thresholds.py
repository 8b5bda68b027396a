from decimal import Decimal

from django.db import migrations

ROLES = [
    "merchandiser",
    "department_manager",
    "general_manager",
    "administration",
    "finance",
    "qc",
    "warehouse",
]

# Model permissions each role needs in the Django admin (the workflow itself is checked by roles).
ADMIN_PERMISSIONS = {
    "department_manager": [
        "view_order", "change_order", "view_orderline", "view_approval", "view_contractcheck",
        "view_paymentclearance", "view_orderevent", "view_customer", "change_customer",
        "add_customer", "view_customercontact", "add_customercontact", "change_customercontact",
        "view_approvalthreshold", "view_team",
    ],
    "general_manager": [
        "view_order", "change_order", "view_orderline", "view_approval", "view_contractcheck",
        "view_paymentclearance", "view_orderevent", "view_customer", "change_customer",
        "view_approvalthreshold", "change_approvalthreshold", "add_approvalthreshold", "view_team",
    ],
    "administration": [
        "view_order", "change_order", "view_orderline", "view_approval", "view_contractcheck",
        "view_paymentclearance", "view_orderevent", "view_customer",
    ],
    "finance": ["view_order", "change_order", "view_orderline", "view_paymentclearance"],
}

THRESHOLDS = {
    "USD": "100000", "EUR": "90000", "GBP": "80000",
    "HKD": "780000", "CNY": "700000", "JPY": "15000000",
}


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        codenames = ADMIN_PERMISSIONS.get(role, [])
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="orders", codename__in=codenames)
        )
    Threshold = apps.get_model("orders", "ApprovalThreshold")
    for currency, amount in THRESHOLDS.items():
        Threshold.objects.get_or_create(currency=currency, defaults={"amount": Decimal(amount)})


class Migration(migrations.Migration):
    dependencies = [
        ("orders", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]

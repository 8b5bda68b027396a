"""The one table of what each role may open and change in the Django admin.

The workflow itself is checked by role in the services (approving, signing, deciding); these model
permissions only open the admin pages the README's role table sends each role to. The table is
applied after every migrate (`apply_role_table`, connected in OrdersConfig.ready): each group then
holds exactly the permissions written here, so a grant added or removed here reaches every database.
Apps are named by their label only: orders imports none of the apps built on it.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS

from orders.roles import Role

VIEW = ("view",)
VIEW_CHANGE = ("view", "change")
VIEW_ADD_CHANGE = ("view", "add", "change")
EVERYTHING = ("view", "add", "change", "delete")


def grant(actions: tuple[str, ...], *models: str) -> tuple[str, ...]:
    return tuple(f"{action}_{model}" for model in models for action in actions)


ORDER_REVIEW = ("order", "orderline", "approval", "contractcheck", "paymentclearance", "orderevent")
# The approvers read change requests (R8) and sign them from the admin's list.
CHANGE_REQUESTS = ("changerequest", "changeapproval")
PLAN_SHOWN = ("orderplan", "milestone", "progressreport", "datechangerequest", "digest")
PLAN_SET_UP = ("plantemplate", "processstep")
MATERIALS = (
    "supplier", "suppliercontact", "fabricbooking", "labdip", "labdipsubmission",
    "bulkfabricsubmission", "labtest", "labtestitem", "seasontrim", "trim", "trimcard",
)  # fmt: skip
COMPLAINTS = (
    "complaint", "complaintattachment", "factoryclaim", "returnapplication", "returnline",
    "returnsignoff", "unannouncedarrival",
)  # fmt: skip
# Shipping is read in the admin; its writes (the L/G approval included) go through the services.
INSPECTIONS = (
    "inspectionbooking", "inspectionreport", "defectcount", "defect", "failureresolution",
    "guaranteeletter", "inspectioncertificate",
)  # fmt: skip
SHIPMENT = (
    "shippingmarks", "packinglist", "packinglistrow", "commercialinvoice", "freightbooking",
    "exportdocument", "dispatch", "dispatchline", "dispatchsteprecord",
)  # fmt: skip
MONEY = ("payment", "deduction")
# R34: invoice requests are read in the admin (raised and signed on the site); the general
# manager sets the approval levels.
INVOICE_REQUESTS = ("invoicerequest", "invoiceapproval")
INVOICE_LEVELS = ("invoiceapprovallevel",)
# R31: customer statements, read in the admin; drawn up, sent and resolved on the site.
# R31's invoice runs too; the general manager sets the invoicing schedule (the cut-offs).
STATEMENT_MODELS = (
    "statement", "statementbalance", "statementline", "statementrecord",
    "invoicerun", "invoicerunline", "invoicerunrecord", "invoicingpolicy",
)  # fmt: skip
STATEMENTS = {"statements": grant(VIEW, *STATEMENT_MODELS)}
# Quotations and credit (R18, R20): read in the admin, decided on the site.
QUOTATIONS = ("quotation", "costingline", "pricebreak", "quotationevent", "quotationpolicy")
CREDIT = ("creditguarantee", "creditexception")
COMMERCIAL = {"quotations": grant(VIEW, *QUOTATIONS), "credit": grant(VIEW, *CREDIT)}
# R13: the managers follow PMC's delivery-date replies (late ones escalate to them).
INTAKE = {"intake": grant(VIEW, "pmcreply")}

# Both managers: the order review, the plan's set-up, what the managers approve.
MANAGERS_ORDERS = (
    grant(VIEW, *ORDER_REVIEW, *CHANGE_REQUESTS, "customer", "approvalthreshold", "team")
    + grant(VIEW, "companyprofile")
    + ("change_order", "change_customer")
    + grant(EVERYTHING, "holiday", "milestonetemplate")
    + grant(VIEW_ADD_CHANGE, *PLAN_SET_UP)
    + grant(VIEW, *PLAN_SHOWN)
    # Outgoing e-mails: a manager sends a failed one again from the list.
    + grant(("view", "change"), "outboxmessage")
)
MANAGERS_COMPLAINTS = grant(VIEW, *COMPLAINTS) + ("change_complaint", "change_returnapplication")
MANAGERS_SHIPPING = grant(VIEW, *INSPECTIONS, *SHIPMENT, *MONEY, *INVOICE_REQUESTS)

# role -> app label -> permission codenames. Merchandisers, QC and the warehouse work in the site.
ROLE_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    Role.MERCHANDISER: {},
    Role.DEPARTMENT_MANAGER: {
        # The group head keeps the customers and factories and signs the materials.
        "orders": MANAGERS_ORDERS + grant(VIEW_ADD_CHANGE, "customercontact") + ("add_customer",),
        "suppliers": grant(VIEW_ADD_CHANGE, *MATERIALS, "factory"),
        "complaints": MANAGERS_COMPLAINTS,
        "shipping": MANAGERS_SHIPPING + grant(VIEW, *INVOICE_LEVELS),
        **COMMERCIAL,
        **STATEMENTS,
        **INTAKE,
    },
    Role.GENERAL_MANAGER: {
        # The GM edits the approval thresholds and keeps the letterhead.
        "orders": MANAGERS_ORDERS + grant(("add", "change"), "approvalthreshold", "companyprofile"),
        "suppliers": grant(VIEW, *MATERIALS) + ("change_fabricbooking",),
        "complaints": MANAGERS_COMPLAINTS,
        "shipping": MANAGERS_SHIPPING + grant(EVERYTHING, *INVOICE_LEVELS),
        # The GM sets the special-price threshold (R18).
        "quotations": grant(VIEW, *QUOTATIONS) + ("change_quotationpolicy",),
        "credit": grant(VIEW, *CREDIT),
        "statements": grant(VIEW, *STATEMENT_MODELS) + ("change_invoicingpolicy",),
        **INTAKE,
    },
    Role.DEPUTY_GENERAL_MANAGER: dict(COMMERCIAL),
    Role.ADMINISTRATION: {
        "orders": grant(VIEW, *ORDER_REVIEW, *CHANGE_REQUESTS, "customer")
        + ("change_order",)
        + grant(EVERYTHING, "holiday")
        + grant(VIEW_ADD_CHANGE, "companyprofile"),
        "suppliers": grant(VIEW, *MATERIALS),
        "complaints": grant(VIEW, *COMPLAINTS),
        "shipping": grant(VIEW, *SHIPMENT, *INVOICE_REQUESTS),
        **COMMERCIAL,
        **STATEMENTS,
    },
    Role.FINANCE: {
        "orders": grant(VIEW, "order", "orderline", "paymentclearance") + ("change_order",),
        "complaints": grant(VIEW, *COMPLAINTS),
        "shipping": grant(
            VIEW, *MONEY, *INVOICE_REQUESTS, "dispatch", "dispatchline", "commercialinvoice"
        ),
        **COMMERCIAL,
        **STATEMENTS,
    },
    Role.QC: {"suppliers": grant(VIEW, "trimcard", "labtest", "labtestitem")},
    Role.WAREHOUSE: {},
    # The planner / PMC replies delivery dates on the site (R13).
    Role.PMC: {},
}


def apply_role_table(*, using: str = DEFAULT_DB_ALIAS, apps=global_apps, **kwargs) -> None:
    """Make every role's group hold exactly its row of ROLE_PERMISSIONS (post_migrate receiver)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    labels = {label for row in ROLE_PERMISSIONS.values() for label in row}
    for label in sorted(labels):
        # The permissions of apps migrated after orders are created here, not in their own turn.
        create_permissions(global_apps.get_app_config(label), verbosity=0, using=using, apps=apps)
    for role, row in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.using(using).get_or_create(name=role)
        wanted = Permission.objects.using(using).none()
        for label, codenames in row.items():
            wanted |= Permission.objects.using(using).filter(
                content_type__app_label=label, codename__in=codenames
            )
        group.permissions.set(wanted)

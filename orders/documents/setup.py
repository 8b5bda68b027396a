"""What the forms machinery plugs in when the orders app is ready."""

from django.core import checks
from django.utils.translation import gettext_lazy as _

from orders import permissions
from orders.choices import Stage
from orders.documents import builtin_forms, file_sources
from orders.documents import checks as font_checks
from orders.documents.choices import DocumentAction
from orders.documents.order_file import order_file
from orders.documents.order_file_zip import zip_name
from orders.documents.selectors import documents_section
from orders.sections import register_section
from orders.timeline import register_action_labels


def documents_section_context(order, user) -> dict:
    return documents_section(order=order, user=user)


def order_file_section_context(order, user) -> dict:
    return {
        "groups": order_file(order),
        "zip_name": zip_name(order),
        "may_see_customer_file": permissions.can_see_customer_file(user),
    }


def ready() -> None:
    builtin_forms.register()
    file_sources.register()
    register_action_labels(dict(DocumentAction.choices))
    checks.register(font_checks.check_pdf_fonts)
    register_section(
        code="documents",
        title=_("Documents"),
        template="forms/includes/documents_section.html",
        context=documents_section_context,
        order=80,
        stages=[Stage.INSPECTION, Stage.SHIPPING],
    )
    register_section(
        code="file",
        title=_("Order file"),
        template="forms/includes/order_file_section.html",
        context=order_file_section_context,
        order=85,
    )

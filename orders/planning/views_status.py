"""The customer's read-only status page: opened from the progress report's mail through a
signed, expiring link, without an account; in the customer's language."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from django.views.decorators.cache import never_cache

from orders.documents.selectors import merchandiser_contact
from orders.models import CompanyProfile, Order
from orders.planning import customer_status as status


def _refuse(request, code: int, title, message, order=None):
    context = {"title": title, "message": message}
    if order is None:
        return render(request, "forms/public/link_problem.html", context, status=code)
    with override(order.customer.language):
        context |= _about(order)
        return render(request, "forms/public/link_problem.html", context, status=code)


def _about(order) -> dict:
    letterhead = CompanyProfile.current().for_language(order.customer.language)
    return {"company_name": letterhead.name, "contact": merchandiser_contact(order)}


def _order(pk) -> Order | None:
    return Order.objects.select_related("customer", "merchandiser__profile").filter(pk=pk).first()


@never_cache
def customer_status_page(request, token: str):
    try:
        order_id, po_number = status.read_token(token)
    except status.LinkExpired as expired:
        return _refuse(
            request,
            410,
            _("This link has expired"),
            _("Please ask your merchandiser for a new link."),
            order=_order(expired.order_id),
        )
    except status.LinkInvalid:
        return _refuse(
            request,
            400,
            _("This link is not valid"),
            _("The link is incomplete or was changed. Please open it again from the e-mail."),
        )
    order = _order(order_id)
    if order is None or order.po_number != po_number:
        return _refuse(
            request,
            404,
            _("Order not found"),
            _("This order is no longer available. Please contact your merchandiser."),
        )
    with override(order.customer.language):
        context = {**status.customer_status(order), **_about(order)}
        return render(request, "orders/planning/customer_status_page.html", context)

"""Every shipping URL passes the shared permission checks (tests.guards): anonymous users go to
the login page, another team's merchandiser gets 404 and nothing changes."""

import pytest
from django.urls import reverse

from orders.choices import Stage
from shipping import urls
from shipping.choices import DispatchStep, FailureDecision
from shipping.services import failure_decide, guarantee_letter_create
from shipping.services.dispatch import dispatch_create
from shipping.services.invoice_requests import invoice_request_raise
from tests.factories import make_team, make_user
from tests.guards import GuardedOrderView
from tests.shipping.conftest import at_stage, book_final, record

pytestmark = pytest.mark.django_db

# Lists over all orders (each filters by who sees what): only the login is checked here.
LIST_PAGES = ["aql", "collections", "tracking", "inspections", "invoice_requests"]


@pytest.fixture
def outsider(db):
    return make_user("merchandiser", team=make_team("Wovens"))


@pytest.fixture
def world(order, qc, department_manager, merchandiser):
    """One of each shipping object on the order: a failed report, its L/G letter, a dispatch."""
    report = record(book_final(order, qc), qc, major=9)
    failure_decide(
        report_id=report.pk,
        user=department_manager,
        decision=FailureDecision.SHIP_UNDER_LG,
        reason="Customer date",
    )
    letter = guarantee_letter_create(
        report_id=report.pk, user=merchandiser, factory_responsible="Li"
    )
    line = at_stage(order, Stage.SHIPPING).lines.get()
    dispatch = dispatch_create(
        order_id=order.pk,
        user=merchandiser,
        lines=[{"order_line_id": line.pk, "quantity": line.quantity, "cartons": 10}],
    )
    invoice_request = invoice_request_raise(order_id=order.pk, user=merchandiser)
    return {
        "booking": report.booking,
        "report": report,
        "letter": letter,
        "dispatch": dispatch,
        "invoice_request": invoice_request,
    }


class ShippingView(GuardedOrderView):
    namespace = "shipping"
    method = "post"
    on: str | None = None  # which object of `world` the pk names (None: the order)

    @pytest.fixture(autouse=True)
    def _world(self, world, order):
        self.world = world
        order.refresh_from_db()  # the objects' services moved the order's version on

    def target(self, order):
        return order if self.on is None else self.world[self.on]


class TestBook(ShippingView):
    url_name = "book"


class TestReport(ShippingView):
    url_name, method, on = "report", "get", "booking"


class TestDecide(ShippingView):
    url_name, on = "decide", "report"


class TestLetterCreate(ShippingView):
    url_name, on = "lg_create", "report"


class TestLetterSigned(ShippingView):
    url_name, on = "lg_signed", "letter"


class TestLetterApprove(ShippingView):
    url_name, on = "lg_approve", "letter"


class TestMarks(ShippingView):
    url_name = "marks"


class TestMarksConfirm(ShippingView):
    url_name = "marks_confirm"


class TestPacking(ShippingView):
    url_name = "packing"


class TestInvoice(ShippingView):
    url_name = "invoice"


class TestFreight(ShippingView):
    url_name = "freight"


class TestDocument(ShippingView):
    url_name = "document"


class TestPayment(ShippingView):
    url_name = "payment"


class TestDeduction(ShippingView):
    url_name = "deduction"


class TestDispatchCreate(ShippingView):
    url_name, method = "dispatch_create", "get"


class TestDispatchPrepare(ShippingView):
    url_name, method, on = "dispatch_prepare", "get", "dispatch"


class TestDispatchStep(ShippingView):
    url_name, on = "dispatch_step", "dispatch"
    extra_kwargs = {"step": DispatchStep.PRICES_APPROVED}


class TestInvoiceRequestRaise(ShippingView):
    url_name = "invoice_request"


class TestInvoiceRequestApprove(ShippingView):
    url_name, on = "invoice_request_approve", "invoice_request"


class TestInvoiceRequestRefuse(ShippingView):
    url_name, on = "invoice_request_refuse", "invoice_request"


@pytest.mark.parametrize("url_name", LIST_PAGES)
def test_lists_send_anonymous_users_to_login(client, url_name):
    response = client.get(reverse(f"shipping:{url_name}"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_every_shipping_url_is_guarded_here():
    guarded = {view.url_name for view in ShippingView.__subclasses__()}
    assert guarded | set(LIST_PAGES) == {pattern.name for pattern in urls.urlpatterns}

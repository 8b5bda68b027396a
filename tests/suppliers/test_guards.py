"""Every materials URL on an order passes the shared permission checks (tests.guards):
anonymous users go to the login page, another team's merchandiser gets 404 and nothing changes."""

from datetime import date

import pytest
from django.urls import reverse

from suppliers import services, urls
from suppliers.models import BulkFabricSubmission, LabTest, TrimCard
from tests.factories import make_team, make_user
from tests.guards import GuardedOrderView
from tests.suppliers.builders import make_booking, make_lab, make_trim

pytestmark = pytest.mark.django_db

# Pages over all orders and the parties' own pages: only the login is checked here.
PAGES = {"list": (), "trim_cards_waiting": (), "supplier_detail": (1,), "factory_detail": (1,)}


@pytest.fixture
def outsider(db):
    return make_user("merchandiser", team=make_team("Wovens"))


@pytest.fixture
def world(order, merchandiser):
    """One of each material of the order (the steps' own checks are not what is tested)."""
    booking = make_booking(order)
    today = date.today()
    return {
        "booking": booking,
        "trim": make_trim(order),
        "lab_dip": services.lab_dip_submit(
            order_id=order.pk, user=merchandiser, colourway="Navy", submitted_on=today
        ),
        "bulk": BulkFabricSubmission.objects.create(booking=booking, round=1, submitted_on=today),
        "lab_test": LabTest.objects.create(booking=booking, lab=make_lab(), sent_on=today),
        "trim_card": TrimCard.objects.create(
            order=order, round=1, received_on=today, review_deadline=today
        ),
    }


class MaterialsView(GuardedOrderView):
    namespace = "suppliers"
    method = "post"
    on: str | None = None  # which object of `world` the pk names (None: the order)

    @pytest.fixture(autouse=True)
    def _world(self, world, order):
        self.world = world
        order.refresh_from_db()  # the objects' services moved the order's version on

    def target(self, order):
        return order if self.on is None else self.world[self.on]


class TestFabricNew(MaterialsView):
    url_name = "fabric_new"


class TestLabDipNew(MaterialsView):
    url_name = "lab_dip_new"


class TestTrimNew(MaterialsView):
    url_name = "trim_new"


class TestTrimListSend(MaterialsView):
    url_name = "trim_list_send"


class TestTrimCardReceive(MaterialsView):
    url_name = "trim_card_receive"


class TestFabricEdit(MaterialsView):
    url_name, method, on = "fabric_edit", "get", "booking"


class TestFabricSign(MaterialsView):
    url_name, on = "fabric_sign", "booking"


class TestFabricSend(MaterialsView):
    url_name, on = "fabric_send", "booking"


class TestBulkNew(MaterialsView):
    url_name, on = "bulk_new", "booking"


class TestLabTestNew(MaterialsView):
    url_name, on = "lab_test_new", "booking"


class TestFabricProcurement(MaterialsView):
    url_name, on = "fabric_procurement", "booking"


class TestTrimPicture(MaterialsView):
    url_name, on = "trim_picture", "trim"


class TestTrimProcurement(MaterialsView):
    url_name, on = "trim_procurement", "trim"


class TestLabDipDecide(MaterialsView):
    url_name, on = "lab_dip_decide", "lab_dip"


class TestBulkDecide(MaterialsView):
    url_name, on = "bulk_decide", "bulk"


class TestLabResults(MaterialsView):
    url_name, method, on = "lab_results", "get", "lab_test"


class TestTrimCardReview(MaterialsView):
    url_name, on = "trim_card_review", "trim_card"


@pytest.mark.parametrize("url_name", sorted(PAGES))
def test_pages_send_anonymous_users_to_login(client, url_name):
    response = client.get(reverse(f"suppliers:{url_name}", args=PAGES[url_name]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_every_suppliers_url_is_guarded_here():
    guarded = {view.url_name for view in MaterialsView.__subclasses__()}
    assert guarded | set(PAGES) == {pattern.name for pattern in urls.urlpatterns}

"""Every complaints URL on an order passes the shared permission checks (tests.guards):
anonymous users go to the login page, another team's merchandiser gets 404 and nothing changes."""

import pytest
from django.urls import reverse

from complaints import urls
from tests.complaints.builders import apply_return, file_complaint
from tests.factories import make_team, make_user
from tests.guards import GuardedOrderView

pytestmark = pytest.mark.django_db

# Lists over all orders and a factory's page: only the login is checked here.
PAGES = {"open": (), "list": (), "returns": (), "factory": (1,)}


@pytest.fixture
def outsider(db):
    return make_user("merchandiser", team=make_team("Wovens"))


@pytest.fixture
def world(order):
    return {"complaint": file_complaint(order), "return": apply_return(order)}


class ComplaintsView(GuardedOrderView):
    namespace = "complaints"
    method = "post"
    on: str | None = "complaint"  # which object of `world` the pk names (None: the order)

    @pytest.fixture(autouse=True)
    def _world(self, world, order):
        self.world = world
        order.refresh_from_db()  # the objects' services moved the order's version on

    def target(self, order):
        return order if self.on is None else self.world[self.on]


class TestCreate(ComplaintsView):
    url_name, method, on, pk_name = "create", "get", None, "order_pk"


class TestDetail(ComplaintsView):
    url_name, method = "detail", "get"


class TestApprove(ComplaintsView):
    url_name = "approve"


class TestAnalyse(ComplaintsView):
    url_name = "analyse"


class TestReply(ComplaintsView):
    url_name = "reply"


class TestShipRemedy(ComplaintsView):
    url_name = "ship_remedy"


class TestClaim(ComplaintsView):
    url_name = "claim"


class TestAttach(ComplaintsView):
    url_name = "attach"


class TestReturnCreate(ComplaintsView):
    url_name, method, on, pk_name = "return_create", "get", None, "order_pk"


class TestArrival(ComplaintsView):
    url_name, on = "arrival", None


class TestReturnDetail(ComplaintsView):
    url_name, method, on = "return_detail", "get", "return"


class TestReturnApprove(ComplaintsView):
    url_name, on = "return_approve", "return"


class TestReturnRefuse(ComplaintsView):
    url_name, on = "return_refuse", "return"


class TestReturnNotify(ComplaintsView):
    url_name, on = "return_notify", "return"


class TestReturnReceive(ComplaintsView):
    url_name, on = "return_receive", "return"


class TestReturnSign(ComplaintsView):
    url_name, on = "return_sign", "return"


class TestReturnNote(ComplaintsView):
    url_name, on = "return_note", "return"


class TestReturnNoteSend(ComplaintsView):
    url_name, on = "return_note_send", "return"


@pytest.mark.parametrize("url_name", sorted(PAGES))
def test_pages_send_anonymous_users_to_login(client, url_name):
    response = client.get(reverse(f"complaints:{url_name}", args=PAGES[url_name]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_every_complaints_url_is_guarded_here():
    guarded = {view.url_name for view in ComplaintsView.__subclasses__()}
    assert guarded | set(PAGES) == {pattern.name for pattern in urls.urlpatterns}

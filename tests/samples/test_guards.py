"""Every samples URL passes the shared permission checks (tests.guards): anonymous users go to
the login page, another team's merchandiser gets 404 and nothing changes."""

import pytest

from samples import urls
from samples.services import comment_letter_create, sample_check_record
from tests.factories import make_sample, make_team, make_user
from tests.guards import GuardedOrderView

pytestmark = pytest.mark.django_db


@pytest.fixture
def outsider(db):
    return make_user("merchandiser", team=make_team("Wovens"))


@pytest.fixture
def world(order, merchandiser):
    sample = make_sample(order)
    sample_check_record(sample_id=sample.pk, user=merchandiser, measurements=[], discrepancies=[])
    return {
        "sample": sample,
        "letter": comment_letter_create(sample_id=sample.pk, user=merchandiser),
    }


class SamplesView(GuardedOrderView):
    namespace = "samples"
    method = "post"
    on: str | None = "sample"  # which object of `world` the pk names (None: the order)

    @pytest.fixture(autouse=True)
    def _world(self, world, order):
        self.world = world
        order.refresh_from_db()  # the objects' services moved the order's version on

    def target(self, order):
        return order if self.on is None else self.world[self.on]


class TestCreate(SamplesView):
    url_name, method, on, pk_name = "create", "get", None, "order_pk"


class TestDetail(SamplesView):
    url_name, method = "detail", "get"


class TestCheck(SamplesView):
    url_name, method = "check", "get"


class TestReceive(SamplesView):
    url_name = "receive"


class TestSend(SamplesView):
    url_name = "send"


class TestDecide(SamplesView):
    url_name = "decide"


class TestLetterCreate(SamplesView):
    url_name = "letter_create"


class TestLetterUpload(SamplesView):
    url_name = "letter_upload"


class TestLetterSign(SamplesView):
    url_name, on = "letter_sign", "letter"


class TestLetterSend(SamplesView):
    url_name, on = "letter_send", "letter"


def test_every_samples_url_is_guarded_here():
    guarded = {view.url_name for view in SamplesView.__subclasses__()}
    assert guarded == {pattern.name for pattern in urls.urlpatterns}

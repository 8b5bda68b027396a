"""The permission checks every view of one order, or of one of its objects, must pass (NetBox's
shared view-test mixins): anonymous users go to the login page, another team's merchandiser
gets 404 and nothing changes. Each app's tests declare one class per URL."""

from django.urls import reverse

from tests.factories import fresh


class GuardedOrderView:
    """Mixin for every view of one order (or of an object of it: `target`). The test module
    provides the `order` and `outsider` fixtures."""

    namespace = "orders"
    url_name: str
    method = "get"
    extra_kwargs: dict = {}
    pk_name = "pk"  # the URL's name for the target's id

    def target(self, order):
        """The object the URL's pk names: the order, or one of its objects."""
        return order

    def url(self, order) -> str:
        kwargs = {self.pk_name: self.target(order).pk, **self.extra_kwargs}
        return reverse(f"{self.namespace}:{self.url_name}", kwargs=kwargs)

    def request(self, client, order, data=None):
        return getattr(client, self.method)(self.url(order), data or {"version": order.version})

    def test_anonymous_user_is_sent_to_login(self, client, order):
        response = self.request(client, order)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))

    def test_other_teams_merchandiser_gets_404(self, client, order, outsider):
        client.force_login(outsider)
        version = order.version
        assert self.request(client, order).status_code == 404
        assert fresh(order).version == version

"""A logged-in user's session against the live server over real HTTP, for tests whose
requests must run at the same time in the server's own threads (and database connections)."""

import http.cookies
import urllib.error
import urllib.parse
import urllib.request

from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest
from django.test import Client


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class HttpSession:
    def __init__(self, live_server, user):
        client = Client()
        client.force_login(user)
        self.base = live_server.url
        self.opener = urllib.request.build_opener(_NoRedirect())
        self.csrf = "a" * 32  # a token of our own, sent as cookie and field like a browser does
        self.cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken={self.csrf}"

    def post(self, path: str, data: dict) -> tuple[int, list[str]]:
        """The status and the messages the response queued for the user."""
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.csrf}).encode()
        request = urllib.request.Request(
            self.base + path, data=body, method="POST", headers={"Cookie": self.cookie}
        )
        try:
            response = self.opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:  # the 302 (not followed) or a failure
            response = error
        status = response.status if hasattr(response, "status") else response.code
        return status, self._messages(response.headers.get_all("Set-Cookie") or [])

    def _messages(self, set_cookies: list[str]) -> list[str]:
        for header in set_cookies:
            cookie = http.cookies.SimpleCookie()
            cookie.load(header)
            if "messages" in cookie:
                stored = CookieStorage(HttpRequest())._decode(cookie["messages"].value)
                return [str(message) for message in stored or []]
        return []

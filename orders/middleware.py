from django.utils import translation

from orders.choices import Language
from orders.views.language import SESSION_LANGUAGE_KEY


class UserLanguageMiddleware:
    """A signed-in user reads the site in the language they picked with the switcher in this
    session, otherwise in the language saved on their profile."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = self._language_of(request)
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)

    @staticmethod
    def _language_of(request) -> str:
        user = getattr(request, "user", None)
        if not (user and user.is_authenticated):
            return ""

        picked = request.session.get(SESSION_LANGUAGE_KEY)
        if picked in Language.values:
            return picked
        profile = getattr(user, "profile", None)
        return profile.language if profile is not None else ""

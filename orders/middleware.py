from django.utils import translation


class UserLanguageMiddleware:
    """A signed-in user reads the site in the language saved on their profile, unless they
    just picked another one with the switcher (which also saves it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        profile = getattr(user, "profile", None) if user and user.is_authenticated else None
        if profile is not None and profile.language:
            translation.activate(profile.language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)

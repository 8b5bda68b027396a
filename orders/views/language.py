from django.views.i18n import set_language as django_set_language

from orders.choices import Language
from orders.models import Profile

# The language picked with the switcher for this session only (the profile keeps the saved one).
SESSION_LANGUAGE_KEY = "gendan_language"


def set_language(request):
    """Django's language switcher. The pick holds for this session; it becomes the user's
    saved language (every session, and the e-mails Gendan sends them) only when they tick
    "Make this my language"."""
    response = django_set_language(request)
    language = request.POST.get("language")
    user = request.user
    if request.method == "POST" and user.is_authenticated and language in Language.values:
        request.session[SESSION_LANGUAGE_KEY] = language
        if request.POST.get("save"):
            Profile.objects.update_or_create(user=user, defaults={"language": language})
    return response

from django.views.i18n import set_language as django_set_language

from orders.choices import Language


def set_language(request):
    """Django's language switcher, which also saves the choice on the user's profile."""
    response = django_set_language(request)
    language = request.POST.get("language")
    user = request.user
    if request.method == "POST" and user.is_authenticated and language in Language.values:
        from orders.models import Profile

        Profile.objects.update_or_create(user=user, defaults={"language": language})
    return response

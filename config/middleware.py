"""Response headers that Django's SecurityMiddleware and django-csp do not set."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Permissions-Policy on every response: the site uses no camera, microphone, location,
    payment or USB, so no page (nor anything injected into one) may ask for them."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

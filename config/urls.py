from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from orders.views.files import protected_file_view
from orders.views.language import set_language

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("documents/", include("orders.documents.urls")),
    path("shipping/", include("shipping.urls")),
    path("suppliers/", include("suppliers.urls")),
    path("samples/", include("samples.urls")),
    path("complaints/", include("complaints.urls")),
    path("quotations/", include("orders.quotations.urls")),
    path("credit/", include("orders.credit.urls")),
    path("statements/", include("shipping.statements.urls")),
    path("intake/", include("orders.intake.urls")),
    path("", include("orders.urls")),
]
# Uploaded files only through the view that checks who asks, with DEBUG on or off (never
# django.conf.urls.static): a web server in front must not serve MEDIA_ROOT itself either.
urlpatterns.insert(0, path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", protected_file_view))

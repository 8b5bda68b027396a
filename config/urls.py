from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

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
    path("quotations/", include("quotations.urls")),
    path("", include("orders.urls")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

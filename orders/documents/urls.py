from django.urls import path

from orders.documents import views, views_file, views_public
from orders.planning import views_status

app_name = "documents"

urlpatterns = [
    path("forms/<str:code>/<int:object_id>/", views.preview_html, name="preview"),
    path("forms/<str:code>/<int:object_id>/pdf/", views.preview_pdf, name="preview_pdf"),
    path("forms/<str:code>/<int:object_id>/send/", views.send, name="send"),
    path("sent/<int:pk>/pdf/", views.sent_pdf, name="sent_pdf"),
    path("sent/<int:pk>/signed-copy/", views.signed_copy, name="signed_copy"),
    path("sent/<int:pk>/resend/", views.resend, name="resend"),
    path("sent/<int:pk>/signed-copy/file/", views.record_signed_copy, name="record_signed_copy"),
    path("orders/<int:pk>/file/", views_file.order_file_view, name="order_file"),
    path("orders/<int:pk>/file.zip", views_file.order_file_zip_view, name="order_file_zip"),
    path("customers/<int:pk>/file/", views_file.customer_file_view, name="customer_file"),
    path("f/<str:token>/", views_public.factory_page, name="public"),
    path("f/<str:token>/pdf/", views_public.factory_pdf, name="public_pdf"),
    path("s/<str:token>/", views_status.customer_status_page, name="customer_status"),
]

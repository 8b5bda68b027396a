from django.urls import path

from orders.quotations import views

app_name = "quotations"

urlpatterns = [
    path("", views.QuotationListView.as_view(), name="list"),
    path("new/", views.quotation_create_view, name="create"),
    path("approvals/", views.approvals_view, name="approvals"),
    path("<int:pk>/", views.quotation_detail_view, name="detail"),
    path("<int:pk>/edit/", views.quotation_edit_view, name="edit"),
    path("<int:pk>/<slug:name>/", views.QuotationActionView.as_view(), name="action"),
]

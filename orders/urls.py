from django.urls import path

from orders.views import actions, detail, edit, lists

app_name = "orders"

urlpatterns = [
    path("", lists.home, name="home"),
    path("orders/", lists.OrderListView.as_view(), name="list"),
    path("orders/new/", edit.order_create_view, name="create"),
    path("orders/<int:pk>/", detail.order_detail_view, name="detail"),
    path("orders/<int:pk>/edit/", edit.order_edit_view, name="edit"),
    path("orders/<int:pk>/action/<str:name>/", actions.TransitionView.as_view(), name="action"),
    path(
        "orders/<int:pk>/contract-check/",
        actions.ContractCheckView.as_view(),
        name="contract_check",
    ),
    path("orders/<int:pk>/approve/", actions.ApprovalView.as_view(), name="approve"),
    path("orders/<int:pk>/clearance/", actions.ClearanceView.as_view(), name="clearance"),
]

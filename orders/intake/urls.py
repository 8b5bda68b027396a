from django.urls import path

from orders.intake import views

app_name = "intake"

urlpatterns = [
    path("orders/<int:pk>/ask-pmc/", views.AskPmcView.as_view(), name="ask_pmc"),
    path("pmc-replies/<int:pk>/reply/", views.PmcReplyView.as_view(), name="pmc_reply"),
    path(
        "orders/<int:pk>/po-countersigned/",
        views.PoCountersignatureView.as_view(),
        name="po_countersign",
    ),
    path(
        "orders/<int:pk>/commodity-inspection/",
        views.CommodityInspectionView.as_view(),
        name="commodity_inspection",
    ),
]

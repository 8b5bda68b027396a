from django.urls import path

from suppliers.views import materials as m
from suppliers.views import pages

app_name = "suppliers"

urlpatterns = [
    path("", pages.supplier_list_view, name="list"),
    path("<int:pk>/", pages.supplier_detail_view, name="supplier_detail"),
    path("factories/<int:pk>/", pages.factory_detail_view, name="factory_detail"),
    path("trim-cards/", pages.trim_cards_waiting_view, name="trim_cards_waiting"),
    # on an order
    path("orders/<int:pk>/fabric/new/", m.FabricBookingCreateView.as_view(), name="fabric_new"),
    path("orders/<int:pk>/lab-dips/new/", m.LabDipSubmitView.as_view(), name="lab_dip_new"),
    path("orders/<int:pk>/trims/new/", m.TrimCreateView.as_view(), name="trim_new"),
    path("orders/<int:pk>/trim-list/send/", m.TrimListSendView.as_view(), name="trim_list_send"),
    path(
        "orders/<int:pk>/trim-card/receive/",
        m.TrimCardReceiveView.as_view(),
        name="trim_card_receive",
    ),
    # on one material
    path("fabric/<int:pk>/edit/", m.FabricBookingEditView.as_view(), name="fabric_edit"),
    path("fabric/<int:pk>/sign/", m.FabricBookingSignView.as_view(), name="fabric_sign"),
    path("fabric/<int:pk>/send/", m.FabricBookingSendView.as_view(), name="fabric_send"),
    path("fabric/<int:pk>/bulk/new/", m.BulkSubmitView.as_view(), name="bulk_new"),
    path("fabric/<int:pk>/lab-test/new/", m.LabTestSendView.as_view(), name="lab_test_new"),
    path(
        "fabric/<int:pk>/procurement/",
        m.FabricProcurementView.as_view(),
        name="fabric_procurement",
    ),
    path("trims/<int:pk>/picture/", m.TrimPictureView.as_view(), name="trim_picture"),
    path("trims/<int:pk>/procurement/", m.TrimProcurementView.as_view(), name="trim_procurement"),
    path("lab-dips/<int:pk>/decide/", m.LabDipDecideView.as_view(), name="lab_dip_decide"),
    path("bulk/<int:pk>/decide/", m.BulkDecideView.as_view(), name="bulk_decide"),
    path("lab-tests/<int:pk>/results/", m.LabResultsView.as_view(), name="lab_results"),
    path("trim-cards/<int:pk>/review/", m.TrimCardReviewView.as_view(), name="trim_card_review"),
]

from django.urls import path

from shipping import views, views_dispatch, views_invoice_requests

app_name = "shipping"

urlpatterns = [
    path("aql/", views.aql_calculator_view, name="aql"),
    path("collections/", views.collections_view, name="collections"),
    path("tracking/", views.TrackingSheetView.as_view(), name="tracking"),
    path("inspections/", views.InspectionListView.as_view(), name="inspections"),
    path("orders/<int:pk>/book/", views.BookView.as_view(), name="book"),
    path("bookings/<int:pk>/report/", views.report_view, name="report"),
    path("reports/<int:pk>/decide/", views.DecideView.as_view(), name="decide"),
    path("reports/<int:pk>/lg/", views.LetterCreateView.as_view(), name="lg_create"),
    path("lg/<int:pk>/signed/", views.LetterSignedView.as_view(), name="lg_signed"),
    path("lg/<int:pk>/approve/", views.LetterApproveView.as_view(), name="lg_approve"),
    path("orders/<int:pk>/marks/", views.MarksView.as_view(), name="marks"),
    path("orders/<int:pk>/marks/confirm/", views.MarksConfirmView.as_view(), name="marks_confirm"),
    path("orders/<int:pk>/packing-list/", views.PackingView.as_view(), name="packing"),
    path("orders/<int:pk>/invoice/", views.InvoiceView.as_view(), name="invoice"),
    path(
        "orders/<int:pk>/invoice-request/",
        views_invoice_requests.InvoiceRequestRaiseView.as_view(),
        name="invoice_request",
    ),
    path(
        "invoice-requests/",
        views_invoice_requests.invoice_requests_view,
        name="invoice_requests",
    ),
    path(
        "invoice-requests/<int:pk>/approve/",
        views_invoice_requests.InvoiceRequestDecisionView.as_view(),
        {"decision": "approve"},
        name="invoice_request_approve",
    ),
    path(
        "invoice-requests/<int:pk>/refuse/",
        views_invoice_requests.InvoiceRequestDecisionView.as_view(),
        {"decision": "refuse"},
        name="invoice_request_refuse",
    ),
    path("orders/<int:pk>/freight/", views.FreightView.as_view(), name="freight"),
    path("orders/<int:pk>/documents/", views.DocumentView.as_view(), name="document"),
    path("orders/<int:pk>/payments/", views.PaymentView.as_view(), name="payment"),
    path("orders/<int:pk>/deductions/", views.DeductionView.as_view(), name="deduction"),
    path(
        "orders/<int:pk>/dispatch/",
        views_dispatch.dispatch_slip_view,
        name="dispatch_create",
    ),
    path(
        "dispatches/<int:pk>/prepared/",
        views_dispatch.dispatch_prepare_view,
        name="dispatch_prepare",
    ),
    path(
        "dispatches/<int:pk>/<str:step>/",
        views_dispatch.DispatchStepView.as_view(),
        name="dispatch_step",
    ),
]

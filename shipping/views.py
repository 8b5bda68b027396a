"""Screens of the shipping app. Views parse input and call a service; refusals become messages."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from orders import selectors as order_selectors
from orders.exports.writers import FORMATS, export_response
from orders.models import Customer
from orders.paging import ReversingPaginator
from orders.services.submissions import submitted_once
from orders.views.generic import ObjectListView, OrderAction, ServiceActionView
from orders.visibility import visible
from shipping import forms, permissions, selectors, services
from shipping.aql import AQLError, aql_error_message
from shipping.choices import AGEING_BUCKETS, DefectClass
from shipping.exports import CollectionsTable, InspectionsTable, TrackingTable
from shipping.models import GuaranteeLetter, InspectionBooking, InspectionReport
from shipping.report_page import ReportPage


class BookView(OrderAction):
    form_class = forms.BookingForm

    def perform(self, request, order, form, **kwargs) -> str:
        services.inspection_book(order_id=order.pk, user=request.user, **form.cleaned_data)
        return _("Inspection booked.")


class DecideView(ServiceActionView):
    form_class = forms.DecisionForm

    def get_object(self, request, pk):
        reports = InspectionReport.objects.select_related("booking")
        return visible(reports, request.user, pk, via="booking__order")

    def perform(self, request, report, form, **kwargs) -> str:
        services.failure_decide(report_id=report.pk, user=request.user, **form.cleaned_data)
        return _("Decision recorded.")


class LetterCreateView(DecideView):
    form_class = forms.LetterForm

    def perform(self, request, report, form, **kwargs) -> str:
        services.guarantee_letter_create(
            report_id=report.pk, user=request.user, **form.cleaned_data
        )
        return _("L/G letter drawn up; send it to the factory to sign.")


class LetterAction(ServiceActionView):
    def get_object(self, request, pk):
        return visible(GuaranteeLetter, request.user, pk)


class LetterSignedView(LetterAction):
    form_class = forms.SignedScanForm

    def perform(self, request, letter, form, **kwargs) -> str:
        services.guarantee_letter_record_signature(
            letter_id=letter.pk, user=request.user, **form.cleaned_data
        )
        return _("Signed L/G letter recorded.")


class LetterApproveView(LetterAction):
    form_class = forms.CommentForm

    def perform(self, request, letter, form, **kwargs) -> str:
        services.guarantee_letter_approve(
            letter_id=letter.pk, user=request.user, comment=form.cleaned_data["comment"]
        )
        return _("Shipment under L/G approved.")


def _simple(form_class, service, message):
    class View(OrderAction):
        def perform(self, request, order, form, **kwargs) -> str:
            service(order_id=order.pk, user=request.user, **form.cleaned_data)
            return message

    View.form_class = form_class
    return View


MarksView = _simple(forms.MarksForm, services.shipping_marks_save, _("Shipping marks saved."))
MarksConfirmView = _simple(
    forms.MarksConfirmForm, services.shipping_marks_confirm, _("Confirmation recorded.")
)
PackingView = _simple(
    forms.PackingForm, services.packing_list_generate, _("Packing list generated.")
)
InvoiceView = _simple(
    forms.InvoiceForm, services.commercial_invoice_issue, _("Commercial invoice issued.")
)
FreightView = _simple(forms.FreightForm, services.freight_book, _("Freight booked."))
DocumentView = _simple(
    forms.ExportDocumentForm, services.export_document_record, _("Document recorded.")
)
PaymentView = _simple(forms.PaymentForm, services.payment_record, _("Payment recorded."))
DeductionView = _simple(forms.DeductionForm, services.deduction_record, _("Deduction recorded."))


@login_required
def report_view(request: HttpRequest, pk: int) -> HttpResponse:
    """QC's inspection report, with the AQL numbers of each class shown while entering."""
    booking = visible(InspectionBooking, request.user, pk)
    order = order_selectors.order_detail(request.user, booking.order_id)
    if not permissions.can_record_inspection(order, request.user):
        raise PermissionDenied
    page = ReportPage(request, booking, order)
    if request.method == "POST" and page.is_valid():
        try:
            with submitted_once(request, page.form):
                services.inspection_report_record(
                    booking_id=booking.pk, user=request.user, **page.service_arguments()
                )
        except services.inspections.ActionRefused as refused:
            page.form.add_error(None, str(refused))
        else:
            return redirect(order)
    plans = [(DefectClass(value).label, plan) for value, plan in booking.plans().items()]
    context = {"booking": booking, "order": order, "page": page, "form": page.form, "plans": plans}
    return render(request, "shipping/report_form.html", context)


@login_required
def aql_calculator_view(request: HttpRequest) -> HttpResponse:
    form = forms.AQLCalculatorForm(request.GET or None, initial={"level": "II", "aql": "2.5"})
    plan = None
    if form.is_valid():
        try:
            plan = form.plan()
        except AQLError as error:
            form.add_error(None, aql_error_message(error))
    return render(request, "shipping/aql_calculator.html", {"form": form, "plan": plan})


@login_required
def collections_view(request: HttpRequest) -> HttpResponse:
    """R21: what customers owe per currency, aged; filtered by customer, currency and ageing
    bucket (kept in the URL, and the export lists the same orders)."""
    if not permissions.can_see_collections(request.user):
        raise PermissionDenied

    table = CollectionsTable(request.user, request.GET)
    export = request.GET.get("export")
    if export:
        if export not in FORMATS:
            raise Http404
        return export_response(table, export)
    orders = table.filterset.qs
    figures = selectors.collection_figures(orders)  # read once for the rows and the totals
    rows = Paginator(selectors.collection_sums(figures), 50).get_page(request.GET.get("rows"))
    context = {
        "filter": table.filterset,
        "rows_page": rows,
        "rows": selectors.collection_rows(rows.object_list),
        "totals": selectors.currency_totals(figures),
        "buckets": [label for label, _low, _high in AGEING_BUCKETS],
        **_customer_orders(request, orders),
    }
    return render(request, "shipping/collections.html", context)


def _customer_orders(request: HttpRequest, orders) -> dict:
    """The orders behind one row of the collections (?customer=&currency=), a page at a time."""

    customer = Customer.objects.filter(pk=request.GET.get("customer") or None).first()
    currency = request.GET.get("currency", "")
    if customer is None or not currency:
        return {}
    chosen = orders.filter(customer=customer, currency=currency)
    paginator = ReversingPaginator(selectors.customer_balances(chosen), 25)
    page = paginator.get_page(request.GET.get("page"))
    return {
        "customer": customer,
        "currency": currency,
        "page_obj": page,
        "balances": selectors.balances(list(page.object_list)),
    }


class TrackingSheetView(ObjectListView):
    """R27 across the orders the user sees, with the order list's filters."""

    table_class = TrackingTable


class InspectionListView(ObjectListView):
    table_class = InspectionsTable

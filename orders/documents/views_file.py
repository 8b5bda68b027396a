"""R9 screens: the order's file (filterable, downloadable as <P/O>.zip) and the customer's
master file."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from orders import permissions, selectors
from orders.choices import CustomerDocumentKind
from orders.documents.customer_files import customer_document_add, customer_documents
from orders.documents.order_file import file_sources, order_file
from orders.documents.order_file_zip import build_zip, zip_name
from orders.forms import FreeText
from orders.models import Customer
from orders.services.common import ActionRefused
from orders.views.generic import refusal_message
from orders.widgets import DateInput


def _order(request, pk: int):
    return selectors.order_detail(request.user, pk)


@login_required
def order_file_view(request, pk: int):
    order = _order(request, pk)
    kinds = {source.kind: source.label for source in file_sources()}
    kind = request.GET.get("kind") or None
    if kind is not None and kind not in kinds:
        raise Http404(_("No such kind of document."))
    groups = order_file(order, kind=kind)
    context = {
        "order": order,
        "groups": [group for group in groups if group.entries or kind],
        "kinds": kinds.items(),
        "kind": kind,
        "zip_name": zip_name(order),
        "may_see_customer_file": permissions.can_see_customer_file(request.user),
    }
    return render(request, "forms/order_file.html", context)


@login_required
def order_file_zip_view(request, pk: int):
    order = _order(request, pk)
    return FileResponse(build_zip(order), as_attachment=True, filename=zip_name(order))


class CustomerDocumentForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=CustomerDocumentKind.choices)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    file = forms.FileField(label=gettext_lazy("File (PDF, picture, Excel or Word)"))
    valid_from = forms.DateField(label=gettext_lazy("Valid from"), required=False, widget=DateInput)
    note = FreeText(
        label=gettext_lazy("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


@login_required
def customer_file_view(request, pk: int):
    if not permissions.can_see_customer_file(request.user):
        raise PermissionDenied
    customer = get_object_or_404(Customer, pk=pk)
    may_keep = permissions.can_keep_customer_file(request.user)
    form = CustomerDocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not may_keep:
            raise PermissionDenied
        if form.is_valid():
            try:
                customer_document_add(
                    customer_id=customer.pk, user=request.user, **form.cleaned_data
                )
            except ActionRefused as refused:
                messages.error(request, refusal_message(refused))
            else:
                messages.success(request, _("Filed in the customer's master file."))
                return redirect("documents:customer_file", pk=customer.pk)
    context = {
        "customer": customer,
        "documents": customer_documents(customer=customer),
        "form": form if may_keep else None,
        "orders": selectors.visible_orders(request.user).filter(customer=customer)[:50],
    }
    return render(request, "forms/customer_file.html", context, status=400 if form.errors else 200)

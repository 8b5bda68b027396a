"""Open complaints and their age: the merchandiser's team's, and one factory's."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from complaints import selectors
from complaints.exports import ComplaintsTable, ReturnsTable
from orders.views.generic import ObjectListView
from suppliers.models import Factory


@login_required
def open_complaints_view(request: HttpRequest) -> HttpResponse:
    complaints = list(selectors.open_complaints(request.user))
    context = {
        "complaints": complaints,
        "summary": selectors.age_summary(complaints),
        "factory": None,
    }
    return render(request, "complaints/open_complaints.html", context)


@login_required
def factory_complaints_view(request: HttpRequest, pk: int) -> HttpResponse:
    factory = get_object_or_404(Factory, pk=pk)
    complaints = list(selectors.open_complaints(request.user, factory_id=factory.pk))
    context = {
        "complaints": complaints,
        "summary": selectors.age_summary(complaints),
        "factory": factory,
    }
    return render(request, "complaints/open_complaints.html", context)


class ComplaintListView(ObjectListView):
    """Every complaint the user sees, open or closed, filtered; and its export."""

    table_class = ComplaintsTable


class ReturnListView(ObjectListView):
    table_class = ReturnsTable

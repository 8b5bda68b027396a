"""The managers' KPIs page: every registered KPI as a chart, the numbers behind it, an export."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from orders.exports.writers import FORMATS, export_response
from orders.kpis import KpiExport, kpi, kpis, period, periods
from orders.roles import SEES_ALL_ORDERS, has_role


@login_required
def kpis_view(request: HttpRequest) -> HttpResponse:
    if not has_role(request.user, *SEES_ALL_ORDERS):
        raise PermissionDenied
    # The last 12 months unless another period is chosen: each KPI reads its rows of that time.
    chosen = period(request.GET.get("period"))
    export = request.GET.get("export")
    if export:
        wanted = kpi(request.GET.get("kpi", ""))
        if wanted is None or export not in FORMATS:
            raise Http404
        table = wanted.compute(chosen.since)
        return export_response(KpiExport(request.user, wanted, table, chosen), export)
    figures = [(each, each.compute(chosen.since)) for each in kpis()]
    context = {"figures": figures, "period": chosen, "periods": periods()}
    return render(request, "orders/kpis.html", context)

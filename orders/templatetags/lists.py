"""The parts every list page shares: sortable column headings and the user's saved views."""

from django import template

from orders import list_columns
from orders.exports.tables import SORT_PARAM, Column
from orders.models import SavedView
from orders.services.saved_views import saved_view_query

register = template.Library()


@register.inclusion_tag("orders/exports/sort_header.html", takes_context=True)
def sort_header(context, table, column, label=None):
    """A column heading; for a sortable column, a link that sorts by it (again: the other way).

    `column` is a Column of the table or the sort key of one (for pages that lay out their own
    columns)."""
    if not isinstance(column, Column):
        column = next(c for c in table.header if c.sort == column)
    request = context["request"]
    current = table.sort
    direction = None
    href = None
    if column.sort:
        ascending_now = current == (column.sort, False)
        if current and current[0] == column.sort:
            direction = "descending" if current[1] else "ascending"
        params = request.GET.copy()
        params.pop("page", None)
        params.pop("export", None)
        params[SORT_PARAM] = f"-{column.sort}" if ascending_now else column.sort
        href = f"?{params.urlencode()}"
    return {"column": column, "label": label or column.label, "href": href, "direction": direction}


@register.inclusion_tag("orders/exports/saved_views.html", takes_context=True)
def saved_views(context):
    request = context["request"]
    views = SavedView.objects.filter(user=request.user, path=request.path)
    current = saved_view_query(request.GET)
    return {
        "views": [(view, view.query == current) for view in views],
        "path": request.path,
        "query": current,
        "request": request,
    }


@register.filter
def next_milestone(order) -> str:
    return list_columns.next_milestone_label(order)


@register.filter
def next_milestone_due(order):
    return list_columns.next_milestone_date(order)


@register.filter
def waiting_for_whom(order) -> str:
    return list_columns.waiting_for_whom(order)

"""Paging long lists whose cost is the rows skipped, not the rows shown."""

from django.core.paginator import Paginator


class ReversingPaginator(Paginator):
    """A Paginator that reads the pages of the second half from the other end: the last page
    of 100,000 orders is the first 25 in the reversed order, not 99,975 rows skipped. The
    rows and their order on the page are the same; it needs an ordering that ends in a unique
    field (the lists end theirs with the id), or the reversed one could tie differently."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        queryset = self.object_list
        if bottom * 2 <= self.count or not ends_in_unique_key(queryset):
            return super().page(number)
        rows = list(queryset.reverse()[self.count - top : self.count - bottom])
        rows.reverse()
        return self._get_page(rows, number, self)


def ends_in_unique_key(queryset) -> bool:
    """The ordering ends in the primary key, so that reversed it lists the same rows backwards."""
    query = getattr(queryset, "query", None)
    if query is None:
        return False
    ordering = query.order_by or (query.default_ordering and query.get_meta().ordering) or []
    last = str(ordering[-1]).lstrip("-") if ordering else ""
    return last in ("id", "pk", query.get_meta().pk.name)

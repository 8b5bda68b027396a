from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import gettext_lazy as _

from orders.admin.display import annotate_review_state, stage_badge, waiting_for
from orders.admin.planning import AtRiskFilter
from orders.admin.workflow import OrderWorkflowMixin
from orders.models import Approval, Customer, Order, OrderEvent, OrderLine, PaymentClearance
from orders.paging import ReversingPaginator
from orders.selectors import order_list
from orders.sizes import format_breakdown
from orders.timeline import action_label


class ReadOnlyInline(admin.TabularInline):
    """The order's records are written by the services only; the admin shows them."""

    extra = 0
    can_delete = False
    show_change_link = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class OrderLineInline(ReadOnlyInline):
    model = OrderLine
    fields = ["colour", "size_breakdown_display", "quantity", "unit_price"]

    @admin.display(description=_("size breakdown"))
    def size_breakdown_display(self, line: OrderLine) -> str:
        return format_breakdown(line.size_breakdown, separator=": ")


class ApprovalInline(ReadOnlyInline):
    model = Approval
    fields = ["review_round", "step", "decision", "user", "at", "comment"]
    verbose_name_plural = _("approvals (R10)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")


class PaymentClearanceInline(ReadOnlyInline):
    model = PaymentClearance
    fields = ["kind", "user", "at", "reference", "reason", "amount", "void_at", "void_reason"]
    verbose_name_plural = _("payment clearances (R11)")

    def get_queryset(self, request):
        # Void ones too: a clearance a change outgrew (R8) stays on record.
        return PaymentClearance.with_void.select_related("user")


class OrderEventInline(ReadOnlyInline):
    model = OrderEvent
    fields = ["at", "actor", "kind", "action_display", "from_stage", "to_stage", "text_display"]
    verbose_name_plural = _("timeline")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")

    @admin.display(description=_("action"))
    def action_display(self, event: OrderEvent):
        return action_label(event.action, event.kind)

    @admin.display(description=_("comment"))
    def text_display(self, event: OrderEvent) -> str:
        return event.text


class MerchandiserFilter(admin.RelatedOnlyFieldListFilter):
    """The merchandisers of the orders listed, as RelatedOnlyFieldListFilter, asked per person
    (an index probe each) instead of reading the merchandiser of every order."""

    def field_choices(self, field, request, model_admin):
        orders = model_admin.get_queryset(request).filter(merchandiser=OuterRef("pk"))
        return field.get_choices(
            include_blank=False,
            limit_choices_to=Q(Exists(orders)),
            ordering=self.field_admin_ordering(field, request, model_admin),
        )


@admin.register(Order)
class OrderAdmin(OrderWorkflowMixin, admin.ModelAdmin):
    list_display = [
        "po_number",
        "style_no",
        "customer",
        "factory",
        "merchandiser",
        "total_amount_display",
        "ex_factory_date_display",
        "customer_date",
        "stage_display",
        "at_risk_display",
        "waiting_for_display",
    ]
    list_display_links = ["po_number", "style_no"]
    list_select_related = ["customer", "factory", "merchandiser"]
    # "12 results (100,000 total)" counted every order again on each search or filter.
    show_full_result_count = False
    paginator = ReversingPaginator
    list_filter = [
        "stage",
        "customer",
        "factory",
        "team",
        ("merchandiser", MerchandiserFilter),
        "payment_terms",
        "ex_factory_date",
        AtRiskFilter,
    ]
    search_fields = ["po_number", "style_no", "customer__name"]
    search_help_text = _("P/O no., style no. or customer name")
    actions = ["approve_selected", "reject_selected"]
    inlines = [OrderLineInline, ApprovalInline, PaymentClearanceInline, OrderEventInline]
    change_form_template = "admin/orders/order/change_form.html"
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("customer", "po_number"),
                    ("style_no", "season"),
                    "description",
                    ("stage_display", "waiting_for_display"),
                    ("merchandiser", "team"),
                    "factory",
                ]
            },
        ),
        (
            _("Terms"),
            {
                "fields": [
                    ("currency", "incoterm", "total_amount_display"),
                    ("payment_terms", "deposit_percent", "commission"),
                ]
            },
        ),
        (
            _("Dates"),
            {"fields": [("order_date", "ex_factory_date", "customer_date")]},
        ),
        (
            _("Review and hold"),
            {
                "fields": [("review_round", "held_from"), "cancel_reason"],
                "classes": ["collapse"],
            },
        ),
    ]
    readonly_fields = ["stage_display", "waiting_for_display", "total_amount_display"]

    def get_search_results(self, request, queryset, search_term):
        """search_fields' search (each word in the P/O no., the style no. or the customer's
        name), with the customers whose name matches read first: an OR over the joined
        customer's name made PostgreSQL read every order; over customer ids it is an OR of
        index scans (the P/O and style numbers' trigram indexes, migration 0030)."""
        terms = []
        for word in smart_split(search_term):
            if word.startswith(('"', "'")) and word[0] == word[-1]:
                word = unescape_string_literal(word)
            customers = Customer.objects.filter(name__icontains=word).values_list("pk", flat=True)
            terms.append(
                Q(po_number__icontains=word)
                | Q(style_no__icontains=word)
                | Q(customer__in=list(customers))
            )
        return queryset.filter(*terms), False

    def get_queryset(self, request):
        return annotate_review_state(order_list(request.user)).prefetch_related(
            Prefetch("clearances", queryset=PaymentClearance.objects.only("order_id", "kind"))
        )

    # The stage is django-fsm's protected field and every other field belongs to the order's
    # services (they keep the version, the timeline and the rules): the admin only shows orders.
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is not None:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        order = self.get_object(request, unquote(object_id))
        extra_context = dict(extra_context or {})
        if order is not None and self.has_view_permission(request, order):
            extra_context.update(self.workflow_context(request, order))
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("stage"), ordering="stage")
    def stage_display(self, order: Order) -> str:
        return stage_badge(order.stage)

    @admin.display(description=_("at risk"), boolean=True, ordering="at_risk")
    def at_risk_display(self, order: Order) -> bool:
        return bool(getattr(order, "at_risk", False))

    @admin.display(description=_("waiting for"))
    def waiting_for_display(self, order: Order):
        return waiting_for(order) or "–"

    @admin.display(description=_("total amount"), ordering="annotated_amount")
    def total_amount_display(self, order: Order) -> str:
        return str(order.total_amount)

    @admin.display(description=_("ex-factory date"), ordering="ex_factory_date")
    def ex_factory_date_display(self, order: Order):
        if order.is_late:
            return format_html(
                '<span style="color:#dc3545;font-weight:bold" title="{}">{}</span>',
                _("late"),
                localize(order.ex_factory_date),
            )
        return order.ex_factory_date

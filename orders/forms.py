"""Forms of the merchandiser's screens. They parse and validate input; the services decide."""

import re
import uuid
from datetime import timedelta
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from orders import form_fields
from orders.choices import Clearance, Decision
from orders.form_ids import OwnIds
from orders.models import Order
from orders.models.review import CONTRACT_CHECK_ITEMS
from orders.sizes import format_breakdown
from orders.uploads import UploadValidator
from orders.widgets import DateInput

# A size breakdown is typed as "S:100, M:200, L:150"; Chinese punctuation is accepted too.
SIZE_SEPARATORS = re.compile(r"[,，;；\n]+")
SIZE_PAIR = re.compile(r"^\s*(?P<size>[^:：=]+?)\s*[:：=]\s*(?P<quantity>-?\d+)\s*$")


def parse_size_breakdown(text: str) -> dict[str, int]:
    """Turn "S:100, M:200" into {"S": 100, "M": 200}, keeping the order typed."""
    sizes: dict[str, int] = {}
    errors = []
    for part in SIZE_SEPARATORS.split(text or ""):
        if not part.strip():
            continue
        match = SIZE_PAIR.match(part)
        if not match:
            errors.append(
                _("“%(part)s” is not a size and a quantity, e.g. S:100.") % {"part": part.strip()}
            )
            continue
        size, quantity = match["size"], int(match["quantity"])
        if quantity <= 0:
            errors.append(_("Size %(size)s: the quantity must be above 0.") % {"size": size})
        elif size in sizes:
            errors.append(_("Size %(size)s is given twice.") % {"size": size})
        else:
            sizes[size] = quantity
    if errors:
        raise ValidationError(errors)
    return sizes


def format_size_breakdown(sizes: dict | None) -> str:
    return format_breakdown(sizes)


class FreeText(forms.CharField):
    """Free text typed into a box (comments, reasons, remarks), kept to a length that still
    prints on a form and reads on a page: GENDAN_FREE_TEXT_MAX_CHARS."""

    widget = forms.Textarea

    def __init__(self, *args, **kwargs):
        if kwargs.get("max_length") is None:  # a model's TextField passes None
            kwargs["max_length"] = settings.GENDAN_FREE_TEXT_MAX_CHARS
        super().__init__(*args, **kwargs)


class OrderForm(forms.ModelForm):
    """The order's header. `version` comes back from the page so a concurrent edit is refused."""

    version = form_fields.IntegerField(widget=forms.HiddenInput, required=False)
    for_the_record = forms.BooleanField(
        label=_("An old order, entered for the record"),
        help_text=_(
            "Its dates may be in the past; it gets no plan and no reminders. Managers only."
        ),
        required=False,
    )

    class Meta:
        model = Order
        fields = [
            "customer",
            "po_number",
            "style_no",
            "description",
            "season",
            "fabric",
            "composition",
            "finishing",
            "packing",
            "currency",
            "incoterm",
            "payment_terms",
            "deposit_percent",
            "commission",
            "direct_order",
            "commodity_inspection",
            "order_date",
            "customer_date",
            "ex_factory_date",
            "factory",
        ]
        field_classes = {"fabric": FreeText, "finishing": FreeText, "packing": FreeText}
        widgets = {
            "fabric": forms.Textarea(attrs={"rows": 2}),
            "finishing": forms.Textarea(attrs={"rows": 2}),
            "packing": forms.Textarea(attrs={"rows": 2}),
            "order_date": DateInput(),
            "customer_date": DateInput(),
            "ex_factory_date": DateInput(),
        }

    def __init__(self, *args, may_enter_for_the_record: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        if self.instance.pk or not may_enter_for_the_record:
            del self.fields["for_the_record"]

    # A date further ahead is a typo (9999 for 2027): the plan counts working days around the
    # order's dates and would run off the calendar (an OverflowError, a 500 or a stuck import).
    FARTHEST_YEARS = 10

    def clean(self):
        cleaned = super().clean()
        farthest = timezone.localdate() + timedelta(days=366 * self.FARTHEST_YEARS)
        for name in ("order_date", "customer_date", "ex_factory_date"):
            value = cleaned.get(name)
            if value and value > farthest:
                self.add_error(
                    name,
                    _("%(date)s is more than %(years)s years ahead: please check the year.")
                    % {"date": date_format(value), "years": self.FARTHEST_YEARS},
                )
        customer, po_number = cleaned.get("customer"), cleaned.get("po_number")
        if customer and po_number:
            duplicates = Order.objects.filter(customer=customer, po_number=po_number)
            if self.instance.pk:
                duplicates = duplicates.exclude(pk=self.instance.pk)
            if duplicates.exists():
                # An error on po_number also keeps Django's generic unique-constraint message away.
                self.add_error(
                    "po_number",
                    _("%(customer)s already has an order with P/O no. %(po)s.")
                    % {"customer": customer, "po": po_number},
                )
        return cleaned

    def header_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class OrderLineForm(forms.Form):
    colour = forms.CharField(label=_("Colour"), max_length=80)
    sizes = forms.CharField(
        label=_("Size breakdown"),
        required=False,
        help_text=_("e.g. S:100, M:200, L:150"),
        widget=forms.TextInput(attrs={"placeholder": "S:100, M:200, L:150"}),
    )
    quantity = form_fields.IntegerField(
        label=_("Quantity"),
        required=False,
        min_value=1,
        help_text=_("Computed from the sizes when they are given."),
    )
    unit_price = forms.DecimalField(
        label=_("Unit price"), max_digits=12, decimal_places=4, min_value=Decimal("0")
    )

    def clean_sizes(self) -> dict[str, int]:
        return parse_size_breakdown(self.cleaned_data.get("sizes", ""))

    def clean(self):
        cleaned = super().clean()
        sizes = cleaned.get("sizes")
        quantity = cleaned.get("quantity")
        if "sizes" not in cleaned:
            return cleaned  # the breakdown itself was malformed; that error is enough
        if sizes:
            total = sum(sizes.values())
            if quantity is not None and quantity != total:
                self.add_error(
                    "quantity",
                    _("The quantity %(quantity)s does not match the size breakdown (%(total)s).")
                    % {"quantity": quantity, "total": total},
                )
            cleaned["quantity"] = total
        elif quantity is None:
            self.add_error("quantity", _("Give the quantity or a size breakdown."))
        return cleaned

    def line_data(self) -> dict:
        return {
            "colour": self.cleaned_data["colour"],
            "size_breakdown": self.cleaned_data["sizes"],
            "quantity": self.cleaned_data["quantity"],
            "unit_price": self.cleaned_data["unit_price"],
        }


class BaseOrderLineFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        if not self.lines():
            raise ValidationError(_("An order needs at least one line."))

    def lines(self) -> list[dict]:
        return [
            form.line_data()
            for form in self.forms
            if form.has_changed() and not self._should_delete_form(form) and form.is_valid()
        ]


OrderLineFormSet = forms.formset_factory(
    OrderLineForm, formset=BaseOrderLineFormSet, extra=3, can_delete=True
)


def line_initial(order: Order) -> list[dict]:
    return [
        {
            "colour": line.colour,
            "sizes": format_size_breakdown(line.size_breakdown),
            "quantity": line.quantity,
            "unit_price": line.unit_price,
        }
        for line in order.lines.all()
    ]


class RowKeyedBy:
    """A formset row is filled in only when its key field is: selects and defaults always post a
    value, so a blank row of a page would otherwise fail as 'required' (or count as data)."""

    row_key: str

    def has_changed(self) -> bool:
        return bool((self.data.get(self.add_prefix(self.row_key)) or "").strip())


class OnceForm(forms.Form):
    """A form that records something new: its hidden one-time token lets the view record it
    once however often it is posted (orders.services.submissions)."""

    # No id: several such forms share the order page, and nothing refers to the token by id.
    form_token = forms.UUIDField(
        widget=forms.HiddenInput(attrs={"id": False}), required=False, initial=uuid.uuid4
    )

    def _post_clean(self):
        # The token guards the submission, it is not the action's data: the views pass
        # cleaned_data on to the services as it is.
        self.token = self.cleaned_data.pop("form_token", None)
        super()._post_clean()


class VersionForm(forms.Form):
    """Every POST on the order page carries the version the user saw."""

    version = form_fields.IntegerField(label=_("Version"), widget=forms.HiddenInput)


class TransitionForm(VersionForm):
    comment = FreeText(label=_("Reason"), required=False, widget=forms.Textarea)


class ContractCheckForm(VersionForm):
    customer_signed = forms.BooleanField(label=_("Customer's signature present"), required=False)
    mismatches = FreeText(
        label=_("Mismatches clarified with the customer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    signed_contract = forms.FileField(
        label=_("Signed contract (PDF, JPEG or PNG)"),
        required=False,
        validators=[UploadValidator("signed_copy")],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in CONTRACT_CHECK_ITEMS:
            self.fields[name] = forms.BooleanField(label=label, required=False)

    def items(self) -> dict[str, bool]:
        return {name: self.cleaned_data[name] for name, _label in CONTRACT_CHECK_ITEMS}

    def item_fields(self):
        return [self[name] for name, _label in CONTRACT_CHECK_ITEMS]


class ApprovalForm(VersionForm):
    decision = forms.ChoiceField(choices=Decision.choices)
    comment = FreeText(label=_("Comment"), required=False, widget=forms.Textarea)


class ClearanceForm(OwnIds, VersionForm):
    id_prefix = "clearance"

    kind = forms.ChoiceField(choices=Clearance.choices)
    reference = forms.CharField(label=_("Reference"), required=False, max_length=120)
    reason = FreeText(label=_("Reason"), required=False, widget=forms.Textarea)

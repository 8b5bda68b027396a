"""From sheet rows to orders: django-import-export's resource reads each cell with its widget,
then the rows are grouped into orders and validated by the new-order form itself."""

import copy
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import resources
from import_export.fields import Field

from orders.choices import Currency, Incoterm, PaymentTerms
from orders.forms import OrderForm, OrderLineForm, format_size_breakdown
from orders.importing.columns import BY_KEY, ORDER_KEYS
from orders.importing.reader import Layout, Sheet, SheetRow
from orders.importing.widgets import (
    ChoiceWidget,
    DateOrder,
    NamedObjectWidget,
    PercentWidget,
    SheetDateWidget,
    SheetDecimalWidget,
    SheetIntegerWidget,
    TextWidget,
    YesNoWidget,
)
from orders.models import Order

CURRENCY_SYNONYMS = {
    "US$": "USD",
    "$": "USD",
    "美元": "USD",
    "美金": "USD",
    "RMB": "CNY",
    "人民幣": "CNY",
    "人民币": "CNY",
    "港幣": "HKD",
    "港币": "HKD",
    "HK$": "HKD",
    "歐元": "EUR",
    "欧元": "EUR",
    "英鎊": "GBP",
    "英镑": "GBP",
    "日圓": "JPY",
    "日元": "JPY",
}
TERMS_SYNONYMS = {
    "L/C": PaymentTerms.LETTER_OF_CREDIT,
    "LC": PaymentTerms.LETTER_OF_CREDIT,
    "信用證": PaymentTerms.LETTER_OF_CREDIT,
    "信用证": PaymentTerms.LETTER_OF_CREDIT,
    "T/T": PaymentTerms.TELEGRAPHIC_TRANSFER,
    "TT": PaymentTerms.TELEGRAPHIC_TRANSFER,
    "電匯": PaymentTerms.TELEGRAPHIC_TRANSFER,
    "电汇": PaymentTerms.TELEGRAPHIC_TRANSFER,
    "D/P": PaymentTerms.DOCUMENTS_AGAINST_PAYMENT,
    "付款交單": PaymentTerms.DOCUMENTS_AGAINST_PAYMENT,
    "付款交单": PaymentTerms.DOCUMENTS_AGAINST_PAYMENT,
    "D/A": PaymentTerms.DOCUMENTS_AGAINST_ACCEPTANCE,
    "承兌交單": PaymentTerms.DOCUMENTS_AGAINST_ACCEPTANCE,
    "承兑交单": PaymentTerms.DOCUMENTS_AGAINST_ACCEPTANCE,
    "O/A": PaymentTerms.OPEN_ACCOUNT,
    "OA": PaymentTerms.OPEN_ACCOUNT,
    "放帳": PaymentTerms.OPEN_ACCOUNT,
    "放账": PaymentTerms.OPEN_ACCOUNT,
    "月結": PaymentTerms.OPEN_ACCOUNT,
    "月结": PaymentTerms.OPEN_ACCOUNT,
}


class OrderLineResource(resources.Resource):
    """The columns of a P/O sheet and the widget that reads each."""

    po_number = Field(attribute="po_number", column_name="po_number", widget=TextWidget())
    style_no = Field(attribute="style_no", column_name="style_no", widget=TextWidget())
    description = Field(attribute="description", column_name="description", widget=TextWidget())
    season = Field(attribute="season", column_name="season", widget=TextWidget())
    colour = Field(attribute="colour", column_name="colour", widget=TextWidget())
    size = Field(attribute="size", column_name="size", widget=TextWidget())
    quantity = Field(attribute="quantity", column_name="quantity", widget=SheetIntegerWidget())
    unit_price = Field(
        attribute="unit_price", column_name="unit_price", widget=SheetDecimalWidget()
    )
    currency = Field(
        attribute="currency",
        column_name="currency",
        widget=ChoiceWidget(Currency, CURRENCY_SYNONYMS),
    )
    order_date = Field(attribute="order_date", column_name="order_date")
    customer_date = Field(attribute="customer_date", column_name="customer_date")
    ex_factory_date = Field(attribute="ex_factory_date", column_name="ex_factory_date")
    factory = Field(
        attribute="factory",
        column_name="factory",
        widget=NamedObjectWidget(Order._meta.get_field("factory").related_model),
    )
    payment_terms = Field(
        attribute="payment_terms",
        column_name="payment_terms",
        widget=ChoiceWidget(PaymentTerms, TERMS_SYNONYMS),
    )
    incoterm = Field(attribute="incoterm", column_name="incoterm", widget=ChoiceWidget(Incoterm))
    deposit_percent = Field(
        attribute="deposit_percent", column_name="deposit_percent", widget=PercentWidget()
    )
    direct_order = Field(attribute="direct_order", column_name="direct_order", widget=YesNoWidget())
    commodity_inspection = Field(
        attribute="commodity_inspection", column_name="commodity_inspection", widget=YesNoWidget()
    )

    def __init__(self, *, date_order: str = DateOrder.DAY_FIRST, **kwargs):
        super().__init__(**kwargs)
        for name in ("order_date", "customer_date", "ex_factory_date"):
            self.fields[name].widget = SheetDateWidget(date_order)
        self.size_widget = SheetIntegerWidget()

    def read_row(self, row: SheetRow, headers: dict) -> tuple[SimpleNamespace, list]:
        """The row's typed values, and its errors as (column header, message)."""
        values = SimpleNamespace(**dict.fromkeys(self.fields), sizes={})
        errors = []
        for name in row.formulas_without_value:
            errors.append((headers.get(name, name), _formula_message()))
        data = {key: row.values.get(key) for key in self.fields}
        try:
            self.import_instance(values, data)
        except ValidationError as error:
            for key, messages in error.message_dict.items():
                errors.extend((headers.get(key, key), message) for message in messages)
        for size, raw in row.sizes.items():
            try:
                pieces = self.size_widget.clean(raw)
            except ValueError as error:
                errors.append((headers.get(size, size), str(error)))
                continue
            if pieces:  # a 0 in the size grid means none of that size
                values.sizes[size] = pieces
        return values, errors


def _formula_message() -> str:
    return _(
        "The cell holds a formula whose value was never calculated: open the file in Excel, "
        "save it, and upload it again."
    )


# ---- orders and lines ---------------------------------------------------------------------------


@dataclass
class RowError:
    row: int | None
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": str(self.message)}


@dataclass
class LineDraft:
    rows: list
    colour: str
    unit_price: object
    sizes: dict = field(default_factory=dict)
    quantity: int | None = None


@dataclass
class OrderDraft:
    po_number: str
    rows: list
    header: dict = field(default_factory=dict)
    lines: list = field(default_factory=list)


@dataclass
class Defaults:
    """What the upload form gives for every order of the file."""

    customer: object
    factory: object = None
    currency: str = Currency.USD
    date_order: str = DateOrder.DAY_FIRST


def group_orders(sheet: Sheet, resource: OrderLineResource, *, progress=None):
    """Rows into orders (one per P/O no.) and lines; every problem as a RowError."""
    errors: list[RowError] = []
    orders: dict[str, OrderDraft] = {}
    seen_rows: dict[tuple, int] = {}
    for count, row in enumerate(sheet.rows, start=1):
        if progress and count % 250 == 0:
            progress(count)
        signature = (tuple(sorted(row.values.items())), tuple(sorted(row.sizes.items())))
        if signature in seen_rows:
            errors.append(
                RowError(
                    row.number,
                    "",
                    _("This row repeats row %(row)s.") % {"row": seen_rows[signature]},
                )
            )
            continue
        seen_rows[signature] = row.number
        values, row_errors = resource.read_row(row, sheet.headers)
        errors.extend(RowError(row.number, column, message) for column, message in row_errors)
        if not values.po_number:
            if not row_errors:
                errors.append(
                    RowError(row.number, _header(sheet, "po_number"), _("The P/O no. is missing."))
                )
            continue
        order = orders.setdefault(values.po_number, OrderDraft(values.po_number, []))
        order.rows.append(row.number)
        _merge_header(order, values, row, sheet, errors)
        _add_line(order, values, row, sheet, errors)
    return list(orders.values()), errors


def _header(sheet: Sheet, key: str) -> str:
    return sheet.headers.get(key) or str(BY_KEY[key].label)


def _merge_header(order: OrderDraft, values, row: SheetRow, sheet: Sheet, errors) -> None:
    """The order's header fields must agree on every row of the P/O."""
    for key in ORDER_KEYS:
        value = getattr(values, key)
        if value in (None, ""):
            continue
        known = order.header.get(key)
        if known is None:
            order.header[key] = value
        elif known != value:
            errors.append(
                RowError(
                    row.number,
                    _header(sheet, key),
                    _("“%(value)s” differs from “%(first)s” on row %(row)s of the same P/O.")
                    % {"value": value, "first": known, "row": order.rows[0]},
                )
            )


def _add_line(order: OrderDraft, values, row: SheetRow, sheet: Sheet, errors) -> None:
    if sheet.layout == Layout.SIZE_COLUMNS:
        order.lines.append(
            LineDraft(
                [row.number], values.colour or "", values.unit_price, values.sizes, values.quantity
            )
        )
        return
    # One row per size: the rows of one colour at one price are one line.
    line = next(
        (
            known
            for known in order.lines
            if known.colour == values.colour and known.unit_price == values.unit_price
        ),
        None,
    )
    if line is None:
        line = LineDraft([], values.colour or "", values.unit_price)
        order.lines.append(line)
    size = values.size or ""
    if not size:
        errors.append(RowError(row.number, _header(sheet, "size"), _("The size is missing.")))
    elif size in line.sizes:
        errors.append(
            RowError(
                row.number,
                _header(sheet, "size"),
                _("Size %(size)s of %(colour)s is already on row %(row)s.")
                % {
                    "size": size,
                    "colour": values.colour,
                    "row": line.rows[list(line.sizes).index(size)],
                },
            )
        )
        return
    elif values.quantity:
        line.sizes[size] = values.quantity
    line.rows.append(row.number)


# ---- the new-order form's validation ------------------------------------------------------------


class _SharedFields(dict):
    """A form's fields, shared by every form of a file instead of deep-copied into each: Django
    copies them so that rendering one form cannot change another's widgets, and a check renders
    nothing. Copying them was half the time to check a file of 2,000 orders. (A field with
    limit_choices_to would get its filter applied once per form, on the shared queryset: the
    order form has none.) Nor does a check show help texts: each bound field would translate
    its field's help text, on every row."""

    def __init__(self, fields):
        super().__init__({name: _without_help_text(field) for name, field in fields.items()})

    def __deepcopy__(self, memo):
        return dict(self)


def _without_help_text(form_field):
    form_field = copy.copy(form_field)  # the new-order form keeps its own
    form_field.help_text = ""
    return form_field


class _CheckedOrderForm(OrderForm):
    pass


class _CheckedLineForm(OrderLineForm):
    pass


# After the class statements: the forms' metaclass sets base_fields when it builds a class.
_CheckedOrderForm.base_fields = _SharedFields(OrderForm.base_fields)
_CheckedLineForm.base_fields = _SharedFields(OrderLineForm.base_fields)


FORM_FIELD_COLUMNS = {"sizes": "quantity", "customer": "", "__all__": ""}


def validate_order(draft: OrderDraft, defaults: Defaults, sheet: Sheet):
    """The draft through the new-order form and its line form: the same checks, the same
    messages. Returns (header data, lines) for order_create, or the errors."""
    header = dict(draft.header)
    data = {
        "po_number": draft.po_number,
        "style_no": header.get("style_no"),
        "description": header.get("description"),
        "season": header.get("season") or "",
        "currency": header.get("currency") or defaults.currency,
        "incoterm": header.get("incoterm") or Incoterm.FOB,
        "payment_terms": header.get("payment_terms") or defaults.customer.default_payment_terms,
        "deposit_percent": header.get("deposit_percent") or 0,
        "commission": False,
        "order_date": header.get("order_date") or _today(),
        "customer_date": header.get("customer_date"),
        # A P/O rarely names the ex-factory date: until PMC replies, it is the customer date.
        "ex_factory_date": header.get("ex_factory_date") or header.get("customer_date"),
        "direct_order": bool(header.get("direct_order")),  # R29
        "commodity_inspection": bool(header.get("commodity_inspection")),  # R33
    }
    factory = header.get("factory") or defaults.factory
    errors = []
    # The customer and the factory are already read (the upload's customer, the factory by
    # name): the form checks everything else; orders_create checks the P/O is new for the
    # customer, for all the orders of the file at once.
    form = _CheckedOrderForm(
        data=data,
        instance=Order(customer=defaults.customer, factory=factory),
        label_suffix="",  # not rendered: no need to translate the colon
    )
    del form.fields["customer"], form.fields["factory"]
    if factory is None:
        errors.append(
            RowError(draft.rows[0], str(BY_KEY["factory"].label), _("This field is required."))
        )  # noqa: E501
    if not form.is_valid():
        errors.extend(_form_errors(form, draft.rows[0], sheet))
    lines = []
    for line in draft.lines:
        line_form = _CheckedLineForm(
            data={
                "colour": line.colour,
                "sizes": format_size_breakdown(line.sizes),
                "quantity": line.quantity,
                "unit_price": line.unit_price,
            },
            label_suffix="",
        )
        if line_form.is_valid():
            lines.append(line_form.line_data())
        else:
            errors.extend(_form_errors(line_form, line.rows[0], sheet))
    if errors:
        return None, None, errors
    header_data = {name: form.cleaned_data[name] for name in data}
    return {**header_data, "customer": defaults.customer, "factory": factory}, lines, []


def _form_errors(form, row: int, sheet: Sheet) -> list[RowError]:
    errors = []
    for name, messages in form.errors.items():
        key = FORM_FIELD_COLUMNS.get(name, name)
        column = sheet.headers.get(key) or (
            str(form.fields[name].label) if name in form.fields else ""
        )
        if name == "factory" and "factory" not in sheet.headers:
            column = str(BY_KEY["factory"].label)
        errors.extend(RowError(row, column, message) for message in messages)
    return errors


def _today():
    return timezone.localdate()

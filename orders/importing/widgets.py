"""django-import-export widgets for what customers type in their sheets: Excel and text dates in
the customer's date order, numbers with thousand separators, codes or names of our choices."""

import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.utils import translation
from django.utils.translation import gettext as _
from import_export import widgets

from orders.importing.columns import fold
from orders.models.imports import DateOrder

EXCEL_EPOCH = date(1899, 12, 30)
# Excel serial numbers of 1990-01-01 and 2100-01-01: a number in between in a date column is a
# date cell that lost its format.
EXCEL_SERIALS = range(32874, 73051)


ISO_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d")
NAMED_MONTH_FORMATS = ("%d-%b-%Y", "%d %b %Y", "%b %d %Y", "%d-%b-%y", "%d %B %Y", "%B %d %Y")
DAY_FIRST_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y", "%d-%m-%y", "%d.%m.%y")
MONTH_FIRST_FORMATS = ("%m/%d/%Y", "%m-%d-%Y", "%m.%d.%Y", "%m/%d/%y", "%m-%d-%y", "%m.%d.%y")
CHINESE_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$")
THOUSANDS = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
CURRENCY_MARKS = re.compile(r"^(US\$|HK\$|RMB|USD|HKD|EUR|GBP|CNY|JPY|[$¥￥€£])\s*", re.IGNORECASE)


def _text(value) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip()


class TextWidget(widgets.CharWidget):
    """Text, with a number typed into a text column (a P/O no. 45001) read without ".0"."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, datetime | date):
            value = value.isoformat()
        return super().clean(value, row, **kwargs).strip()


class SheetDateWidget(widgets.DateWidget):
    def __init__(self, date_order: str = DateOrder.DAY_FIRST):
        super().__init__()
        ordered = DAY_FIRST_FORMATS if date_order == DateOrder.DAY_FIRST else MONTH_FIRST_FORMATS
        self.formats = (*ISO_FORMATS, *ordered, *NAMED_MONTH_FORMATS)

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            if int(value) in EXCEL_SERIALS:
                return EXCEL_EPOCH + timedelta(days=int(value))
            raise ValueError(_("“%(value)s” is not a date.") % {"value": value})
        text = _text(value).split(" 00:00")[0].replace(",", " ").replace("  ", " ")
        match = CHINESE_DATE.match(text)
        if match:
            text = "-".join(match.groups())
        try:
            with translation.override("en"):  # month names are read in English
                return super().clean(text, row, **kwargs)
        except ValueError:
            raise ValueError(_("“%(value)s” is not a date.") % {"value": value}) from None


def parse_number(value) -> Decimal:
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    text = CURRENCY_MARKS.sub("", _text(value)).replace(" ", "")
    if not THOUSANDS.match(text):
        raise ValueError
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation as error:
        raise ValueError from error


class SheetDecimalWidget(widgets.DecimalWidget):
    def clean(self, value, row=None, **kwargs):
        if self.is_empty(value):
            return None
        try:
            return parse_number(value)
        except ValueError:
            raise ValueError(_("“%(value)s” is not a number.") % {"value": value}) from None


class SheetIntegerWidget(widgets.IntegerWidget):
    def clean(self, value, row=None, **kwargs):
        if self.is_empty(value):
            return None
        try:
            number = parse_number(value)
        except ValueError:
            raise ValueError(_("“%(value)s” is not a number.") % {"value": value}) from None
        if number != number.to_integral_value():
            raise ValueError(_("“%(value)s” is not a whole number.") % {"value": value})
        return int(number)


class PercentWidget(SheetDecimalWidget):
    """30, "30%" or an Excel percentage cell (0.3) all mean 30 %."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, str) and value.strip().endswith("%"):
            value = value.strip()[:-1]
        elif isinstance(value, float) and 0 < value < 1:
            value = value * 100
        number = super().clean(value, row, **kwargs)
        return None if number is None else round(number, 2)


class ChoiceWidget(widgets.Widget):
    """A choice given by its code or its label in any of our languages, or a usual synonym."""

    def __init__(self, choices, synonyms: dict | None = None):
        super().__init__()
        self.choices = choices
        self.synonyms = {fold(k): v for k, v in (synonyms or {}).items()}
        self._names: dict[str, str] | None = None

    def names(self) -> dict[str, str]:
        if self._names is None:
            names = dict(self.synonyms)
            for language in ("en", "zh-hant", "zh-hans"):
                with translation.override(language):
                    for code, label in self.choices.choices:
                        names.setdefault(fold(label), code)
            for code in self.choices.values:
                names[fold(code)] = code
            self._names = names
        return self._names

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        code = self.names().get(fold(value))
        if code is None:
            raise ValueError(
                _("“%(value)s” is not one of: %(choices)s.")
                % {"value": value, "choices": ", ".join(self.choices.values)}
            )
        return code


YES_WORDS = ("yes", "y", "true", "1", "x", "✓", "✔", "是", "有", "要", "需要", "對", "对")
NO_WORDS = ("no", "n", "false", "0", "-", "否", "無", "无", "不", "不需要", "沒有", "没有")


class YesNoWidget(widgets.Widget):
    """A flag: yes / no in any of our languages ("Y", "是", "x", "否"...). A blank cell is
    None, so that it does not contradict another row of the same P/O; the order reads it as no."""

    def __init__(self):
        super().__init__()
        self._names: dict[str, bool] | None = None

    def names(self) -> dict[str, bool]:
        if self._names is None:
            names = {fold(word): True for word in YES_WORDS}
            names.update({fold(word): False for word in NO_WORDS})
            for language in ("en", "zh-hant", "zh-hans"):
                with translation.override(language):
                    names.setdefault(fold(_("Yes")), True)
                    names.setdefault(fold(_("No")), False)
            self._names = names
        return self._names

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float):
            value = int(value) if float(value).is_integer() else value
        answer = self.names().get(fold(value))
        if answer is None:
            raise ValueError(_("“%(value)s” is neither yes nor no.") % {"value": value})
        return answer


class NamedObjectWidget(widgets.ForeignKeyWidget):
    """A related object by its name, matched like a header (case, width and spaces folded);
    the names are read once per import."""

    def __init__(self, model, field: str = "name"):
        super().__init__(model, field=field)
        self._by_name: dict | None = None

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if self._by_name is None:
            self._by_name = {
                fold(getattr(obj, self.field)): obj for obj in self.get_queryset(value, row)
            }
        found = self._by_name.get(fold(value))
        if found is None:
            raise ValueError(
                _("No %(model)s is called “%(value)s”.")
                % {"model": self.model._meta.verbose_name, "value": value}
            )
        return found

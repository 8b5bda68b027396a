"""The upload form: the file and what applies to all its orders."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from orders.choices import Currency
from orders.importing.reader import too_large_message
from orders.models import Customer, DateOrder, Order
from orders.permissions import is_managing, team_id_of
from orders.roles import Role

ACCEPT = (
    ".xlsx,.xlsm,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("P/O file"),
        help_text=_(
            "Excel (.xlsx) or CSV: one row per order line with the sizes as columns, "
            "or one row per line and size."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    customer = forms.ModelChoiceField(label=_("Customer"), queryset=Customer.objects.all())
    default_factory = forms.ModelChoiceField(
        label=_("Factory"),
        queryset=Order._meta.get_field("factory").related_model.objects.all(),
        required=False,
        help_text=_("For the rows that name no factory."),
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=Currency.choices)
    date_order = forms.ChoiceField(
        label=_("Text dates are written"),
        choices=DateOrder.choices,
        help_text=_(
            "How the customer writes dates such as 01/03/2026. Excel date cells and "
            "2026-03-01 are always read right."
        ),
    )
    merchandiser = forms.ModelChoiceField(
        label=_("Merchandiser"), queryset=get_user_model().objects.none()
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        merchandisers = get_user_model().objects.filter(
            is_active=True, groups__name=Role.MERCHANDISER
        )
        if not is_managing(user):
            # A merchandiser imports for their own team only.
            merchandisers = merchandisers.filter(profile__team_id=team_id_of(user) or -1)
        self.fields["merchandiser"].queryset = merchandisers.order_by("username").distinct()
        self.fields["merchandiser"].label_from_instance = lambda u: u.get_full_name() or u.username
        if not self.is_bound and not is_managing(user):
            self.initial.setdefault("merchandiser", user.pk)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.GENDAN_IMPORT_MAX_MB * 1024 * 1024:
            raise forms.ValidationError(too_large_message())
        return upload

from django import forms
from django.utils.translation import gettext_lazy as _

from orders import form_fields
from orders.forms import FreeText


class OrderActionForm(forms.Form):
    """What an admin button asks before calling a service: a comment, and the version of the
    order the user was looking at, so a change made meanwhile is refused instead of overwritten."""

    comment = FreeText(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 4, "cols": 60}), required=False
    )
    version = form_fields.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, comment_required: bool = False, comment_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].required = comment_required
        if comment_label is not None:
            self.fields["comment"].label = comment_label


class ClearanceForm(OrderActionForm):
    reference = forms.CharField(
        label=_("Reference"),
        max_length=120,
        required=False,
        help_text=_("E.g. the credit note or the memo number."),
    )

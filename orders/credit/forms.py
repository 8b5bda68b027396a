from django import forms
from django.utils.translation import gettext_lazy as _

from orders.forms import FreeText


class NoteForm(forms.Form):
    comment = FreeText(label=_("Why"), widget=forms.Textarea(attrs={"rows": 2}))


class CommentForm(forms.Form):
    comment = FreeText(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

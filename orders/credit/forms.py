from django import forms
from django.utils.translation import gettext_lazy as _


class NoteForm(forms.Form):
    comment = forms.CharField(label=_("Why"), widget=forms.Textarea(attrs={"rows": 2}))


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

"""Form fields of the forms machinery shared by every app's send buttons."""

from django import forms
from django.utils.translation import gettext_lazy as _

from orders.choices import Language
from orders.forms import OnceForm


def language_choices(first: str) -> list[tuple[str, str]]:
    """The three languages, the recipient's first."""
    return sorted(Language.choices, key=lambda choice: choice[0] != first)


class SendLanguageForm(OnceForm):
    """The language a form goes out in; the recipient's own is first and chosen (left out, the
    recipient's own)."""

    lang = forms.ChoiceField(
        label=_("Language of the form"), choices=Language.choices, required=False
    )

    def clean_lang(self) -> str | None:
        return self.cleaned_data["lang"] or None

    def __init__(self, *args, recipient_language: str = "en", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lang"].choices = language_choices(recipient_language)
        self.fields["lang"].initial = recipient_language

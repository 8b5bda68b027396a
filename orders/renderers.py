"""The one way a form field is drawn: Django's renderer pointed at our templates, so that
`{{ form }}`, `{{ field.as_field_group }}` and `{% include "includes/field.html" %}` give the same
label, help text and errors, each with the id the field's aria-describedby names."""

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Reads templates through settings.TEMPLATES (templates/ first, then django.forms' own)."""

    form_template_name = "includes/form.html"
    field_template_name = "includes/field.html"

"""`manage.py render_form`: any registered form to a PDF file, or the list of forms."""

from pathlib import Path

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.management.base import BaseCommand, CommandError

from orders.documents import render
from orders.documents.registry import all_forms, get_form


class RenderFormCommand(BaseCommand):
    help = "Render a registered form for one object to a PDF (or HTML) file; --list names them."

    def add_arguments(self, parser):
        parser.add_argument("form", nargs="?", help="form code, e.g. F-ORD-001")
        parser.add_argument("object_id", nargs="?", help="primary key of the printed object")
        parser.add_argument(
            "--lang", default=None, help="en, zh-hant or zh-hans (default: the recipient's)"
        )
        parser.add_argument("-o", "--output", help="file to write (.pdf, or .html for the HTML)")
        parser.add_argument("--list", action="store_true", help="list every registered form")

    def handle(self, *args, **options):
        if options["list"]:
            return self.list_forms()
        if not (options["form"] and options["object_id"] and options["output"]):
            raise CommandError("Give FORM OBJECT_ID -o PATH, or --list.")
        try:
            spec = get_form(options["form"])
        except KeyError as exc:
            known = ", ".join(spec.code for spec in all_forms())
            raise CommandError(f"Unknown form {options['form']!r}; known: {known}.") from exc
        try:
            obj = spec.get_object(options["object_id"])
        except (ObjectDoesNotExist, ValueError, ValidationError) as exc:
            raise CommandError(
                f"No {spec.model} with id {options['object_id']!r} for {spec.code}."
            ) from exc
        language = options["lang"] or getattr(spec.recipient(obj), "language", "") or "en"
        try:
            language = render.check_language(language)
        except render.UnknownLanguage as exc:
            choices = ", ".join(render.LANGUAGES)
            raise CommandError(f"Unknown language {language!r}; use one of {choices}.") from exc
        output = Path(options["output"])
        if not output.parent.is_dir():
            raise CommandError(f"No such directory: {output.parent}")
        if output.suffix.lower() in {".html", ".htm"}:
            output.write_text(render.render_html(spec, obj, language), encoding="utf-8")
        else:
            output.write_bytes(render.render_pdf(spec, obj, language))
        self.stdout.write(f"{spec.code} {obj} ({language}) → {output}")

    def list_forms(self):
        for spec in all_forms():
            model = apps.get_model(spec.model)
            kind = model._meta.verbose_name
            self.stdout.write(f"{spec.code}\t{spec.name}\t{spec.model} ({kind})")

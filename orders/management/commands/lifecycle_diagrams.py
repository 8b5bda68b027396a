from django.core.management.base import BaseCommand, CommandError

from orders.diagrams import README, lifecycles_markdown, readme_section, readme_with_diagrams


class Command(BaseCommand):
    help = (
        "Write every lifecycle's state diagram (Mermaid), generated from the django-fsm "
        "declarations, into the README's Lifecycles section; --check only compares."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Fail if the README's diagrams are out of date."
        )

    def handle(self, *args, check=False, **options):
        text = README.read_text(encoding="utf-8")
        if check:
            if readme_section(text) != lifecycles_markdown():
                raise CommandError("The README's lifecycle diagrams are out of date.")
            self.stdout.write("The README's lifecycle diagrams are up to date.")
            return
        try:
            README.write_text(readme_with_diagrams(text), encoding="utf-8")
        except ValueError as missing:
            raise CommandError(str(missing)) from None
        self.stdout.write(f"Wrote the lifecycle diagrams into {README.name}.")

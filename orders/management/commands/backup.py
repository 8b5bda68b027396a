from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from orders.backups import BackupError, backup


class Command(BaseCommand):
    help = "Save the database and the uploaded files in one archive (make backup)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--output", default=str(settings.GENDAN_BACKUP_DIR))

    def handle(self, *args, output: str, **options) -> None:
        try:
            archive = backup(output_dir=Path(output))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(str(archive))

from pathlib import Path

import dj_database_url
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from orders.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore an archive of `make backup` into an empty database (this site's, or "
        "--database-url) and its files into MEDIA_ROOT (make restore FILE=...)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive")
        parser.add_argument("--database-url", default="")
        parser.add_argument("--media-root", default=str(settings.MEDIA_ROOT))
        parser.add_argument(
            "--replace", action="store_true", help="overwrite a database that has data"
        )

    def handle(self, *args, archive: str, database_url: str, media_root: str, replace: bool, **_):
        if database_url:
            settings_dict = dj_database_url.parse(database_url)
        else:
            settings_dict = connections["default"].settings_dict
            connections.close_all()
        try:
            manifest = restore(
                Path(archive),
                settings_dict=settings_dict,
                media_root=Path(media_root),
                replace=replace,
            )
        except (BackupError, FileNotFoundError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"restored {manifest['orders']} orders and {manifest['documents']} documents "
            f"saved {manifest['created']}"
        )

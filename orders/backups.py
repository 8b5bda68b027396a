"""`make backup` and `make restore FILE=...`: the database and the uploaded files in one archive.

The archive (a .tar.gz) holds the database as its own tool saves it — SQLite's online backup
(consistent while the site and the worker write), or pg_dump's custom format — the uploaded
files under media/, and manifest.json (engine, when, how many orders and documents)."""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone

from orders.models import Order, SentDocument

SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"
MANIFEST = "manifest.json"


class BackupError(Exception):
    pass


def engine_of(settings_dict: dict) -> str:
    engine = settings_dict["ENGINE"]
    if "sqlite" in engine:
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise BackupError(f"Backups know SQLite and PostgreSQL, not {engine}.")


def _pg_env(settings_dict: dict) -> dict[str, str]:
    values = {
        "PGHOST": settings_dict.get("HOST") or "",
        "PGPORT": str(settings_dict.get("PORT") or ""),
        "PGUSER": settings_dict.get("USER") or "",
        "PGPASSWORD": settings_dict.get("PASSWORD") or "",
        "PGDATABASE": settings_dict["NAME"],
    }
    return {**os.environ, **{key: value for key, value in values.items() if value}}


def _run(command: list[str], settings_dict: dict) -> None:
    result = subprocess.run(command, env=_pg_env(settings_dict), capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")


def _dump_database(folder: Path) -> Path:
    connection = connections["default"]
    if engine_of(connection.settings_dict) == "sqlite":
        connection.ensure_connection()
        target_path = folder / SQLITE_FILE
        target = sqlite3.connect(target_path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return target_path
    target_path = folder / POSTGRES_FILE
    _run(
        ["pg_dump", "--format=custom", "--no-owner", f"--file={target_path}"],
        connection.settings_dict,
    )
    return target_path


def _counts() -> dict[str, int]:
    return {"orders": Order.objects.count(), "documents": SentDocument.objects.count()}


def backup(*, output_dir: Path) -> Path:
    """Write the archive into output_dir and return its path."""
    output_dir.mkdir(parents=True, exist_ok=True)
    archive = output_dir / f"gendan-{timezone.now():%Y%m%d-%H%M%S-%f}.tar.gz"
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as folder:
        database = _dump_database(Path(folder))
        manifest = Path(folder) / MANIFEST
        manifest.write_text(
            json.dumps(
                {
                    "engine": engine_of(connections["default"].settings_dict),
                    "created": timezone.now().isoformat(),
                    **_counts(),
                },
                indent=2,
            )
        )
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(manifest, arcname=MANIFEST)
            tar.add(database, arcname=database.name)
            if media_root.is_dir():
                tar.add(media_root, arcname="media")
    return archive


def _sqlite_is_empty(path: Path) -> bool:
    if not path.exists() or path.stat().st_size == 0:
        return True
    with sqlite3.connect(path) as database:
        return not database.execute(
            "SELECT count(*) FROM sqlite_master WHERE type='table'"
        ).fetchone()[0]


def _postgres_is_empty(settings_dict: dict) -> bool:
    result = subprocess.run(
        ["psql", "-tAc", "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"],
        env=_pg_env(settings_dict),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BackupError(f"psql failed: {result.stderr.strip()[-2000:]}")
    return result.stdout.strip() == "0"


def _restore_database(folder: Path, engine: str, settings_dict: dict, replace: bool) -> None:
    if engine == "sqlite":
        target = Path(settings_dict["NAME"])
        if not replace and not _sqlite_is_empty(target):
            raise BackupError(f"{target} is not empty: restore into an empty database.")
        target.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("-wal", "-shm"):  # an old write-ahead log must not replay onto it
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(folder / SQLITE_FILE, target)
        return
    if not replace and not _postgres_is_empty(settings_dict):
        raise BackupError(
            f"Database {settings_dict['NAME']} is not empty: restore into an empty one."
        )
    command = ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={settings_dict['NAME']}"]
    if replace:
        command += ["--clean", "--if-exists"]
    _run([*command, str(folder / POSTGRES_FILE)], settings_dict)


def restore(archive: Path, *, settings_dict: dict, media_root: Path, replace: bool = False) -> dict:
    """Restore the archive into the database of settings_dict (empty, unless replace) and its
    files into media_root; returns the archive's manifest."""
    with tempfile.TemporaryDirectory() as folder, tarfile.open(archive, "r:gz") as tar:
        tar.extractall(folder, filter="data")  # no absolute paths, no links out of the folder
        manifest = json.loads((Path(folder) / MANIFEST).read_text())
        engine = engine_of(settings_dict)
        if manifest["engine"] != engine:
            raise BackupError(f"This backup is of {manifest['engine']}, the target is {engine}.")
        _restore_database(Path(folder), engine, settings_dict, replace)
        media = Path(folder) / "media"
        if media.is_dir():
            shutil.copytree(media, media_root, dirs_exist_ok=True)
    return manifest

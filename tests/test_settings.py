"""Settings come from the environment: production variables pass `check --deploy`, and with
nothing set you get the embedded default (SQLite, e-mail to files, file-system Celery broker).

Each case runs in a fresh process, because settings are read once, at import."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "gendan.example.com",
    "SITE_URL": "https://gendan.example.com",
    "DATABASE_URL": "postgres://gendan:secret@db.example.com:5432/gendan",
    "CELERY_BROKER_URL": "redis://redis.example.com:6379/0",
    "EMAIL_HOST": "smtp.example.com",
}


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run in a clean environment: none of this machine's or this run's settings leak in."""
    clean = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_variables_pass_check_deploy():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_flags_a_production_run_without_secret_key():
    env = {key: value for key, value in PRODUCTION.items() if key != "SECRET_KEY"}
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def settings_with(env: dict[str, str]) -> dict:
    script = """
import json
import django
django.setup()
from django.conf import settings as s
db = s.DATABASES["default"]
print(json.dumps({
    "engine": db["ENGINE"], "name": str(db["NAME"]), "debug": s.DEBUG,
    "email_backend": s.EMAIL_BACKEND, "email_file_path": str(getattr(s, "EMAIL_FILE_PATH", "")),
    "broker": s.CELERY_BROKER_URL,
    "broker_options": getattr(s, "CELERY_BROKER_TRANSPORT_OPTIONS", {}),
    "var_dir": str(s.VAR_DIR), "retry_delay": s.GENDAN_TASK_RETRY_DELAY,
    "db_options": db.get("OPTIONS", {}).get("options", ""),
}))
"""
    result = run(["-c", script], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_nothing_set_gives_the_embedded_default():
    found = settings_with({})
    var = BASE_DIR / "var"
    assert found["var_dir"] == str(var)
    assert found["debug"] is False
    assert found["engine"] == "django.db.backends.sqlite3"
    assert found["name"] == str(var / "gendan.sqlite3")
    assert found["email_backend"] == "django.core.mail.backends.filebased.EmailBackend"
    assert found["email_file_path"] == str(var / "mail")
    assert found["broker"] == "filesystem://"
    assert found["broker_options"]["data_folder_in"].startswith(str(var / "celery"))
    assert found["retry_delay"] == 30


def test_production_variables_give_postgresql_redis_and_smtp():
    found = settings_with(PRODUCTION)
    assert found["engine"] == "django.db.backends.postgresql"
    assert found["broker"] == PRODUCTION["CELERY_BROKER_URL"]
    assert found["email_backend"] == "django.core.mail.backends.smtp.EmailBackend"


def test_the_embedded_sqlite_survives_the_worker_writing_during_a_request(
    tmp_path, django_db_blocker
):
    """The request's transaction reads, then writes, while the worker holds the write lock:
    with the embedded default's options it waits for the worker instead of failing with
    "database is locked"."""
    import threading

    from django.db import connections, transaction

    from config.settings import SQLITE_OPTIONS

    alias = "embedded_default"
    embedded = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(tmp_path / "gendan.sqlite3"),
        "OPTIONS": SQLITE_OPTIONS,
    }
    connections.settings[alias] = connections.configure_settings(
        {"default": embedded, alias: embedded}
    )[alias]
    holding, release = threading.Event(), threading.Event()

    def worker():
        with django_db_blocker.unblock(), transaction.atomic(using=alias):
            connections[alias].cursor().execute("INSERT INTO sent (who) VALUES ('worker')")
            holding.set()
            release.wait(5)
        connections[alias].close()

    try:
        with django_db_blocker.unblock():
            cursor = connections[alias].cursor()
            cursor.execute("CREATE TABLE sent (id INTEGER PRIMARY KEY, who TEXT)")
            assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            thread = threading.Thread(target=worker)
            thread.start()
            holding.wait(5)
            threading.Timer(0.5, release.set).start()
            with transaction.atomic(using=alias):
                cursor = connections[alias].cursor()
                cursor.execute("SELECT COUNT(*) FROM sent")
                cursor.execute("INSERT INTO sent (who) VALUES ('request')")
            thread.join(10)
            rows = cursor.execute("SELECT who FROM sent ORDER BY id").fetchall()
    finally:
        release.set()
        connections[alias].close()
        del connections.settings[alias]
    assert [who for (who,) in rows] == ["worker", "request"]


def test_postgres_connections_do_not_jit_compile_the_pages_queries():
    """Compiling a list's query took seconds at 100,000 orders (issue 16); options given in
    the URL are kept."""
    url = "postgres://u@db.example:5432/gendan?options=-c%20search_path%3Dscale"
    found = settings_with({"DATABASE_URL": url})
    assert found["db_options"] == "-c search_path=scale -c jit=off"

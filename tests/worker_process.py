"""A real `celery worker` process on the run's broker and test database, for the session's
worker and for the fault tests that kill and restart their own."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from config.celery import app as celery_app

TEST_RETRY_DELAY = 1
WORKER_START_TIMEOUT = 60
ROOT = Path(__file__).resolve().parent.parent


def test_database_url(settings_dict) -> str:
    """DATABASE_URL with the test database's name, for processes outside pytest."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + settings_dict["NAME"]))


def worker_env(settings_dict, smtp_server, media_root, **extra: str) -> dict[str, str]:
    from django.conf import settings

    return {
        **os.environ,
        "DATABASE_URL": test_database_url(settings_dict),
        "GENDAN_TASK_RETRY_DELAY": str(TEST_RETRY_DELAY),
        "SITE_URL": settings.SITE_URL,
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "MEDIA_ROOT": str(media_root),
        **smtp_server.env(),
        **extra,
    }


def start_worker(name: str, env: dict, log_path: Path, queues: str = "") -> subprocess.Popen:
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo"]
    command += ["--concurrency=1", "-l", "info", "-n", name, "--without-gossip"]
    command += ["--without-mingle", *(["-Q", queues] if queues else [])]
    with open(log_path, "ab") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    wait_for_worker(process, name, log_path)
    return process


def wait_for_worker(process, name: str, log_path: Path) -> None:
    deadline = time.monotonic() + WORKER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        if celery_app.control.ping(destination=[name], timeout=1):
            return
    tail = log_path.read_text(errors="replace")[-4000:]
    pytest.fail(f"the Celery worker did not answer a ping (exit code {process.poll()}):\n{tail}")


def stop_worker(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def kill_worker(process: subprocess.Popen) -> None:
    """SIGKILL: no shutdown, no acknowledgement, a claim left behind mid-send."""
    process.send_signal(signal.SIGKILL)
    process.wait()

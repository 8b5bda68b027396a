#!/usr/bin/env bash
# `make run`: the site and a Celery worker (with beat) on the embedded defaults, so it needs no
# PostgreSQL or Redis. The worker stops when the site stops.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
# Only this machine reaches the development server unless HOST says otherwise (HOST=0.0.0.0).
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
VAR_DIR="${GENDAN_VAR_DIR:-var}"
# Without DEBUG the settings force HTTPS and secure cookies, which a local http:// site cannot use.
export DEBUG="${DEBUG:-1}"
export SITE_URL="${SITE_URL:-http://127.0.0.1:$PORT}"

$PY manage.py migrate --noinput -v 0

seed_log="$VAR_DIR/seed_demo.log"
if $PY manage.py help seed_demo >/dev/null 2>&1; then
    if ! $PY manage.py seed_demo >"$seed_log" 2>&1; then
        cat "$seed_log" >&2
        exit 1
    fi
else
    echo "run: no seed_demo command yet; starting without demo data" >&2
    : >"$seed_log"
fi
$PY manage.py collectstatic --noinput -v 0

$PY -m celery -A config worker -B --loglevel=INFO --concurrency=1 \
    --schedule="$VAR_DIR/celery/beat-schedule" >>"$VAR_DIR/celery/worker.log" 2>&1 &
worker=$!
stop_worker() {
    if kill -0 "$worker" 2>/dev/null; then
        echo "run: stopping the Celery worker"
        kill -TERM "$worker" 2>/dev/null || true
        wait "$worker" 2>/dev/null || true
    fi
}
trap stop_worker EXIT
trap 'exit 130' INT TERM

$PY - "$seed_log" <<'PYEOF'
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
import django

django.setup()
from django.conf import settings

print()
print(f"Gendan is starting at {settings.SITE_URL}/  (Ctrl-C stops the site and the worker)")
print("Celery worker + beat log: " + os.path.join(os.environ.get("GENDAN_VAR_DIR", "var"), "celery", "worker.log"))
try:
    from orders.demo import DEMO_LOGINS
except ImportError:
    DEMO_LOGINS = None
if DEMO_LOGINS:
    rows = [("role", "username", "password"), *DEMO_LOGINS]
    widths = [max(len(str(row[i])) for row in rows) for i in range(3)]
    print("\nDemo logins:")
    for row in rows:
        print("  " + "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)))
else:
    with open(sys.argv[1], encoding="utf-8") as log:
        lines = [line for line in log if line.strip()]
    if lines:
        print("\nDemo data (python manage.py seed_demo):")
        print("".join(lines), end="")
print()
PYEOF

$PY manage.py runserver "$HOST:$PORT"

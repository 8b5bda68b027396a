"""One settings module. Everything comes from the environment; with nothing set you get the
embedded default: SQLite, e-mail written to files under var/, Celery on a file-system broker."""

from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from config.env import env, envbool, envint, envlist

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env("GENDAN_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = envbool("DEBUG", False)
# The "django-insecure-" prefix makes `check --deploy` flag a production run without SECRET_KEY.
SECRET_KEY = env("SECRET_KEY") or "django-insecure-gendan-development-key-set-SECRET_KEY"
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",  # its widget templates, for orders.renderers.FormRenderer
    "django_filters",
    "import_export",
    "suppliers",
    "orders",
    "samples",
    "shipping",
    "complaints",
    "orders.quotations",
    "orders.credit",
    "shipping.statements",
    "orders.intake",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "orders.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
FORM_RENDERER = "orders.renderers.FormRenderer"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'gendan.sqlite3'}"),
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 0),
    )
}
# The embedded SQLite default is written by a request and the Celery worker at once: WAL lets
# readers go on while one writes; IMMEDIATE takes the write lock when a transaction begins, so a
# transaction that read first never finds its snapshot stale at its first write ("database is
# locked" at once); the other writer waits up to the timeout (seconds) instead.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    "transaction_mode": "IMMEDIATE",
    "timeout": envint("GENDAN_SQLITE_TIMEOUT", 20),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL compiles (JIT) a query whose estimate passes jit_above_cost; the lists'
    # per-row subqueries are estimated for every order before the LIMIT, and compiling them
    # took seconds on a page whose rows take milliseconds to read (issue 16). Short queries only.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = f"{options.get('options', '')} -c jit=off".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "orders:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("zh-hant", _("Traditional Chinese")),
    ("zh-hans", _("Simplified Chinese")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", "Asia/Hong_Kong")
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "staticfiles")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG and envbool("GENDAN_MANIFEST_STATIC", False)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# E-mail: SMTP when EMAIL_HOST is set, otherwise one file per message under var/mail.
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Gendan <gendan@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = envint("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", EMAIL_PORT == 587)
    EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
    EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 20)
else:
    EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
    EMAIL_FILE_PATH = VAR_DIR / "mail"

# Celery: Redis (or any broker) when CELERY_BROKER_URL is set; otherwise a file-system broker
# under var/, so `make run` has a real worker and beat without Redis.
CELERY_BROKER_URL = env("CELERY_BROKER_URL") or "filesystem://"
if CELERY_BROKER_URL == "filesystem://":
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(VAR_DIR / "celery" / "queue"),
        "data_folder_out": str(VAR_DIR / "celery" / "queue"),
        "processed_folder": str(VAR_DIR / "celery" / "processed"),
        "control_folder": str(VAR_DIR / "celery" / "control"),
        "store_processed": False,
    }
CELERY_TASK_ALWAYS_EAGER = envbool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE: dict = {
    # Hourly, not daily: the first run of the day sends the digests, later runs find them
    # claimed, and a run after the worker was down catches up (orders.tasks_reminders).
    "planning reminders": {
        "task": "orders.tasks_reminders.daily_reminders",
        "schedule": envint("GENDAN_REMINDER_INTERVAL_SECONDS", 3600),
    },
    # Every minute: whatever the outbox still holds (the broker was down when it was written,
    # a retry is due, a worker died mid-send) is enqueued again (orders.outbox).
    "outbox sweep": {
        "task": "orders.outbox.tasks.outbox_sweep",
        "schedule": envint("GENDAN_OUTBOX_SWEEP_SECONDS", 60),
    },
    # Every minute as well: an import whose check or write never reached a worker (the broker
    # was down when it was queued) is queued again (orders.importing.services.import_sweep).
    "import sweep": {
        "task": "orders.importing.tasks.import_sweep",
        "schedule": envint("GENDAN_OUTBOX_SWEEP_SECONDS", 60),
    },
    # R18: an approved or sent quotation past its validity date is expired.
    "quotation expiry": {
        "task": "orders.quotations.tasks.expire_quotations",
        "schedule": envint("GENDAN_REMINDER_INTERVAL_SECONDS", 3600),
    },
    # R31: last month's statement of each monthly customer, drawn up once (a unique row).
    "monthly statements": {
        "task": "shipping.statements.tasks.monthly_statements",
        "schedule": envint("GENDAN_REMINDER_INTERVAL_SECONDS", 3600),
    },
    # R31: the invoices of the last cut-off (three a month), drawn up per customer once.
    "invoice runs": {
        "task": "shipping.statements.tasks.invoice_runs",
        "schedule": envint("GENDAN_REMINDER_INTERVAL_SECONDS", 3600),
    },
    # Hourly as well: each order's weekly progress report is claimed once on its day.
    "customer progress reports": {
        "task": "orders.planning.tasks.weekly_progress_reports",
        "schedule": envint("GENDAN_REMINDER_INTERVAL_SECONDS", 3600),
    },
    # Daily: the one-time tokens of forms submitted more than GENDAN_FORM_TOKEN_DAYS ago.
    "form token purge": {
        "task": "orders.tasks_housekeeping.purge_form_tokens",
        "schedule": 24 * 3600,
    },
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Seconds before the first retry of a failed e-mail; doubles on each further try.
GENDAN_TASK_RETRY_DELAY = envint("GENDAN_TASK_RETRY_DELAY", 30)
# The outbox: a worker's claim on a mail lasts this long; a worker that dies mid-send leaves a
# claim the sweep hands on after it (at most 2 minutes from the crash with the defaults). A mail
# refused this many times is marked failed (a manager can queue it again in the admin).
GENDAN_OUTBOX_LEASE_SECONDS = envint("GENDAN_OUTBOX_LEASE_SECONDS", 60)
GENDAN_OUTBOX_MAX_ATTEMPTS = envint("GENDAN_OUTBOX_MAX_ATTEMPTS", 8)
# A form's one-time token is kept this many days after it was submitted: a form left open on
# a page longer than that and posted again is recorded again.
GENDAN_FORM_TOKEN_DAYS = envint("GENDAN_FORM_TOKEN_DAYS", 30)
# Where `make backup` writes its archives of the database and the uploaded files.
GENDAN_BACKUP_DIR = Path(env("GENDAN_BACKUP_DIR", str(VAR_DIR / "backups")))
# The Celery queue of the outbox's tasks (empty: Celery's default queue).
GENDAN_OUTBOX_QUEUE = env("GENDAN_OUTBOX_QUEUE", "")
# Reminders: milestones due within this many days are listed; an item overdue for more than
# GENDAN_ESCALATE_AFTER_DAYS also goes to the person's manager.
GENDAN_REMINDER_DAYS_AHEAD = envint("GENDAN_REMINDER_DAYS_AHEAD", 3)
GENDAN_ESCALATE_AFTER_DAYS = envint("GENDAN_ESCALATE_AFTER_DAYS", 3)

# Production hardening, on whenever DEBUG is off.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
# Scripts and styles come from our static files only: no inline script, event handler or style
# attribute anywhere (tests/test_security_headers.py). The one inline <style>, a form's print CSS
# in its browser preview, carries the page's nonce. Pictures of letterheads are data: URIs.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # WeasyPrint logs every layout step at INFO; only its warnings (fonts, CSS) matter.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}

# Business settings.
GENDAN_COMPANY_NAME = env("GENDAN_COMPANY_NAME", "Gendan Trading Co., Ltd.")
# How long a factory's link to a sent document works.
GENDAN_DOCUMENT_LINK_DAYS = envint("GENDAN_DOCUMENT_LINK_DAYS", 30)
# How long the customer's read-only order status link (in the progress report mail) works.
GENDAN_STATUS_LINK_DAYS = envint("GENDAN_STATUS_LINK_DAYS", 14)
# Largest upload of each kind, in MB (orders.uploads checks every file field by content too):
# signed_copy — a contract, form or L/G letter signed on paper (PDF, JPEG, PNG);
# document — customer letters, export papers, shipping-mark artwork, complaint documents;
# photo — photos of goods (complaints, inspection defects); picture — a trim's picture, printed
# on the trim list; master_file — a customer's standards and price lists (also Excel and Word).
GENDAN_UPLOAD_MAX_MB = {
    "signed_copy": envint("GENDAN_SIGNED_COPY_MAX_MB", 10),
    "document": envint("GENDAN_DOCUMENT_MAX_MB", 10),
    "photo": envint("GENDAN_PHOTO_MAX_MB", 10),
    "picture": envint("GENDAN_PICTURE_MAX_MB", 5),
    "master_file": envint("GENDAN_MASTER_FILE_MAX_MB", 20),
}
# Largest customer P/O file accepted for import (refused before it is read), and most rows.
GENDAN_IMPORT_MAX_MB = envint("GENDAN_IMPORT_MAX_MB", 50)
GENDAN_UPLOAD_MAX_MB["spreadsheet"] = GENDAN_IMPORT_MAX_MB
GENDAN_IMPORT_MAX_ROWS = envint("GENDAN_IMPORT_MAX_ROWS", 20000)
# An import queued this many seconds ago and not yet taken by a worker is queued again.
GENDAN_IMPORT_REQUEUE_SECONDS = envint("GENDAN_IMPORT_REQUEUE_SECONDS", 180)
# Longest free text (comments, reasons, remarks) a form accepts; longer is refused with the limit.
GENDAN_FREE_TEXT_MAX_CHARS = envint("GENDAN_FREE_TEXT_MAX_CHARS", 4000)

# Gendan: one image for the web (gunicorn), the Celery worker and Celery beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# The same system packages as `make run` (scripts/system-packages.txt), minus the browser that
# only the tests use.
COPY scripts/system-packages.txt /tmp/system-packages.txt
RUN apt-get update \
    && sed 's/#.*//' /tmp/system-packages.txt | tr -s ' \t' '\n' | grep -vx -e '' -e chromium \
        | xargs apt-get install -y --no-install-recommends \
    && rm -rf /var/lib/apt/lists/* /tmp/system-packages.txt

WORKDIR /app

# Dependencies first, in their own layer, so a code change does not reinstall them.
COPY pyproject.toml README.md ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        >/tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY . .
# Editable, so BASE_DIR stays /app where templates/, static/ and locale/ live.
RUN pip install --no-deps -e . \
    && mkdir -p locale var/media var/mail var/celery/queue var/celery/processed var/staticfiles \
    && python manage.py compilemessages --ignore=var -v 0 \
    && useradd --system --home-dir /app --shell /usr/sbin/nologin gendan \
    && chown -R gendan:gendan /app/var /app/locale

USER gendan
EXPOSE 8000
CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]

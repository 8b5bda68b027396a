#!/usr/bin/env bash
# Everything `make run` and `make test` need on a fresh Debian/Ubuntu machine, and quick when it
# is all there already: system packages, the virtualenv, the project's dependencies, translations.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"
PACKAGES_FILE=scripts/system-packages.txt
TEST_PACKAGES_FILE=scripts/test-packages.txt
WITH_TESTS=0
[ "${1:-}" = "--tests" ] && WITH_TESTS=1
VAR_DIR="${GENDAN_VAR_DIR:-var}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        echo "bootstrap: need root (or sudo) to run: $*" >&2
        return 1
    fi
}

system_packages() {
    local list=$1
    if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
        echo "bootstrap: not a Debian/Ubuntu system; install by hand: $(sed 's/#.*//' "$list" | xargs)" >&2
        return 0
    fi
    local missing=() pkg
    for pkg in $(sed 's/#.*//' "$list"); do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "Installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq
    as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

virtualenv() {
    if [ ! -x "$VENV/bin/python" ]; then
        say "Creating the virtualenv in $VENV"
        "$PYTHON" -m venv "$VENV"
    fi
    # Reinstall only when the declared dependencies changed since the last install.
    local stamp="$VENV/.gendan-installed" want
    want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        say "Installing Python dependencies (pyproject.toml changed)"
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e '.[dev]'
        echo "$want" >"$stamp"
    fi
}

folders() {
    # The file-system Celery broker and the file e-mail backend write here and do not create the
    # folders; WhiteNoise warns on every request when the static root is missing.
    mkdir -p "$VAR_DIR/celery/queue" "$VAR_DIR/celery/processed" "$VAR_DIR/celery/control" \
        "$VAR_DIR/mail" "$VAR_DIR/media" "$VAR_DIR/staticfiles" locale
}

translations() {
    # compilemessages walks the whole tree: keep it out of the virtualenv's packages.
    "$VENV/bin/python" manage.py compilemessages --ignore="$VENV" --ignore=var --ignore=node_modules \
        -v 0
}

system_packages "$PACKAGES_FILE"
if [ "$WITH_TESTS" -eq 1 ] && ! system_packages "$TEST_PACKAGES_FILE"; then
    # Ubuntu ships Chromium only as a snap; without it the browser tests skip (CI fails them).
    echo "bootstrap: could not install $(sed 's/#.*//' "$TEST_PACKAGES_FILE" | xargs); browser tests will be skipped" >&2
fi
virtualenv
folders
translations

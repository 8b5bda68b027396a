#!/usr/bin/env bash
# The whole suite. pytest exits 5 when it collected nothing: a broken collection must not pass.
set -uo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pytest "$@"
status=$?
if [ "$status" -eq 5 ]; then
    echo "test: pytest collected no tests; treating that as a failure" >&2
    exit 1
fi
exit "$status"

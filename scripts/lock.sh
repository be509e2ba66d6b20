#!/usr/bin/env bash
# Refresh the pinned, hashed locks of the app and of the test environment, then prove them:
# a fresh venv installs exactly the lock and the whole test suite runs against it.
#
#   bash scripts/lock.sh     # re-resolve within pyproject's ranges to the newest allowed versions
#
# pyproject.toml keeps ranges (users install briefing next to other tools); the locks are for CI
# and development. Commit the new locks only if the tests at the end pass.
set -euo pipefail
cd "$(dirname "$0")/.."

uv=${UV:-$(command -v uv || true)}
if [ -z "$uv" ]; then
  python3 -m venv .lock-venv && .lock-venv/bin/pip install -q 'uv>=0.9' && uv=.lock-venv/bin/uv
fi
common=(--python-version 3.11 --generate-hashes --no-header --quiet)
"$uv" pip compile pyproject.toml "${common[@]}" --upgrade -o requirements/app.lock
"$uv" pip compile pyproject.toml --extra test "${common[@]}" --upgrade -o requirements/test.lock
python3 scripts/pin_extras.py requirements/app.lock requirements/test.lock

rm -rf .lock-test-venv
python3 -m venv .lock-test-venv
.lock-test-venv/bin/pip install -q --require-hashes -r requirements/test.lock
.lock-test-venv/bin/pip install -q --no-deps -e .
.lock-test-venv/bin/pytest -q -rs
echo "locks refreshed and the suite passes against them: review 'git diff requirements/' and commit"

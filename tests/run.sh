#!/usr/bin/env bash
# The test command: everything the test suite needs, then the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."

# The interop tests (tests/interop.rs) check obo against Python's joserfc at
# the version pinned here; they fail rather than skip without it.
PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check \
  -r tests/interop/requirements.txt

cargo test --all-targets --locked

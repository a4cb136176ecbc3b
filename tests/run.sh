#!/usr/bin/env bash
# The test command: everything the test suite needs, then the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --all-targets --locked

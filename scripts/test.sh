#!/bin/bash
# The whole test suite, from a fresh Debian 12 machine (as root): installs what is missing,
# builds, and runs unit and integration tests (real Dovecot, real keychain, kill -9 runs).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
ctest --test-dir build --output-on-failure --parallel 2 "$@"

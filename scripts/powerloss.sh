#!/bin/bash
# The power-loss harness over a larger run than CI's: ./scripts/powerloss.sh [MESSAGES]
# (default 200), with each way of syncing a batch. Builds first; needs root (Dovecot) like the
# integration tests.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh >/dev/null
# A larger run explores far more crash states than QtTest's 5-minute watchdog allows a test
# function (80 messages synced file by file: over 10 minutes for the unordered model).
export QTEST_FUNCTION_TIMEOUT=${QTEST_FUNCTION_TIMEOUT:-14400000}
for sync in filesystem each-file; do
    P3C_POWERLOSS_SYNC=$sync P3C_POWERLOSS_MESSAGES="${1:-200}" ./build/tests/tst_powerloss
done

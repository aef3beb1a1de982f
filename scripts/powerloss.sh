#!/bin/bash
# The power-loss harness over a larger run than CI's: ./scripts/powerloss.sh [MESSAGES]
# (default 200), with each way of syncing a batch. Builds first; needs root (Dovecot) like the
# integration tests.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh >/dev/null
for sync in filesystem each-file; do
    P3C_POWERLOSS_SYNC=$sync P3C_POWERLOSS_MESSAGES="${1:-200}" ./build/tests/tst_powerloss
done

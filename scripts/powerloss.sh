#!/bin/bash
# The power-loss harness over a larger run than CI's: ./scripts/powerloss.sh [MESSAGES]
# (default 200). Builds first; needs root (Dovecot) like the integration tests.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh >/dev/null
P3C_POWERLOSS_MESSAGES="${1:-200}" ./build/tests/tst_powerloss

#!/bin/bash
# soak.sh [ITERATIONS]: the kill -9 test over many more runs than CI's 16 (default 200), for
# download alone and for all three stages. Needs a build (scripts/build.sh) and root.
set -euo pipefail
cd "$(dirname "$0")/.."
P3C_CRASH_ITERATIONS="${1:-200}" build/tests/tst_crash

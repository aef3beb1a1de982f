#!/bin/bash
# soak.sh [KILLS]: the kill -9 test with KILLS kill points (default 200) for each of its runs
# (download alone, all three stages, all three on a nearly full disk) instead of CI's 12, 30 and
# 9. Needs a build (scripts/build.sh) and root.
set -euo pipefail
cd "$(dirname "$0")/.."
P3C_CRASH_ITERATIONS="${1:-200}" build/tests/tst_crash

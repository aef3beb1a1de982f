#!/bin/bash
# fuzz.sh [SECONDS]: libFuzzer over every parser (tests/fuzz/fuzz_parsers.cpp), with ASan and
# UBSan, for SECONDS (default 600). CI runs the short deterministic tst_fuzz_smoke instead.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
for p in clang libclang-rt-14-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" \
        || DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$p"
done
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
mkdir -p build-fuzz/corpus
build-fuzz/tests/fuzz_parsers build-fuzz/corpus -max_total_time="${1:-600}" -max_len=65536 -print_final_stats=1

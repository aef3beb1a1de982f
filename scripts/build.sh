#!/bin/bash
# Configures and builds into build/ (the "dev" preset of CMakePresets.json: RelWithDebInfo, tests).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset dev >/dev/null
cmake --build --preset dev

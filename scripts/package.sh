#!/bin/bash
# Builds the Debian package: build-package/pop3connector_VERSION_ARCH.deb (installs under /usr).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset package >/dev/null
cmake --build --preset package
(cd build-package && cpack -G DEB)
ls build-package/*.deb

#!/bin/bash
# Builds the Debian package: build-package/pop3connector_VERSION_ARCH.deb (installs under /usr).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build-package -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr -DBUILD_TESTING=OFF >/dev/null
cmake --build build-package
(cd build-package && cpack -G DEB)
ls build-package/*.deb

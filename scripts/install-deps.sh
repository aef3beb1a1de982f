#!/bin/bash
# Installs what building, running and testing POP3 Connector needs on Debian 12 (as root).
set -euo pipefail
packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-tools-dev qt6-l10n-tools qtkeychain-qt6-dev
    libsecret-1-0 gnome-keyring dbus dbus-x11
    dovecot-core dovecot-pop3d dovecot-lmtpd openssl
    libgmime-3.0-dev python3 xauth xvfb fonts-noto-cjk clang-format
    qt6-translations-l10n
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

#!/bin/bash
# with-keyring.sh COMMAND...: runs COMMAND inside a private D-Bus session with an unlocked
# gnome-keyring, the way a desktop session provides one; CI machines and servers have none.
set -euo pipefail
for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { echo "with-keyring.sh: $tool is missing (apt-get install dbus dbus-x11 gnome-keyring libsecret-1-0)" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp XDG_RUNTIME_DIR=$tmp/run XDG_DATA_HOME=$tmp/share XDG_CONFIG_HOME=$tmp/config
mkdir -m 700 -p "$XDG_RUNTIME_DIR"
# Without a display, a locked keyring cannot prompt; unlock it up front with a throwaway password.
unset DISPLAY WAYLAND_DISPLAY
exec dbus-run-session -- bash -c '
    printf %s test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$@"' with-keyring "$@"

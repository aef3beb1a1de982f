#!/bin/bash
# with-keyring.sh COMMAND...: runs COMMAND inside a private D-Bus session with an unlocked
# gnome-keyring, the way a desktop session provides one; CI machines and servers have none.
set -euo pipefail
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { echo "with-keyring.sh: $tool is missing (apt-get install dbus dbus-x11 gnome-keyring libsecret-1-0)" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp XDG_RUNTIME_DIR=$tmp/run XDG_DATA_HOME=$tmp/share XDG_CONFIG_HOME=$tmp/config
mkdir -m 700 -p "$XDG_RUNTIME_DIR"
# Without a display, a locked keyring cannot prompt; unlock it up front with a throwaway password.
# The keyring runs in the foreground, as our child: it is stopped and waited for before the bus
# goes, and nothing outlives COMMAND.
unset DISPLAY WAYLAND_DISPLAY
# Not exec: the trap removes $tmp afterwards.
dbus-run-session -- bash -c '
    printf %s test-keyring | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null &
    keyring=$!
    ready() {
        dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
            | grep -q "boolean true"
    }
    for _ in $(seq 100); do
        ready && break
        sleep 0.1
    done
    ready || { echo "with-keyring.sh: gnome-keyring-daemon did not start" >&2; kill $keyring; exit 1; }
    status=0
    "$@" || status=$?
    kill $keyring
    wait $keyring || true
    exit $status' with-keyring "$@"

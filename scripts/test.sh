#!/bin/bash
# The whole test suite, from a fresh Debian 12 machine (as root): installs what is missing,
# builds, and runs unit and integration tests (real Dovecot, real keychain, kill -9 runs).
# Arguments go to ctest (e.g. -R tst_crash). Fails, too, when a process the tests started is
# still running afterwards, or a file system they mounted is still mounted.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/check-format.sh
python3 scripts/check-layers.py
# The mistakes scripts/mutants.sh plants must still fit the code they are planted in.
for patch in tests/mutants/*.patch; do
    git apply --check --cached "$patch" || { echo "$patch no longer applies: rewrite it for the code as it is now"; exit 1; }
done
./scripts/build.sh

# What this run starts is known by a folder of its own for temporary files (TMPDIR: every
# QTemporaryDir, mktemp and Dovecot's base_dir are under it) and by a marker in the
# environment. Dovecot clears its environment, but its processes work in its folder.
run=$(mktemp -d /tmp/p3c-test.XXXXXX)
chmod 755 "$run" # Dovecot's unprivileged processes reach their folders through it
marker=P3C_TEST_RUN=${run##*/}

# PIDs of running processes of this run: the marker in their environment, or their working
# folder, root or command line under $run. Not this script; and what it runs to look has
# neither the marker nor $run in its arguments, so it cannot find itself.
ours() {
    local p pid state arg argv
    for p in /proc/[0-9]*; do
        pid=${p#/proc/}
        [ "$pid" != $$ ] || continue
        state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "$p/status" 2>/dev/null) || continue
        [ -n "$state" ] && [ "$state" != Z ] || continue
        if grep -qzxF "$marker" "$p/environ" 2>/dev/null \
            || [[ "$(readlink "$p/cwd" 2>/dev/null)/" == "$run"/* ]] \
            || [[ "$(readlink "$p/root" 2>/dev/null)/" == "$run"/* ]]; then
            echo "$pid"
            continue
        fi
        mapfile -d '' argv 2>/dev/null < "$p/cmdline" || continue
        for arg in "${argv[@]}"; do
            if [[ "$arg/" == *"$run"/* ]]; then
                echo "$pid"
                break
            fi
        done
    done
}
mounts() {
    awk -v run="$run/" 'index($5 "/", run) == 1 { print $5 }' /proc/self/mountinfo
}

status=0
env "$marker" TMPDIR="$run" ctest --preset dev "$@" \
    || status=$?

# A process ending as the tests end (a Dovecot master that was just told to stop) has a moment.
for _ in $(seq 50); do
    [ -z "$(ours)" ] && break
    sleep 0.2
done
left=$(ours)
if [ -n "$left" ]; then
    echo "test.sh: the tests left processes running (now killed):" >&2
    for pid in $left; do
        echo "  $pid $(tr '\0' ' ' 2>/dev/null < "/proc/$pid/cmdline")" >&2
    done
    kill -9 $left 2>/dev/null || true
    status=1
fi
leftMounts=$(mounts)
if [ -n "$leftMounts" ]; then
    echo "test.sh: the tests left file systems mounted (now unmounted):" >&2
    for m in $leftMounts; do
        echo "  $m" >&2
        umount -l "$m" || true
    done
    status=1
fi
rm -rf "$run" || status=1
exit $status

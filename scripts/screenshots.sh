#!/bin/bash
# Takes docs/screenshots/{en,ja}-{mailboxes,schedule,troubleshooting,spool,diagnostics,tracking,
# mailbox-*,test}-{1280x800,800x600}.png from the manager
# under Xvfb, on the demo set-up (a private Dovecot with sample mail, pop3connectord serving it).
# Needs a build and root.
set -euo pipefail
cd "$(dirname "$0")/.."
DEMO_HEADLESS=1 ./scripts/demo.sh >/dev/null 2>&1 || true   # builds, and makes demo/ (runs once)
mkdir -p docs/screenshots
for lang in en ja; do
    # A fresh batch of mail for each language's pictures, waiting on the provider.
    for box in shop catchall; do build/tests/p3c-corpus 25 "demo/dovecot/mail/$box" "$RANDOM" >/dev/null; done
    chown -R 65534:65534 demo/dovecot/mail
    rm -rf demo/spool
    runtime=$(mktemp -d)
    # The manager shows the service's state: the service runs for the pictures.
    XDG_RUNTIME_DIR=$runtime build/app/pop3connectord --config demo/pop3connector.ini \
        2>>demo/pop3connectord.log &
    daemon=$!
    # A laptop's screen and a small one: what must fit, fits.
    for size in 1280x800 800x600; do
        xvfb-run -a -s "-screen 0 ${size}x24" env XDG_RUNTIME_DIR="$runtime" \
            build/tests/p3c-screenshots demo/pop3connector.ini docs/screenshots "$lang" "$size"
    done
    kill "$daemon"
    wait "$daemon" || true
done
ls docs/screenshots

#!/bin/bash
# The demo, from a fresh Debian 12 machine (as root): installs what is missing, builds, starts a
# private Dovecot on 127.0.0.1 that plays both the provider (two POP3 mailboxes of sample mail)
# and the office's mail server (LMTP into local mailboxes), starts the connector service
# (pop3connectord) on it and opens the manager, its console: press Retrieve now and watch mail
# flow download -> transfer -> dispatch, no ISP account needed. Closing the manager stops the
# demo's service.
# Without a display it runs the connector once instead (pop3connectord --once) and lists what
# each local mailbox received. DEMO_PORT=N puts the demo Dovecot on ports N to N+2 (20110).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
demo=$PWD/demo
port=${DEMO_PORT:-20110}
./scripts/private-dovecot.sh stop "$demo/dovecot"
rm -rf "$demo/spool" "$demo/dovecot/mail"
# The provider's mailboxes (shop, catchall) and the office's people, in one Dovecot.
office=(sales postmaster alice bob carol dave erin frank grace heidi)
./scripts/private-dovecot.sh start "$demo/dovecot" "$port" shop:shop-pw catchall:catchall-pw \
    "${office[@]/%/:x}"
build/tests/p3c-corpus 40 "$demo/dovecot/mail/shop" "$RANDOM" > /dev/null
build/tests/p3c-corpus 60 "$demo/dovecot/mail/catchall" "$RANDOM" > /dev/null
chown -R 65534:65534 "$demo/dovecot/mail"
for box in shop catchall; do
    (umask 077; echo "$box-pw" > "$demo/$box.password")
done
cat > "$demo/pop3connector.ini" <<INI
[connector]
spool = spool
log_level = medium
undeliverable_mailbox = postmaster@office.example
interval_minutes = 5
; The demo waits for you to press Retrieve now.
schedule_enabled = false


; The office mail server: the demo Dovecot's LMTP service.
[delivery]
transport = lmtp
host = 127.0.0.1
port = $((port + 2))

; A user mailbox over TLS: everything goes to one local address.
[mailbox.shop]
host = 127.0.0.1
port = $((port + 1))
security = tls
ca_file = dovecot/ssl/ca.pem
user = shop
password_file = shop.password
local_mailbox = sales@office.example

; A catch-all mailbox over STLS: routed by recipient.
[mailbox.catchall]
host = 127.0.0.1
port = $port
security = starttls
ca_file = dovecot/ssl/ca.pem
user = catchall
password_file = catchall.password
type = global
accepted_domains = office.example
rule1 = *@office.example -> *@office.example
INI
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${DEMO_HEADLESS:-}" ]; then
    # The service runs the pipeline; the manager only talks to it over its control socket.
    build/app/pop3connectord --config "$demo/pop3connector.ini" 2>>"$demo/pop3connectord.log" &
    daemon=$!
    trap 'kill "$daemon" 2>/dev/null; wait "$daemon" 2>/dev/null || true' EXIT
    echo "pop3connectord runs (pid $daemon, log $demo/pop3connectord.log)."
    echo "Opening the manager on $demo/pop3connector.ini: press Retrieve now (Schedule tab)."
    echo "Stop the demo server afterwards with: scripts/private-dovecot.sh stop $demo/dovecot"
    build/app/pop3connector --config "$demo/pop3connector.ini"
    exit 0
fi
echo
echo "== No display: pop3connectord --once runs download, transfer and dispatch"
build/app/pop3connectord --config "$demo/pop3connector.ini" --once || true
echo
echo "== Local mailboxes of the office after delivery:"
total=0
for user in "${office[@]}"; do
    box=$demo/dovecot/mail/$user
    # Delivered mail is a file in new/ (or in cur/ once a client has seen it).
    count=$(find "$box/new" "$box/cur" -maxdepth 1 -type f 2>/dev/null | wc -l)
    total=$((total + count))
    printf '   %-28s %3d messages\n' "$user@office.example" "$count"
done
if [ "$total" -eq 0 ]; then
    echo "   Nothing arrived: see the events above and $demo/dovecot/dovecot.log."
fi
echo
echo "Configuration: $demo/pop3connector.ini   Spool: $demo/spool   Events: $demo/spool/log/events.log"
echo "With a display (or: xvfb-run), the manager: build/app/pop3connector --config $demo/pop3connector.ini"
echo "Stop the demo server with: scripts/private-dovecot.sh stop $demo/dovecot"

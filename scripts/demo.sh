#!/bin/bash
# The demo, from a fresh Debian 12 machine (as root): installs what is missing, builds, starts a
# private Dovecot on 127.0.0.1 that plays the provider's POP3 server with two mailboxes of
# sample mail, and runs the connector once over TLS, so mail flows without an ISP account.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
demo=$PWD/demo
port=${DEMO_PORT:-20110}
./scripts/private-dovecot.sh start "$demo/dovecot" "$port" sales:sales-pw info:info-pw
for box in sales info; do
    build/tests/p3c-corpus 40 "$demo/dovecot/mail/$box" "$RANDOM" > /dev/null
done
chown -R 65534:65534 "$demo/dovecot/mail"
mkdir -p "$demo"
for box in sales info; do
    (umask 077; echo "$box-pw" > "$demo/$box.password")
done
cat > "$demo/pop3connector.ini" <<INI
[connector]
spool = spool
log_level = medium
interval_minutes = 5

[mailbox.sales]
host = 127.0.0.1
port = $((port + 1))
security = tls
ca_file = dovecot/ssl/ca.pem
user = sales
password_file = sales.password
local_mailbox = sales@office.example

[mailbox.info]
host = 127.0.0.1
port = $port
security = starttls
ca_file = dovecot/ssl/ca.pem
user = info
password_file = info.password
local_mailbox = info@office.example
INI
echo
echo "== pop3connectord --once: retrieving 2 mailboxes from the demo provider"
build/app/pop3connectord --config "$demo/pop3connector.ini" --once --stages download || true
echo
echo "== Incoming Mail now holds $(ls "$demo/spool/Incoming Mail" | grep -c '\.eml$') messages; the first three:"
find "$demo/spool/Incoming Mail" -name '*.eml' | sort | head -3 | while read -r f; do
    echo "   $(basename "$f"): $(grep -m1 '^Subject:' "$f" | tr -d '\r')"
done
echo
echo "Configuration: $demo/pop3connector.ini   Spool: $demo/spool   Events: $demo/spool/log/events.log"
echo "Run again with: build/app/pop3connectord --config $demo/pop3connector.ini --once"
echo "Stop the demo server with: scripts/private-dovecot.sh stop $demo/dovecot"

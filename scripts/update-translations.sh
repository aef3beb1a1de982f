#!/bin/bash
# Refreshes translations/*.ts from every tr() in core/, ui/ and app/ and from the event
# catalogue's texts (core/events/events.json, through the table scripts/events.py makes of it);
# then translate what is marked unfinished, in Qt Linguist or by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
generated=$(mktemp -d)
trap 'rm -rf "$generated"' EXIT
python3 scripts/events.py core/events/events.json --catalogue "$generated/eventcatalog.cpp"
/usr/lib/qt6/bin/lupdate core ui app "$generated/eventcatalog.cpp" \
    -ts translations/pop3connector_ja.ts translations/pop3connector_en.ts -locations none -no-obsolete

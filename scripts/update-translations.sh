#!/bin/bash
# Refreshes translations/*.ts from every tr() in core/, ui/ and app/ (then translate what is
# marked unfinished, in Qt Linguist or by hand).
set -euo pipefail
cd "$(dirname "$0")/.."
/usr/lib/qt6/bin/lupdate core ui app -ts translations/pop3connector_ja.ts translations/pop3connector_en.ts \
    -locations none -no-obsolete

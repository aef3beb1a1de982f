#!/usr/bin/env python3
"""Writes docs/events.md from the event catalog in core/events/event.cpp (run after changing it)."""
import os
import re

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
src = open(os.path.join(root, 'core/events/event.cpp'), encoding='utf-8').read()
enum = open(os.path.join(root, 'core/events/event.h'), encoding='utf-8').read()
ids = {name: int(value) for name, value in re.findall(r'(\w+) = (\d+),', enum)}
body = src[src.index('const Row kRows[] = {'):src.index('} // namespace\n\nEvent Event::make')]
TR = r'(QT_TRANSLATE_NOOP\(\s*"Pop3Connector::Events",\s*(?:"(?:[^"\\]|\\.)*"\s*)+\))'
rows = re.findall(r'\{EventId::(\w+),\s*Severity::(\w+),\s*Category::(\w+),\s*LogLevel::(\w+),\s*'
                  + TR + r',\s*' + TR + r',\s*' + TR + r'\s*\}', body, re.S)


def text(tr):
    return ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', tr)[1:]).replace('\\"', '"')


rows.sort(key=lambda r: ids[r[0]])
out = ["# Events", "",
       "Every stage of the connector reports what happens as an event with an id, a time, a severity,",
       "a category (Download, Transfer, Delivery, Service, Configuration, Diagnostics), the mailbox and",
       "message it concerns, and a text with the particulars. Events are written to `log/events.log` in",
       "the spool (one JSON object per line), to standard error by `pop3connectord`, and shown with their",
       "cause and fix in the manager's Troubleshooting tab.", "",
       "The log level decides what is kept: **Minimum** keeps errors, **Medium** (the default) adds",
       "warnings and summaries, **Maximum** adds every message stored, routed and delivered and writes the",
       "POP3 and SMTP/LMTP transcripts (passwords masked) to `log/transcripts/`. **None** keeps nothing.", "",
       "Where the Small Business Server 2003 POP3 connector reported the same condition, the id is the one",
       "administrators know: 1046, 1048, 1070, 12052.", "",
       "This file is generated from `core/events/event.cpp` by `scripts/events-doc.py`.", "",
       "| id | severity | category | kept from | title |", "|---|---|---|---|---|"]
for r in rows:
    out.append(f"| {ids[r[0]]} | {r[1]} | {r[2]} | {r[3]} | {text(r[4])} |")
out.append("")
for r in rows:
    out += [f"### {ids[r[0]]} {text(r[4])}", "",
            f"*{r[1]}, {r[2]}, kept from log level {r[3]}.*", "",
            f"**Cause.** {text(r[5])}", "", f"**Fix.** {text(r[6])}", ""]
open(os.path.join(root, 'docs/events.md'), 'w', encoding='utf-8').write('\n'.join(out))
print(f"{len(rows)} events")

#!/usr/bin/env python3
"""Checks that core/ keeps its rooms' order: a file includes headers of its own room and of
rooms listed before it, never after. The manager (ui/ and app/manager_main.cpp) is a client of
the service: it includes no pipeline stage, no socket of its own (Control::Client has it), nothing
that runs the service and nothing that reads spool files or passwords. Exit 1 with each
offending line."""
import os
import re
import sys

ROOMS = ['base', 'events', 'protocol', 'config', 'oauth', 'spool', 'pipeline', 'diagnosis', 'service']
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
include = re.compile(r'#include "([a-z]+)/')
problems = []
for folder, _, files in os.walk(os.path.join(root, 'core')):
    rel = os.path.relpath(folder, os.path.join(root, 'core'))
    room = rel.split(os.sep)[0]
    if room not in ROOMS:
        continue
    for f in files:
        path = os.path.join(folder, f)
        for n, line in enumerate(open(path, encoding='utf-8'), 1):
            m = include.match(line)
            if m and m.group(1) in ROOMS and ROOMS.index(m.group(1)) > ROOMS.index(room):
                problems.append(f'core/{rel}/{f}:{n}: {room}/ includes {m.group(1)}/: {line.strip()}')
# What the manager may include of the core: types, the configuration's text, the client.
MANAGER_MAY = {
    'base/clock.h', 'base/durablefs.h', 'base/phrase.h', 'base/result.h',
    'events/event.h', 'events/eventcatalog.h', 'events/reports.h',
    'config/configkeys.h', 'config/configuration.h', 'config/configurationtext.h',
    'spool/spool.h', 'spool/spoolbrowser.h', 'diagnosis/diagnosis.h',
    'spool/trackingrecord.h',
    'service/browsersignin.h', 'service/controlclient.h', 'service/controlendpoint.h',
    'service/controlmessages.h',
}
SOCKETS = re.compile(r'#include <(QLocalSocket|QLocalServer|QTcpSocket|QTcpServer|QSslSocket|'
                     r'QUdpSocket|QAbstractSocket)>')
manager = [os.path.join('ui', f) for f in sorted(os.listdir(os.path.join(root, 'ui')))
           if f.endswith(('.cpp', '.h'))] + [os.path.join('app', 'manager_main.cpp')]
for rel in manager:
    for n, line in enumerate(open(os.path.join(root, rel), encoding='utf-8'), 1):
        core = re.match(r'#include "((' + '|'.join(ROOMS) + r')/[^"]+)"',
                        line)
        if core and core.group(1).startswith('pipeline/'):
            problems.append(f'{rel}:{n}: the manager runs no stage: {line.strip()}')
        elif core and core.group(1) not in MANAGER_MAY:
            problems.append(f'{rel}:{n}: the manager is a client of the service: {line.strip()}')
        if SOCKETS.match(line):
            problems.append(f'{rel}:{n}: the manager opens no socket of its own: {line.strip()}')
for p in problems:
    print(p)
sys.exit(1 if problems else 0)

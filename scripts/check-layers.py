#!/usr/bin/env python3
"""Checks that core/ keeps its rooms' order: a file includes headers of its own room and of
rooms listed before it, never after. ui/ and app/ may include any core header except the
pipeline's stages (the manager is a client of the service). Exit 1 with each offending line."""
import os
import re
import sys

ROOMS = ['base', 'events', 'protocol', 'config', 'oauth', 'spool', 'pipeline', 'service']
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
for f in sorted(os.listdir(os.path.join(root, 'ui'))):
    if not f.endswith(('.cpp', '.h')):
        continue
    for n, line in enumerate(open(os.path.join(root, 'ui', f), encoding='utf-8'), 1):
        if line.startswith('#include "pipeline/'):
            problems.append(f'ui/{f}:{n}: the manager runs no stage: {line.strip()}')
for p in problems:
    print(p)
sys.exit(1 if problems else 0)

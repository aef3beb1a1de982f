#pragma once

#include "events/event.h"

#include <span>

namespace Pop3Connector {

// One event as core/events/events.json describes it, its texts in English; describe() translates
// them in the context "Pop3Connector::Events".
struct EventRow
{
    EventId id;
    Severity severity;
    Category category;
    LogLevel level;
    const char *title;
    const char *cause;
    const char *fix;
};

// Every event, in id order. The build makes the table from core/events/events.json
// (scripts/events.py), so that the enum, this table and docs/events.md never disagree.
std::span<const EventRow> eventRows();

} // namespace Pop3Connector

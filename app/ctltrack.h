#pragma once

#include "ctlcommand.h"
#include "spool/trackingrecord.h"

#include <QCborMap>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// pop3connectorctl track: what its options mean and how a message's path reads. Pure, so that
// the command line's forms are tested in a table.
namespace CtlTrack {

// --since and --until: an ISO 8601 date ("2026-03-01", local midnight) or date-time
// ("2026-03-01T09:30", local unless it names a zone), or a span back from `now`: "90m", "12h",
// "7d". Nothing for anything else.
std::optional<QDateTime> parseTime(const QString &text, const QDateTime &now);

// What is wrong with --since and --until for `command` (bad usage): given to another command,
// not a time, or a track with neither a QUERY nor a range. Nothing when they are fine.
std::optional<QString> checkRange(const CtlCommand &command, const QString &since,
    const QString &until, bool sinceSet, bool untilSet);

// The search `command` asks for: its QUERY and range (checked by checkRange()).
Pop3Connector::TrackingQuery query(const CtlCommand &command, const QDateTime &now);
// The messages of a `track` reply.
QList<Pop3Connector::TrackedMessage> messages(const QCborMap &reply);

// Each message: its name and where it is now, then one line per record, oldest first, the time
// in local time; a sentence when there is none.
QString format(const QList<Pop3Connector::TrackedMessage> &messages);

} // namespace CtlTrack

#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <limits>
#include <optional>

namespace Pop3Connector {

// One step of one message's path through the connector, as the message journal keeps it
// (docs/design.md "Message tracking"). Every record names the message by its spool name, the
// key all the records of one message share: the download stage streams a message to disk
// without reading its header, so the header's Message-ID, sender and subject arrive with the
// Routed record, and a search that matches any record returns the message's whole path.
struct TrackingRecord
{
    enum class Kind {
        Stored, // retrieved into Incoming Mail: mailbox, server, uid, size
        Routed, // put in PickUp: messageId, sender, subject, recipients, detail = how
        Delivered, // accepted by the mail server: recipients, detail = its reply
        Deferred, // to be tried again: detail = why
        Failed, // moved to Failed Mail: detail = why
        BadMail, // given up: detail = why
        Action, // an administrator's: detail = which, actor = who
    };

    qint64 time = 0; // milliseconds since the epoch, UTC
    Kind kind = Kind::Stored;
    QString message; // spool name
    QString mailbox; // an Action's: the spool folder it acted on
    QString server; // a delivery's: the local mail server
    QString uid;
    qint64 size = -1; // -1: not known
    QString messageId;
    QString sender;
    QString subject;
    QString recipients;
    QString detail;
    QString actor;

    // One line, without its newline: tab-separated fields, each with backslash, tab, CR, LF
    // and every other control escaped, and cut at kMaxField characters, so that no header or
    // server reply can break a line, add one or make one unbounded.
    QByteArray serialize() const;
    // Nothing for a line that is not a whole record (a torn last line, garbage).
    static std::optional<TrackingRecord> parse(QByteArrayView line);

    static constexpr qsizetype kMaxField = 2048;
    // A Stored record's detail when the mailbox keeps its mail on the server.
    static inline const QString kLeftOnServer = QStringLiteral("left on the server");
};

QString trackingKindName(TrackingRecord::Kind kind);
std::optional<TrackingRecord::Kind> trackingKindFromName(QStringView name);

// What an administrator looks for: text found (case-insensitively) in the Message-ID, sender,
// recipients, subject, spool name or UIDL of a record, within a time range.
struct TrackingQuery
{
    QString text; // empty: every record in the range
    qint64 since = 0; // milliseconds since the epoch, inclusive
    qint64 until = std::numeric_limits<qint64>::max();
    int limit = 100; // messages at most

    bool matches(const TrackingRecord &record) const;
    bool inRange(qint64 time) const { return time >= since && time <= until; }
};

// One message's path, oldest record first.
struct TrackedMessage
{
    QString message;
    QList<TrackingRecord> records;
};

// Where a message is now, from its path: "Incoming Mail", "PickUp", "delivered" ..., and that
// a copy is still on the server when its mailbox leaves mail there.
QString trackedLocation(const QList<TrackingRecord> &records);

} // namespace Pop3Connector

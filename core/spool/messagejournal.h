#pragma once

#include "base/durablefs.h"
#include "base/result.h"
#include "spool/trackingrecord.h"

#include <QList>
#include <QMutex>
#include <QString>

namespace Pop3Connector {

// The message journal (docs/design.md "Message tracking"): every message's path, kept whatever
// the log level, one file a day (state/tracking/YYYY-MM-DD.log, 0600), one record a line.
// Old days drop by removing their files; a day holds at most kMaxDayBytes, so the journal is
// bounded by keepDays() * kMaxDayBytes. It is an administrator's record, not a durability
// promise: append() writes without syncing and sync() makes the day durable at cycle end.
// Thread-safe: the stages append from their own threads.
class MessageJournal
{
public:
    static constexpr int kDefaultKeepDays = 30;
    static constexpr qint64 kMaxDayBytes = qint64(256) << 20;

    explicit MessageJournal(QString folder);

    QString folder() const { return m_folder; }
    int keepDays() const;
    void setKeepDays(int days);

    // Appends the records to today's file, in one write. Records beyond a full day are
    // dropped (and counted in dropped()); a failed write is taken back whole.
    [[nodiscard]] Status append(const QList<TrackingRecord> &records);
    // Makes today's records durable.
    [[nodiscard]] Status sync();
    // Removes the day files older than keepDays().
    [[nodiscard]] Status prune();
    qint64 dropped() const;
    // Whether a failure append() or sync() just returned is to be told: only the first since a
    // sync() succeeded with every append() before it, so that an outage is one event and not
    // one for each run of each stage (and a day that is full, one a day).
    bool tellFailure();

    // The messages with a record matching `query`, each with its whole path; at most
    // query.limit, the most recent first. Lines that are not whole records are skipped.
    [[nodiscard]] Result<QList<TrackedMessage>> search(const TrackingQuery &query) const;

    // The file name of the day of `msecs` (UTC).
    static QString dayFileName(qint64 msecs);

private:
    [[nodiscard]] Status openDay(const QString &name);

    QString m_folder;
    mutable QMutex m_mutex;
    int m_keepDays = kDefaultKeepDays;
    QString m_dayName;
    DurableFs::File m_file;
    qint64 m_dropped = 0;
    bool m_failureTold = false;
    bool m_failedSinceSync = false;
};

// The sentence for an administrator when records could not be written (event SpoolUnusable).
QString journalFailure(const Error &error);

} // namespace Pop3Connector

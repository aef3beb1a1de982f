#pragma once

#include "events/event.h"
#include "service/cyclereport.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <optional>

namespace Pop3Connector {

// Something wrong that the administrator is told of by mail, under a key that stays the same
// from cycle to cycle: "mailbox:sales", "delivery", "transfer", "failed-mail", "badmail", "disk".
struct Problem
{
    QString key;
    EventId eventId = EventId::CycleFinished; // its cause and fix in the event catalogue
    QString subject; // translated: "mailbox sales", "delivery to the local mail server"
    QString text; // what happened, the last time it was seen

    bool operator==(const Problem &) const = default;
};

// What the service saw at the end of a cycle.
struct Observation
{
    CycleReport report;
    int failedMail = -1; // messages in Failed Mail; -1: not counted
    int badMail = -1;
    qint64 bytesFree = -1; // of the spool's file system; -1: unknown
    qint64 bytesTotal = -1;
};

// What is remembered of one problem, across restarts of the service.
struct ProblemRecord
{
    Problem problem;
    bool open = false;
    QDateTime since; // when it started (open) or ended
    bool told = false; // the last message the administrator received said it is open
    QDateTime lastTold; // when a "started" message about it was last queued

    bool operator==(const ProblemRecord &) const = default;
};
// Problem key -> its record.
using NotificationState = QMap<QString, ProblemRecord>;

// A message owed to the administrator.
struct ProblemNotice
{
    enum class Kind { Started, Ended };
    Kind kind = Kind::Started;
    Problem problem;
    QDateTime since;
};

struct Decision
{
    QList<Problem> started; // this cycle
    QList<Problem> ended; // this cycle
    QList<ProblemRecord> open; // every problem open now, oldest first
    QList<ProblemNotice> notices; // to send now
    NotificationState next;
};

// Pure: turns what the service sees into problems and decides whom to tell (docs/troubleshooting.md
// "Notifications"). A mailbox's problem starts at its first failed cycle and ends at its first good
// one; delivery's when the local server refuses the session or nothing in PickUp could be
// delivered; Failed Mail's and BadMail's when new messages arrive there, ending when the folder is
// empty again; the disk's when the spool's file system is nearly full (SpoolChecks' warning level).
// A problem nobody looked at this cycle (a mailbox not retrieved, a stage that did not run) stays
// as it was.
class NotificationPolicy
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::NotificationPolicy)

public:
    // A problem that started again is told again no sooner than this after the last time.
    static constexpr qint64 kQuietSeconds = 3600;

    struct Findings
    {
        QList<Problem> problems;
        QSet<QString> looked; // the keys this observation can judge, open or not
    };
    static Findings find(const Observation &observation, const NotificationState &state);

    // A "started" message goes when a problem opens, unless one about it went within the hour:
    // then it waits, and goes at the first cycle after the hour if the problem is still open.
    // An "ended" message goes when a problem the administrator was told of ends; a problem that
    // started and ended while its message waited is never told.
    static Decision decide(
        const NotificationState &state, const Findings &findings, const QDateTime &now);

    // The state file's bytes (JSON), and back; nothing when the bytes are not such a file.
    static QByteArray save(const NotificationState &state);
    static std::optional<NotificationState> load(const QByteArray &bytes);
};

} // namespace Pop3Connector

// p3c-tracking-bench: what the message journal costs. Writes N records (default 1,000,000: an
// office's month) as the stages do, four a message (stored, routed, delivered, and a fifth of
// messages deferred once), over 30 day files, then searches them as pop3connectorctl track does:
// by a Message-ID (one message), a sender (a few hundred), a subject word, a recipient, and a
// time range, each RUNS times (default 5); prints the medians. Also the cost of recording: the
// time to append one cycle's Stored records (256 a batch, as SpoolCommitter does) per message.
// Run from the build folder: build/tests/p3c-tracking-bench [N] [RUNS]
#include "base/clock.h"
#include "spool/messagejournal.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace Pop3Connector;

namespace {

const QDateTime kStart(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC);
constexpr int kDays = 30;

// As Spool::newMessageName() names them: the time the message was stored, then a counter.
QString name(qint64 i, qint64 t)
{
    return QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyyMMddTHHmmsszzz"))
        + QStringLiteral("Z-1a2b-%1").arg(i, 6, 16, QLatin1Char('0'));
}

// Message i of perDay a day arrives (i % perDay) seconds into its day.
qint64 timeOf(qint64 i, qint64 perDay)
{
    return kStart.toMSecsSinceEpoch() + (i / perDay) * 86400000 + (i % perDay) * 1000;
}

QList<TrackingRecord> pathOf(qint64 i, qint64 t)
{
    TrackingRecord stored;
    stored.time = t;
    stored.kind = TrackingRecord::Kind::Stored;
    stored.message = name(i, t);
    stored.mailbox = QStringLiteral("office");
    stored.server = QStringLiteral("pop.provider.example");
    stored.uid = QStringLiteral("UID%1-a8f3c2d1").arg(i);
    stored.size = 2000 + (i * 7919) % 200000;
    TrackingRecord routed = stored;
    routed.time = t + 1000;
    routed.kind = TrackingRecord::Kind::Routed;
    routed.messageId = QStringLiteral("%1.%2@mail.sender%3.example").arg(i).arg(i * 31).arg(i % 97);
    routed.sender = QStringLiteral("user%1@sender%2.example").arg(i % 2000).arg(i % 97);
    routed.subject =
        QStringLiteral("Re: order %1 — delivery schedule for week %2").arg(i % 50000).arg(i % 52);
    routed.recipients = QStringLiteral("staff%1@office.example").arg(i % 40);
    routed.detail = QStringLiteral("Delivered-To; *@office.example -> *@office.example");
    TrackingRecord delivered = routed;
    delivered.time = t + 2000;
    delivered.kind = TrackingRecord::Kind::Delivered;
    delivered.server = QStringLiteral("127.0.0.1");
    delivered.detail =
        QStringLiteral("250 2.0.0 <%1> Ok: queued as 4F%2").arg(delivered.recipients).arg(i, 0, 16);
    delivered.messageId.clear();
    delivered.sender.clear();
    delivered.subject.clear();
    QList<TrackingRecord> out {stored, routed};
    if (i % 5 == 0) {
        TrackingRecord deferred = delivered;
        deferred.kind = TrackingRecord::Kind::Deferred;
        deferred.time = t + 1500;
        deferred.detail = QStringLiteral("451 4.3.0 temporary failure");
        out.append(deferred);
    }
    out.append(delivered);
    return out;
}

// CPU time of the process, all threads: on a machine shared with other work the wall time
// measures the neighbours too.
double cpuMs()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3
        + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 n = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    const int runs = argc > 2 ? QByteArray(argv[2]).toInt() : 5;
    QTemporaryDir dir;
    ManualClock clock(kStart);
    MessageJournal journal(dir.path() + QStringLiteral("/tracking"));

    // Writing: a day's messages in cycles of 256, as the stages would.
    const qint64 messages = n * 5 / 16; // 3.2 records a message on average
    const qint64 perDay = (messages + kDays - 1) / kDays;
    qint64 written = 0;
    QElapsedTimer writing;
    writing.start();
    double storedMs = 0;
    qint64 storedCount = 0;
    for (qint64 i = 0; i < messages;) {
        const qint64 day = i / perDay;
        QList<TrackingRecord> stored;
        QList<TrackingRecord> rest;
        const qint64 end = std::min(messages, std::min(i + 256, (day + 1) * perDay));
        for (; i < end; ++i) {
            QList<TrackingRecord> path = pathOf(i, timeOf(i, perDay));
            stored.append(path.takeFirst());
            rest.append(path);
        }
        QElapsedTimer s;
        s.start();
        if (!journal.append(stored)) {
            std::fprintf(stderr, "append failed\n");
            return 1;
        }
        storedMs += s.nsecsElapsed() / 1e6;
        storedCount += stored.size();
        if (!journal.append(rest))
            return 1;
        written += stored.size() + rest.size();
        if (i % perDay == 0) {
            (void)journal.sync();
            clock.advance(86400);
        }
    }
    (void)journal.sync();
    const double writeS = writing.elapsed() / 1000.0;
    std::printf("records written\t%lld\n", written);
    std::printf("messages\t%lld\n", messages);
    std::printf("write all (s)\t%.2f\n", writeS);
    std::printf("Stored records, append per message (us)\t%.2f\n", storedMs * 1000 / storedCount);

    const qint64 mid = messages / 2;
    const TrackingRecord probe = pathOf(mid, timeOf(mid, perDay))[1];
    struct Case
    {
        const char *what;
        TrackingQuery query;
    };
    TrackingQuery range;
    range.since = kStart.toMSecsSinceEpoch() + 10 * 86400000LL;
    range.until = range.since + 3600000;
    range.limit = 100;
    const QList<Case> cases = {
        {"Message-ID (one message)", {probe.messageId}},
        {"sender (limit 100 of ~150)", {probe.sender}},
        {"subject words (limit 100)", {QStringLiteral("order 4242 —")}},
        {"recipient (limit 100)", {QStringLiteral("staff7@office")}},
        {"spool name", {probe.message}},
        {"no match", {QStringLiteral("nobody@nowhere.example")}},
        {"time range, one hour (limit 100)", range},
    };
    for (const Case &c : cases) {
        QList<double> ms;
        QList<double> cpu;
        qsizetype found = 0;
        for (int r = 0; r < runs; ++r) {
            QElapsedTimer t;
            const double cpu0 = cpuMs();
            t.start();
            const Result<QList<TrackedMessage>> result = journal.search(c.query);
            ms.append(t.nsecsElapsed() / 1e6);
            cpu.append(cpuMs() - cpu0);
            if (!result)
                return 1;
            found = result->size();
        }
        std::printf("search %s: wall ms\t%.1f\tcpu ms (2 threads)\t%.1f\t(%lld message(s))\n",
            c.what, median(ms), median(cpu), qint64(found));
    }
    return 0;
}

// The message journal: records survive hostile header values whole, a torn last line is
// skipped, old days drop after tracking_days, and a search returns each message's whole path.
#include "base/clock.h"
#include "spool/messagejournal.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Pop3Connector;

namespace {

TrackingRecord record(TrackingRecord::Kind kind, const QString &message, qint64 time)
{
    TrackingRecord r;
    r.kind = kind;
    r.message = message;
    r.time = time;
    return r;
}

const QDateTime kStart(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);

} // namespace

class TestMessageJournal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void garbageIsNoRecord_data();
    void garbageIsNoRecord();
    void queryMatches_data();
    void queryMatches();
    void location_data();
    void location();
    void hostileValuesKeepOneLine();
    void tornLastLineIgnored();
    void searchReturnsWholePath();
    void oldDaysDrop();
    void filesArePrivate();
    void failedAppendIsAnError();
};

void TestMessageJournal::roundTrip_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << QStringLiteral("Quarterly report");
    QTest::newRow("crlf") << QStringLiteral("a\r\nInjected: yes\r\n");
    QTest::newRow("tab") << QStringLiteral("a\tb");
    QTest::newRow("backslash") << QStringLiteral("C:\\n\\x41");
    QTest::newRow("controls") << QString::fromUtf8("\x01\x1b[31m\x7f");
    QTest::newRow("japanese") << QStringLiteral("会議の議事録");
    QTest::newRow("empty") << QString();
}

void TestMessageJournal::roundTrip()
{
    QFETCH(QString, value);
    TrackingRecord r = record(TrackingRecord::Kind::Routed, QStringLiteral("m1"), 1234);
    r.subject = value;
    r.sender = value;
    r.detail = value;
    r.size = 42;
    const QByteArray line = r.serialize();
    QVERIFY(!line.contains('\n'));
    QVERIFY(!line.contains('\r'));
    const std::optional<TrackingRecord> back = TrackingRecord::parse(line);
    QVERIFY(back);
    QCOMPARE(back->subject, value);
    QCOMPARE(back->sender, value);
    QCOMPARE(back->detail, value);
    QCOMPARE(back->size, 42);
    QCOMPARE(back->time, 1234);
    QCOMPARE(back->kind, TrackingRecord::Kind::Routed);
}

void TestMessageJournal::garbageIsNoRecord_data()
{
    QTest::addColumn<QByteArray>("line");
    const QByteArray whole =
        record(TrackingRecord::Kind::Stored, QStringLiteral("m1"), 5).serialize();
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("torn before the end mark") << whole.chopped(1);
    QTest::newRow("torn mid-way") << whole.left(whole.size() / 2);
    QTest::newRow("extra column") << QByteArray(whole + "\t.");
    QTest::newRow("unknown kind") << QByteArray(whole).replace("stored", "eaten");
    QTest::newRow("bad time") << QByteArray("x" + whole);
    QTest::newRow("bad escape") << QByteArray(whole).replace("m1", "m\\q");
    QTest::newRow("short hex") << QByteArray(whole).replace("m1", "m\\x4");
}

void TestMessageJournal::garbageIsNoRecord()
{
    QFETCH(QByteArray, line);
    QVERIFY(!TrackingRecord::parse(line));
}

void TestMessageJournal::queryMatches_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("since");
    QTest::addColumn<qint64>("until");
    QTest::addColumn<bool>("matches");
    const qint64 max = std::numeric_limits<qint64>::max();
    QTest::newRow("message-id") << QStringLiteral("abc@example") << qint64(0) << max << true;
    QTest::newRow("sender any case") << QStringLiteral("ALICE@") << qint64(0) << max << true;
    QTest::newRow("recipient") << QStringLiteral("bob@office") << qint64(0) << max << true;
    QTest::newRow("subject") << QStringLiteral("invoice") << qint64(0) << max << true;
    QTest::newRow("spool name") << QStringLiteral("m7") << qint64(0) << max << true;
    QTest::newRow("elsewhere only") << QStringLiteral("250 2.0.0") << qint64(0) << max << false;
    QTest::newRow("before range") << QString() << qint64(101) << max << false;
    QTest::newRow("after range") << QString() << qint64(0) << qint64(99) << false;
    QTest::newRow("range edges") << QString() << qint64(100) << qint64(100) << true;
}

void TestMessageJournal::queryMatches()
{
    QFETCH(QString, text);
    QFETCH(qint64, since);
    QFETCH(qint64, until);
    QFETCH(bool, matches);
    TrackingRecord r = record(TrackingRecord::Kind::Routed, QStringLiteral("m7"), 100);
    r.messageId = QStringLiteral("abc@example.com");
    r.sender = QStringLiteral("alice@example.com");
    r.recipients = QStringLiteral("bob@office.example");
    r.subject = QStringLiteral("Your Invoice");
    r.detail = QStringLiteral("250 2.0.0 queued");
    TrackingQuery q;
    q.text = text;
    q.since = since;
    q.until = until;
    QCOMPARE(q.matches(r), matches);
}

void TestMessageJournal::location_data()
{
    using K = TrackingRecord::Kind;
    QTest::addColumn<QList<int>>("kinds");
    QTest::addColumn<QString>("detail"); // of an action
    QTest::addColumn<QString>("where");
    QTest::newRow("stored") << QList<int> {int(K::Stored)} << QString() << u"Incoming Mail"_qs;
    QTest::newRow("routed") << QList<int> {int(K::Stored), int(K::Routed)} << QString()
                            << u"PickUp"_qs;
    QTest::newRow("delivered") << QList<int> {int(K::Stored), int(K::Routed), int(K::Delivered)}
                               << QString() << u"delivered"_qs;
    QTest::newRow("failed") << QList<int> {int(K::Stored), int(K::Failed)} << QString()
                            << u"Failed Mail"_qs;
    QTest::newRow("badmail") << QList<int> {int(K::Routed), int(K::BadMail)} << QString()
                             << u"BadMail"_qs;
    QTest::newRow("requeued") << QList<int> {int(K::BadMail), int(K::Action)} << u"requeue"_qs
                              << u"PickUp"_qs;
    QTest::newRow("deleted") << QList<int> {int(K::Failed), int(K::Action)} << u"delete"_qs
                             << u"deleted"_qs;
    QTest::newRow("exported stays")
        << QList<int> {int(K::Failed), int(K::Action)} << u"export"_qs << u"Failed Mail"_qs;
    QTest::newRow("left on the server")
        << QList<int> {int(K::Stored), int(K::Routed), int(K::Delivered)}
        << TrackingRecord::kLeftOnServer << u"delivered; still on the server"_qs;
    QTest::newRow("nothing") << QList<int> {} << QString() << u"unknown"_qs;
}

void TestMessageJournal::location()
{
    QFETCH(QList<int>, kinds);
    QFETCH(QString, detail);
    QFETCH(QString, where);
    QList<TrackingRecord> records;
    for (int k : kinds) {
        TrackingRecord r = record(TrackingRecord::Kind(k), QStringLiteral("m"), records.size());
        r.detail = detail;
        records.append(r);
    }
    QCOMPARE(trackedLocation(records), where);
}

void TestMessageJournal::hostileValuesKeepOneLine()
{
    QTemporaryDir dir;
    ManualClock clock(kStart);
    MessageJournal journal(dir.path());
    TrackingRecord r =
        record(TrackingRecord::Kind::Routed, QStringLiteral("m1"), kStart.toMSecsSinceEpoch());
    r.subject = QStringLiteral("hello\r\n1\tstored\tforged\r\n");
    r.messageId = QString(10 * 1024, u'x') + QStringLiteral("@\n");
    r.sender = QStringLiteral("\x1b]0;title\x07@evil");
    QVERIFY(journal
                .append({r,
                    record(TrackingRecord::Kind::Delivered, QStringLiteral("m1"),
                        kStart.toMSecsSinceEpoch() + 1)})
                .ok());
    QFile file(dir.path() + u'/' + MessageJournal::dayFileName(kStart.toMSecsSinceEpoch()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 3); // two records and what follows the last newline
    QVERIFY(lines[0].size() < 3 * TrackingRecord::kMaxField + 512); // bounded
    const Result<QList<TrackedMessage>> found = journal.search({QStringLiteral("forged")});
    QVERIFY(found.ok());
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->first().records.size(), 2);
    QCOMPARE(found->first().records.first().subject, r.subject);
    QCOMPARE(found->first().records.first().messageId, r.messageId.left(TrackingRecord::kMaxField));
    QCOMPARE(found->first().records.first().sender, r.sender);
}

void TestMessageJournal::tornLastLineIgnored()
{
    QTemporaryDir dir;
    ManualClock clock(kStart);
    const qint64 t = kStart.toMSecsSinceEpoch();
    const QString path = dir.path() + u'/' + MessageJournal::dayFileName(t);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        TrackingRecord whole = record(TrackingRecord::Kind::Stored, QStringLiteral("m1"), t);
        TrackingRecord torn = record(TrackingRecord::Kind::Failed, QStringLiteral("m1"), t + 1);
        const QByteArray tornLine = torn.serialize();
        file.write(whole.serialize() + '\n' + tornLine.left(tornLine.size() - 3));
    }
    MessageJournal journal(dir.path());
    Result<QList<TrackedMessage>> found = journal.search({QStringLiteral("m1")});
    QVERIFY(found.ok());
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->first().records.size(), 1);
    QCOMPARE(trackedLocation(found->first().records), QStringLiteral("Incoming Mail"));
    // The next record starts a line of its own, and the torn one stays unread.
    QVERIFY(
        journal.append({record(TrackingRecord::Kind::Routed, QStringLiteral("m1"), t + 2)}).ok());
    found = journal.search({QStringLiteral("m1")});
    QVERIFY(found.ok());
    QCOMPARE(found->first().records.size(), 2);
    QCOMPARE(found->first().records.last().kind, TrackingRecord::Kind::Routed);
}

void TestMessageJournal::searchReturnsWholePath()
{
    QTemporaryDir dir;
    ManualClock clock(kStart);
    MessageJournal journal(dir.path());
    const qint64 t = kStart.toMSecsSinceEpoch();
    TrackingRecord stored = record(TrackingRecord::Kind::Stored, QStringLiteral("m1"), t);
    TrackingRecord routed = record(TrackingRecord::Kind::Routed, QStringLiteral("m1"), t + 10);
    routed.messageId = QStringLiteral("id-1@example.com");
    TrackingRecord other = record(TrackingRecord::Kind::Routed, QStringLiteral("m2"), t + 20);
    other.messageId = QStringLiteral("id-2@example.com");
    QVERIFY(journal.append({stored, routed, other}).ok());
    clock.advance(86400); // delivered the next day: another file
    TrackingRecord delivered =
        record(TrackingRecord::Kind::Delivered, QStringLiteral("m1"), t + 86400000);
    QVERIFY(journal.append({delivered}).ok());
    QVERIFY(journal.sync().ok());

    const Result<QList<TrackedMessage>> found = journal.search({QStringLiteral("ID-1@")});
    QVERIFY(found.ok());
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->first().message, QStringLiteral("m1"));
    QCOMPARE(found->first().records.size(), 3);
    QCOMPARE(trackedLocation(found->first().records), QStringLiteral("delivered"));

    TrackingQuery late;
    late.since = t + 15;
    late.until = t + 30;
    const Result<QList<TrackedMessage>> inRange = journal.search(late);
    QVERIFY(inRange.ok());
    QCOMPARE(inRange->size(), 1);
    QCOMPARE(inRange->first().message, QStringLiteral("m2"));

    QVERIFY(journal.search({QStringLiteral("nobody")})->isEmpty());
}

void TestMessageJournal::oldDaysDrop()
{
    QTemporaryDir dir;
    ManualClock clock(kStart);
    MessageJournal journal(dir.path());
    journal.setKeepDays(3);
    const qint64 t = kStart.toMSecsSinceEpoch();
    QVERIFY(journal.append({record(TrackingRecord::Kind::Stored, QStringLiteral("old"), t)}).ok());
    clock.advance(3 * 86400);
    QVERIFY(journal.prune().ok());
    QVERIFY(!journal.search({QStringLiteral("old")})->isEmpty()); // three days: kept
    clock.advance(86400);
    QVERIFY(
        journal
            .append({record(TrackingRecord::Kind::Stored, QStringLiteral("new"), t + 4 * 86400000)})
            .ok());
    QVERIFY(journal.prune().ok());
    QVERIFY(journal.search({QStringLiteral("old")})->isEmpty());
    QVERIFY(!QFile::exists(dir.path() + u'/' + MessageJournal::dayFileName(t)));
    QCOMPARE(journal.search({QStringLiteral("new")})->size(), 1);
}

void TestMessageJournal::filesArePrivate()
{
    QTemporaryDir dir;
    MessageJournal journal(dir.path() + QStringLiteral("/tracking"));
    QVERIFY(journal.append({record(TrackingRecord::Kind::Stored, QStringLiteral("m"), 1)}).ok());
    struct stat st
    {
    };
    const QString file =
        journal.folder() + u'/' + MessageJournal::dayFileName(Clock::nowUtc().toMSecsSinceEpoch());
    QCOMPARE(::stat(QFile::encodeName(file).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0600u);
}

void TestMessageJournal::failedAppendIsAnError()
{
    QTemporaryDir dir;
    QFile inTheWay(dir.path() + QStringLiteral("/tracking")); // a file where the folder goes
    QVERIFY(inTheWay.open(QIODevice::WriteOnly));
    inTheWay.close();
    MessageJournal journal(inTheWay.fileName());
    const Status s = journal.append({record(TrackingRecord::Kind::Stored, QStringLiteral("m"), 1)});
    QVERIFY(!s);
    QVERIFY(journalFailure(s.error()).contains(s.error().message));
    QVERIFY(journal.append({}).ok()); // nothing to write: nothing fails
}

QTEST_GUILESS_MAIN(TestMessageJournal)
#include "tst_messagejournal.moc"

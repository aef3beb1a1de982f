// pop3connectorctl track: the forms of --since and --until, what counts as bad usage, and a
// path printed one record a line whatever its header held.
#include "ctlcommand.h"
#include "ctltrack.h"

#include <QTest>

using namespace Pop3Connector;

class TestCtlTrack : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseTime_data();
    void parseTime();
    void checkRange_data();
    void checkRange();
    void formatKeepsOneLinePerRecord();
    void queryOfTheCommand();
};

void TestCtlTrack::parseTime_data()
{
    const QDateTime now(QDate(2026, 3, 10), QTime(12, 0));
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected"); // invalid: refused
    QTest::newRow("date") << u"2026-03-01"_qs << QDate(2026, 3, 1).startOfDay();
    QTest::newRow("date-time") << u"2026-03-01T09:30"_qs
                               << QDateTime(QDate(2026, 3, 1), QTime(9, 30));
    QTest::newRow("with a space") << u"2026-03-01 09:30"_qs
                                  << QDateTime(QDate(2026, 3, 1), QTime(9, 30));
    QTest::newRow("utc") << u"2026-03-01T09:30:00Z"_qs
                         << QDateTime(QDate(2026, 3, 1), QTime(9, 30), Qt::UTC);
    QTest::newRow("minutes") << u"90m"_qs << now.addSecs(-90 * 60);
    QTest::newRow("hours") << u"12h"_qs << now.addSecs(-12 * 3600);
    QTest::newRow("days") << u"7d"_qs << now.addDays(-7);
    QTest::newRow("unit missing") << u"7"_qs << QDateTime();
    QTest::newRow("weeks") << u"2w"_qs << QDateTime();
    QTest::newRow("negative") << u"-7d"_qs << QDateTime();
    QTest::newRow("words") << u"yesterday"_qs << QDateTime();
    QTest::newRow("bad date") << u"2026-02-30"_qs << QDateTime();
    QTest::newRow("empty") << u""_qs << QDateTime();
}

void TestCtlTrack::parseTime()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const std::optional<QDateTime> t =
        CtlTrack::parseTime(text, QDateTime(QDate(2026, 3, 10), QTime(12, 0)));
    QCOMPARE(t.has_value(), expected.isValid());
    if (t)
        QCOMPARE(t->toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
}

void TestCtlTrack::checkRange_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QString>("since");
    QTest::addColumn<QString>("until");
    QTest::addColumn<bool>("ok");
    QTest::newRow("query") << QStringList {u"track"_qs, u"alice@"_qs} << u""_qs << u""_qs << true;
    QTest::newRow("range only") << QStringList {u"track"_qs} << u"7d"_qs << u""_qs << true;
    QTest::newRow("both") << QStringList {u"track"_qs, u"x"_qs} << u"2026-03-01"_qs << u"1h"_qs
                          << true;
    QTest::newRow("nothing") << QStringList {u"track"_qs} << u""_qs << u""_qs << false;
    QTest::newRow("not a time") << QStringList {u"track"_qs, u"x"_qs} << u"soon"_qs << u""_qs
                                << false;
    QTest::newRow("other command") << QStringList {u"status"_qs} << u"7d"_qs << u""_qs << false;
    QTest::newRow("other, unset") << QStringList {u"status"_qs} << u""_qs << u""_qs << true;
}

void TestCtlTrack::checkRange()
{
    QFETCH(QStringList, words);
    QFETCH(QString, since);
    QFETCH(QString, until);
    QFETCH(bool, ok);
    QString error;
    const std::optional<CtlCommand> c = CtlCommand::parse(words, false, false, &error);
    QVERIFY2(c, qPrintable(error));
    const std::optional<QString> wrong =
        CtlTrack::checkRange(*c, since, until, !since.isEmpty(), !until.isEmpty());
    QCOMPARE(!wrong.has_value(), ok);
}

void TestCtlTrack::formatKeepsOneLinePerRecord()
{
    TrackedMessage m;
    m.message = QStringLiteral("20260301-0001");
    TrackingRecord stored;
    stored.kind = TrackingRecord::Kind::Stored;
    stored.mailbox = QStringLiteral("shop");
    stored.server = QStringLiteral("pop.example.com");
    stored.uid = QStringLiteral("u1");
    stored.size = 1200;
    TrackingRecord routed;
    routed.kind = TrackingRecord::Kind::Routed;
    routed.subject = QStringLiteral("hello\r\nX-Forged: yes");
    routed.recipients = QStringLiteral("bob@office.example");
    TrackingRecord action;
    action.kind = TrackingRecord::Kind::Action;
    action.detail = QStringLiteral("requeue");
    action.mailbox = QStringLiteral("BadMail");
    action.actor = QStringLiteral("alice (uid 1000)");
    m.records = {stored, routed, action};
    const QString text = CtlTrack::format({m});
    QCOMPARE(text.count(u'\n'), 4); // the heading and three records
    QVERIFY(text.contains(QStringLiteral("now: PickUp")));
    QVERIFY(text.contains(QStringLiteral("requeue in BadMail by alice (uid 1000)")));
    QVERIFY(text.contains(QStringLiteral("UIDL u1")));
    QVERIFY(!text.contains(QStringLiteral("\r")));
}

void TestCtlTrack::queryOfTheCommand()
{
    QString error;
    CtlCommand c = *CtlCommand::parse({u"track"_qs, u"bob@"_qs}, false, false, &error);
    c.since = u"2026-03-01"_qs;
    const TrackingQuery q = CtlTrack::query(c, QDateTime(QDate(2026, 3, 10), QTime(12, 0)));
    QCOMPARE(q.text, u"bob@"_qs);
    QCOMPARE(q.since, QDate(2026, 3, 1).startOfDay().toMSecsSinceEpoch());
    QCOMPARE(q.until, std::numeric_limits<qint64>::max());
    QCOMPARE(CtlTrack::format({}), u"No message matches.\n"_qs);
}

QTEST_GUILESS_MAIN(TestCtlTrack)
#include "tst_ctltrack.moc"

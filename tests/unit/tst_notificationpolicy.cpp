// When the administrator is told of a problem, decided from what each cycle saw alone: a table of
// cycles (minutes from the start and what each saw) against the reports they send, written out
// as text. Also the report's message as it travels.
#include "service/notificationmail.h"
#include "service/notificationpolicy.h"

#include <QTest>

using namespace Pop3Connector;

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 11, 30), QTime(8, 0), Qt::UTC);

// One cycle from words: "sales" retrieved, "!sales" failed, "~sales" cancelled; "d" delivered,
// "!d" the local server refused the session, "?d" everything deferred; "t3" three new messages
// in Failed Mail, "F2" two in it now; "r1" one rejected into BadMail, "B0" BadMail empty; "disk"
// plenty of room, "!disk" nearly full. "restart" saves and reloads the state first.
Observation observe(const QStringList &words)
{
    Observation o;
    for (const QString &w : words) {
        if (w == u"d" || w == u"!d" || w == u"?d") {
            DispatchReport d;
            if (w == u"!d") {
                d.failure = QStringLiteral("connection refused");
                d.failureId = EventId::LocalServerUnreachable;
            } else if (w == u"?d") {
                d.deferred = 2;
            } else {
                d.delivered = 1;
            }
            o.report.dispatch = d;
        } else if (w.startsWith(u't')) {
            TransferReport t;
            t.failed = w.mid(1).toInt();
            o.report.transfer = t;
        } else if (w.startsWith(u'F')) {
            o.failedMail = w.mid(1).toInt();
        } else if (w.startsWith(u'r')) {
            if (!o.report.dispatch)
                o.report.dispatch = DispatchReport();
            o.report.dispatch->rejected = w.mid(1).toInt();
        } else if (w.startsWith(u'B')) {
            o.badMail = w.mid(1).toInt();
        } else if (w.endsWith(u"disk")) {
            o.bytesTotal = 100LL * 1024 * 1024 * 1024;
            o.bytesFree = w.startsWith(u'!') ? 512LL * 1024 * 1024 : o.bytesTotal / 2;
        } else {
            RetrievalReport r;
            r.mailbox = w;
            if (w.startsWith(u'!')) {
                r.mailbox = w.mid(1);
                r.outcome = RetrievalReport::Outcome::Failed;
                r.failureId = EventId::AuthenticationFailed;
                r.failureText = QStringLiteral("-ERR wrong password");
            } else if (w.startsWith(u'~')) {
                r.mailbox = w.mid(1);
                r.outcome = RetrievalReport::Outcome::Cancelled;
            }
            o.report.retrievals.append(r);
        }
    }
    return o;
}

QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(u' ');
}

} // namespace

class TestNotificationPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decide_data();
    void decide();
    void openProblemsAreListed();
    void stateSurvivesItsFile();
    void damagedStateIsRefused();
    void messageCarriesCauseAndFix();
    void japaneseSubjectIsEncoded();
};

void TestNotificationPolicy::decide_data()
{
    QTest::addColumn<QString>("cycles"); // "minute: words; minute: words; ..."
    QTest::addColumn<QString>("reports"); // "minute +key" started, "minute -key" ended

    QTest::newRow("nothing wrong") << "0: sales d; 15: sales d"
                                   << "";
    QTest::newRow("told once, not every cycle") << "0: !sales; 15: !sales; 30: !sales; 45: !sales"
                                                << "0 +mailbox:sales";
    QTest::newRow("ends at the first good cycle") << "0: !sales; 15: !sales; 30: sales; 45: sales"
                                                  << "0 +mailbox:sales, 30 -mailbox:sales";
    QTest::newRow("a mailbox not retrieved stays as it was")
        << "0: !sales; 15: info; 30: d; 45: ~sales; 60: sales"
        << "0 +mailbox:sales, 60 -mailbox:sales";
    QTest::newRow("each mailbox its own problem")
        << "0: !sales info; 15: !sales !info; 30: sales info"
        << "0 +mailbox:sales, 15 +mailbox:info, 30 -mailbox:info, 30 -mailbox:sales";
    QTest::newRow("back within the hour waits for the hour")
        << "0: !sales; 15: sales; 30: !sales; 45: !sales; 60: !sales; 75: !sales"
        << "0 +mailbox:sales, 15 -mailbox:sales, 60 +mailbox:sales";
    QTest::newRow("flapping within the hour is told once")
        << "0: !sales; 10: sales; 20: !sales; 30: sales; 40: !sales; 50: sales; 70: sales"
        << "0 +mailbox:sales, 10 -mailbox:sales";
    QTest::newRow("back after the hour is told at once")
        << "0: !sales; 15: sales; 61: !sales; 62: sales"
        << "0 +mailbox:sales, 15 -mailbox:sales, 61 +mailbox:sales, 62 -mailbox:sales";
    QTest::newRow("a restart does not tell again")
        << "0: !sales; 15: restart !sales; 30: restart !sales; 45: restart sales"
        << "0 +mailbox:sales, 45 -mailbox:sales";
    QTest::newRow("a restart keeps the hour")
        << "0: !sales; 15: sales; 20: restart !sales; 40: restart !sales; 60: restart !sales"
        << "0 +mailbox:sales, 15 -mailbox:sales, 60 +mailbox:sales";
    QTest::newRow("delivery refused, then delivered") << "0: !d; 15: !d; 30: d"
                                                      << "0 +delivery, 30 -delivery";
    QTest::newRow("delivery deferring everything") << "0: ?d; 15: ?d; 30: d"
                                                   << "0 +delivery, 30 -delivery";
    QTest::newRow("Failed Mail: one problem for many messages, ends when emptied")
        << "0: t3 F3; 15: t2 F5; 30: t0 F5; 45: t0 F0"
        << "0 +failed-mail, 45 -failed-mail";
    QTest::newRow("Failed Mail left alone without new ones is no problem") << "0: t0 F4; 15: t0 F4"
                                                                           << "";
    QTest::newRow("BadMail: rejected recipients") << "0: d r2 B2; 15: d r0 B1; 30: d B0"
                                                  << "0 +badmail, 30 -badmail";
    QTest::newRow("the spool's disk nearly full") << "0: !disk; 15: !disk; 30: disk"
                                                  << "0 +disk, 30 -disk";
    QTest::newRow("a cancelled retrieval says nothing") << "0: ~sales; 15: ~sales"
                                                        << "";
}

void TestNotificationPolicy::decide()
{
    QFETCH(QString, cycles);
    QFETCH(QString, reports);
    NotificationState state;
    QStringList told;
    for (const QString &cycle : cycles.split(QStringLiteral("; "))) {
        const int minute = cycle.section(u':', 0, 0).toInt();
        QStringList words = cycle.section(u':', 1).split(u' ', Qt::SkipEmptyParts);
        if (words.removeAll(QStringLiteral("restart"))) {
            const std::optional<NotificationState> loaded =
                NotificationPolicy::load(NotificationPolicy::save(state));
            QVERIFY(loaded);
            state = *loaded;
        }
        const Observation o = observe(words);
        const Decision d = NotificationPolicy::decide(
            state, NotificationPolicy::find(o, state), kStart.addSecs(minute * 60));
        for (const ProblemNotice &n : d.notices) {
            told.append(QStringLiteral("%1 %2%3")
                            .arg(minute)
                            .arg(n.kind == ProblemNotice::Kind::Started ? QStringLiteral("+")
                                                                        : QStringLiteral("-"))
                            .arg(n.problem.key));
        }
        state = d.next;
    }
    QCOMPARE(told.join(QStringLiteral(", ")), reports);
}

void TestNotificationPolicy::openProblemsAreListed()
{
    NotificationState state;
    Decision d = NotificationPolicy::decide(
        state, NotificationPolicy::find(observe(words("!sales !d")), state), kStart);
    QCOMPARE(d.started.size(), 2);
    QCOMPARE(d.open.size(), 2);
    d = NotificationPolicy::decide(
        d.next, NotificationPolicy::find(observe(words("sales !d")), d.next), kStart.addSecs(900));
    QCOMPARE(d.ended.size(), 1);
    QCOMPARE(d.ended.first().key, QStringLiteral("mailbox:sales"));
    QCOMPARE(d.open.size(), 1);
    QCOMPARE(d.open.first().problem.key, QStringLiteral("delivery"));
    QCOMPARE(d.open.first().since, kStart);
}

void TestNotificationPolicy::stateSurvivesItsFile()
{
    NotificationState state;
    const Decision d = NotificationPolicy::decide(
        state, NotificationPolicy::find(observe(words("!sales")), state), kStart);
    const std::optional<NotificationState> back =
        NotificationPolicy::load(NotificationPolicy::save(d.next));
    QVERIFY(back);
    QCOMPARE(back->size(), 1);
    QVERIFY(*back == d.next);
}

void TestNotificationPolicy::damagedStateIsRefused()
{
    QVERIFY(!NotificationPolicy::load("{\"version\": 1, \"problems\": [{\"open\": true}]}"));
    QVERIFY(!NotificationPolicy::load("not json"));
    QVERIFY(!NotificationPolicy::load(
        "{\"version\": 1, \"problems\": [{\"key\": \"disk\", \"event\": 99999}]}"));
    QVERIFY(NotificationPolicy::load(
        "{\"version\": 1, \"problems\": [{\"key\": \"disk\", \"event\": 1004}]}"));
    QVERIFY(!NotificationPolicy::load("{\"version\": 2}"));
}

void TestNotificationPolicy::messageCarriesCauseAndFix()
{
    NotificationState state;
    const Decision d = NotificationPolicy::decide(
        state, NotificationPolicy::find(observe(words("!sales")), state), kStart);
    QCOMPARE(d.notices.size(), 1);
    const ProblemNotice &n = d.notices.first();
    const QString subject = NotificationMail::subject(n);
    QCOMPARE(subject,
        QStringLiteral("POP3 Connector: mailbox sales: ")
            + describe(EventId::AuthenticationFailed).title);
    const QString body = NotificationMail::body(n, d.open);
    QVERIFY(body.contains(QStringLiteral("-ERR wrong password")));
    QVERIFY(body.contains(describe(EventId::AuthenticationFailed).fix));
    const QByteArray mail = NotificationMail::compose(QStringLiteral("admin@office.example"),
        QStringLiteral("admin@office.example"), subject, body, QStringLiteral("x1@host.example"),
        kStart);
    QVERIFY(mail.contains("\r\nSubject: POP3 Connector: mailbox sales: "));
    QVERIFY(mail.contains("\r\nDate: Mon, 30 Nov 2026 08:00:00 +0000\r\n"));
    QVERIFY(mail.contains("\r\nMessage-ID: <x1@host.example>\r\n"));
    QVERIFY(mail.startsWith("From: POP3 Connector <admin@office.example>\r\n"));
    QVERIFY(!mail.contains("\r\r") && !mail.contains("\n\n"));
    const QByteArray ended =
        NotificationMail::subject({ProblemNotice::Kind::Ended, n.problem, kStart}).toUtf8();
    QCOMPARE(ended, QByteArray("POP3 Connector: mailbox sales: resolved"));
}

void TestNotificationPolicy::japaneseSubjectIsEncoded()
{
    const QString subject =
        QStringLiteral("POP3 Connector: メールボックス sales: ログインできません。"
                       "パスワードを確かめてください");
    const QByteArray mail =
        NotificationMail::compose(QStringLiteral("a@b.example"), QStringLiteral("a@b.example"),
            subject, QStringLiteral("本文"), QStringLiteral("m@h"), kStart);
    const QByteArray head = mail.left(mail.indexOf("\r\n\r\n"));
    for (const char c : head)
        QVERIFY(static_cast<unsigned char>(c) < 0x80);
    QString decoded;
    const int start = head.indexOf("Subject: ") + 9;
    const QByteArray field = head.mid(start, head.indexOf("\r\nDate:") - start);
    for (QByteArray word : field.split('\n')) {
        word = word.trimmed();
        QVERIFY(word.size() <= 75);
        QVERIFY(word.startsWith("=?UTF-8?B?") && word.endsWith("?="));
        decoded += QString::fromUtf8(QByteArray::fromBase64(word.mid(10, word.size() - 12)));
    }
    QCOMPARE(decoded, subject);
    QVERIFY(mail.contains("Content-Transfer-Encoding: base64\r\n"));
    QVERIFY(mail.contains(QStringLiteral("本文").toUtf8().toBase64()));
}

QTEST_GUILESS_MAIN(TestNotificationPolicy)
#include "tst_notificationpolicy.moc"

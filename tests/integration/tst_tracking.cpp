// Message tracking for real: pop3connectord against a private Dovecot (POP3 and LMTP), its
// journal read with pop3connectorctl track. A message's whole path (stored, routed, delivered
// with the LMTP server's reply), an administrator's requeue with who did it, hostile header
// values that never break a record, and the command's exit codes and --json.
#include "corpus.h"
#include "dovecotfixture.h"
#include "events/event.h"
#include "serviceprocess.h"
#include "spool/messagemetadata.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Pop3Connector;

namespace {

const QByteArray kPlain = "From: Carol <carol@isp.example>\n"
                          "To: shop@isp.example\n"
                          "Subject: Order 7781 confirmed\n"
                          "Message-ID: <order-7781@isp.example>\n"
                          "Date: Mon, 02 Mar 2026 09:00:00 +0000\n"
                          "\n"
                          "Thank you.\n";

// CR LF inside an encoded word: the decoded Subject holds them. A 10 KB Message-ID.
QByteArray hostileMessage()
{
    return "From: Mallory <mallory@isp.example>\n"
           "To: shop@isp.example\n"
           "Subject: =?utf-8?q?hostile=0D=0A1=09stored=09forged?=\n"
           "Message-ID: <"
        + QByteArray(10 * 1024, 'h')
        + "@isp.example>\n"
          "Date: Mon, 02 Mar 2026 09:01:00 +0000\n"
          "\n"
          "Body.\n";
}

} // namespace

class TestTracking : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void pathThroughACycle();
    void requeueNamesWhoDidIt();
    void leftOnServerIsShown();
    void journalThatCannotBeWrittenIsNamed();

private:
    void writeConfig();
    bool startService()
    {
        return m_service.start(m_ini, m_dir->filePath(QStringLiteral("run/control")));
    }
    CtlRun ctl(const QStringList &args) { return runCtl(m_ini, args); }
    static QJsonObject json(const CtlRun &r);
    QString spoolPath(const QString &sub) const { return m_dir->filePath(u"spool/"_qs + sub); }

    DovecotFixture m_dovecot;
    std::unique_ptr<QTemporaryDir> m_dir;
    ServiceProcess m_service;
    QString m_ini;
};

void TestTracking::initTestCase()
{
    const QString error = m_dovecot.start(
        {{QStringLiteral("shop"), QStringLiteral("pw-shop")}, {QStringLiteral("alice"), {}}});
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestTracking::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_dovecot.clearMailbox(QStringLiteral("shop"));
    m_dovecot.clearMailbox(QStringLiteral("alice"));
    writeConfig();
    QVERIFY(startService());
}

void TestTracking::cleanup()
{
    m_service.stop();
}

void TestTracking::writeConfig()
{
    m_ini = m_dir->filePath(QStringLiteral("connector.ini"));
    const QString pw = m_dir->filePath(QStringLiteral("shop.pw"));
    QVERIFY(writeTestFile(pw, "pw-shop\n", true));
    const QString leave = QTest::currentTestFunction() == QByteArrayView("leftOnServerIsShown")
        ? QStringLiteral("leave_on_server = true\n")
        : QString();
    QVERIFY(writeTestFile(m_ini,
        serviceIni(m_dovecot.lmtpPort(), QStringLiteral("tracking_days = 7\n"),
            QStringLiteral("[mailbox.shop]\nhost = 127.0.0.1\nport = %1\nsecurity = starttls\n"
                           "ca_file = %2\nuser = shop\npassword_file = %3\n"
                           "local_mailbox = alice@office.example\n%4")
                .arg(m_dovecot.pop3Port())
                .arg(m_dovecot.caFile(), pw, leave))
            .toUtf8()));
}

QJsonObject TestTracking::json(const CtlRun &r)
{
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

void TestTracking::pathThroughACycle()
{
    QVERIFY(m_dovecot.addMessages(QStringLiteral("shop"), {kPlain, hostileMessage()}).isEmpty());
    CtlRun r = ctl({QStringLiteral("retrieve-now"), QStringLiteral("--wait")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));

    // For people: a timeline, and where the message is now.
    r = ctl({QStringLiteral("track"), QStringLiteral("order-7781@isp")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("now: delivered")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("from mailbox shop on 127.0.0.1")));

    // For scripts: each stage in order, each with what it knows.
    r = ctl({QStringLiteral("--json"), QStringLiteral("track"), QStringLiteral("ORDER 7781")});
    QCOMPARE(r.code, 0);
    const QJsonArray messages = json(r).value(QStringLiteral("messages")).toArray();
    QCOMPARE(messages.size(), 1);
    const QJsonObject m = messages.first().toObject();
    QCOMPARE(m.value(QStringLiteral("where")).toString(), QStringLiteral("delivered"));
    QStringList kinds;
    const QJsonArray records = m.value(QStringLiteral("records")).toArray();
    for (const QJsonValue &v : records)
        kinds.append(v.toObject().value(QStringLiteral("kind")).toString());
    QCOMPARE(kinds, (QStringList {u"stored"_qs, u"routed"_qs, u"delivered"_qs}));
    const QJsonObject stored = records[0].toObject();
    QCOMPARE(stored.value(QStringLiteral("mailbox")).toString(), QStringLiteral("shop"));
    QVERIFY(!stored.value(QStringLiteral("uid")).toString().isEmpty());
    QVERIFY(stored.value(QStringLiteral("size")).toInt() > 100);
    const QJsonObject routed = records[1].toObject();
    QCOMPARE(routed.value(QStringLiteral("messageId")).toString(),
        QStringLiteral("order-7781@isp.example"));
    QCOMPARE(routed.value(QStringLiteral("recipients")).toString(),
        QStringLiteral("alice@office.example"));
    QCOMPARE(routed.value(QStringLiteral("detail")).toString(), QStringLiteral("local_mailbox"));
    QVERIFY(routed.value(QStringLiteral("sender")).toString().contains(u"carol@isp.example"));
    // Dovecot's LMTP reply, which names where it went.
    QVERIFY2(records[2].toObject().value(QStringLiteral("detail")).toString().startsWith(u"250"),
        qPrintable(records[2].toObject().value(QStringLiteral("detail")).toString()));

    // The hostile one: its values whole in the journal, and every line of it one record.
    r = ctl({QStringLiteral("--json"), QStringLiteral("track"), QStringLiteral("hostile")});
    QCOMPARE(r.code, 0);
    const QJsonObject h = json(r).value(QStringLiteral("messages")).toArray().first().toObject();
    const QJsonObject hr = h.value(QStringLiteral("records")).toArray()[1].toObject();
    // GMime already turns the decoded controls into spaces; the journal keeps what it gets.
    const QString subject = hr.value(QStringLiteral("subject")).toString();
    QVERIFY2(subject.startsWith(u"hostile") && subject.contains(u"forged")
            && !subject.contains(u'\n') && !subject.contains(u'\r'),
        qPrintable(subject));
    QVERIFY(hr.value(QStringLiteral("messageId")).toString().startsWith(u"hhhhhhhh"));
    QCOMPARE(h.value(QStringLiteral("where")).toString(), QStringLiteral("delivered"));
    int lines = 0;
    const QDir journal(spoolPath(QStringLiteral("state/tracking")));
    for (const QString &day : journal.entryList(QDir::Files)) {
        QFile f(journal.filePath(day));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
            QFileDevice::Permissions {});
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.isEmpty())
                continue;
            ++lines;
            QCOMPARE(line.count('\t'), 13);
            QVERIFY(line.endsWith("\t."));
        }
    }
    QCOMPARE(lines, 6); // two messages, three steps each

    // Exit codes: nothing found is 1, bad usage 2.
    r = ctl({QStringLiteral("track"), QStringLiteral("nobody@nowhere")});
    QCOMPARE(r.code, 1);
    r = ctl({QStringLiteral("--json"), QStringLiteral("track"), QStringLiteral("nobody@nowhere")});
    QCOMPARE(r.code, 1);
    QVERIFY(json(r).value(QStringLiteral("messages")).toArray().isEmpty());
    r = ctl({QStringLiteral("track")});
    QCOMPARE(r.code, 2);
    r = ctl({QStringLiteral("track"), QStringLiteral("x"), QStringLiteral("--since"),
        QStringLiteral("soon")});
    QCOMPARE(r.code, 2);
    r = ctl({QStringLiteral("status"), QStringLiteral("--since"), QStringLiteral("1d")});
    QCOMPARE(r.code, 2);
    // A range that holds the cycle finds both; one in the past, neither.
    r = ctl({QStringLiteral("--json"), QStringLiteral("track"), QStringLiteral("--since"),
        QStringLiteral("1h")});
    QCOMPARE(r.code, 0);
    QCOMPARE(json(r).value(QStringLiteral("messages")).toArray().size(), 2);
    r = ctl({QStringLiteral("track"), QStringLiteral("--since"), QStringLiteral("2020-01-01"),
        QStringLiteral("--until"), QStringLiteral("2020-01-02")});
    QCOMPARE(r.code, 1);
}

void TestTracking::requeueNamesWhoDidIt()
{
    // A message that cannot be routed (its mailbox is gone) goes to Failed Mail ...
    const QString name = QStringLiteral("20260101T000000000Z-test-000001");
    QFile eml(spoolPath(QStringLiteral("Incoming Mail/")) + name + QStringLiteral(".eml"));
    QDir().mkpath(spoolPath(QStringLiteral("Incoming Mail")));
    QVERIFY(eml.open(QIODevice::WriteOnly));
    eml.write(toWireForm(kPlain));
    eml.close();
    MessageMetadata meta;
    meta.mailbox = QStringLiteral("gone");
    meta.server = QStringLiteral("127.0.0.1");
    meta.user = QStringLiteral("gone");
    meta.uid = "planted-1";
    meta.retrieved = QDateTime::currentDateTimeUtc();
    meta.size = kPlain.size();
    QFile sidecar(spoolPath(QStringLiteral("Incoming Mail/")) + name + QStringLiteral(".meta"));
    QVERIFY(sidecar.open(QIODevice::WriteOnly));
    sidecar.write(meta.serialize());
    sidecar.close();
    CtlRun r = ctl({QStringLiteral("retrieve-now"), QStringLiteral("--wait")});
    QVERIFY(QFile::exists(spoolPath(QStringLiteral("Failed Mail/")) + name + u".eml"_qs));
    r = ctl({QStringLiteral("--json"), QStringLiteral("track"), name});
    QCOMPARE(r.code, 0);
    QCOMPARE(json(r)[QLatin1StringView("messages")]
                 .toArray()
                 .first()
                 .toObject()[QLatin1StringView("where")]
                 .toString(),
        QStringLiteral("Failed Mail"));

    // Its cause is not fixed: a requeue says so first and changes nothing ...
    r = ctl({QStringLiteral("spool"), QStringLiteral("requeue"), name});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(u"would go back to Failed Mail: it came from mailbox gone, which is no "
                            "longer configured"_qs),
        qPrintable(r.err));
    QVERIFY(r.err.contains(u"--force"_qs));
    QVERIFY(QFile::exists(spoolPath(QStringLiteral("Failed Mail/")) + name + u".eml"_qs));

    // ... and the administrator requeues it anyway: the journal says who.
    r = ctl({QStringLiteral("spool"), QStringLiteral("requeue"), QStringLiteral("--force"), name});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    r = ctl({QStringLiteral("--json"), QStringLiteral("track"), name});
    QCOMPARE(r.code, 0);
    const QJsonArray records = json(r)[QLatin1StringView("messages")]
                                   .toArray()
                                   .first()
                                   .toObject()[QLatin1StringView("records")]
                                   .toArray();
    QJsonObject action;
    for (const QJsonValue &v : records) {
        if (v[QLatin1StringView("kind")].toString() == u"action")
            action = v.toObject();
    }
    int actions = 0;
    for (const QJsonValue &v : records)
        actions += v[QLatin1StringView("kind")].toString() == u"action";
    QCOMPARE(actions, 1); // the refused requeue is not one
    QCOMPARE(action[QLatin1StringView("detail")].toString(), QStringLiteral("requeue"));
    QCOMPARE(action[QLatin1StringView("mailbox")].toString(), QStringLiteral("Failed Mail"));
    QVERIFY2(
        action[QLatin1StringView("actor")].toString().contains(u"user root"), qPrintable(r.out));
    r = ctl({QStringLiteral("track"), name});
    QVERIFY2(r.out.contains(u"requeue in Failed Mail by user root"_qs), qPrintable(r.out));
}

// A mailbox that keeps its mail on the server: the path says a copy is still there.
void TestTracking::leftOnServerIsShown()
{
    QVERIFY(m_dovecot.addMessages(QStringLiteral("shop"), {kPlain}).isEmpty());
    CtlRun r = ctl({QStringLiteral("retrieve-now"), QStringLiteral("--wait")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("shop")), 1);
    r = ctl({QStringLiteral("track"), QStringLiteral("order-7781@isp")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(u"now: delivered; still on the server"_qs), qPrintable(r.out));
}

QTEST_MAIN(TestTracking)
// A journal that cannot be written costs the history, never the mail: the message is delivered,
// and the event says what failed (its own, not "spool unusable", which would send an
// administrator looking at the wrong thing).
void TestTracking::journalThatCannotBeWrittenIsNamed()
{
    // Today's day file is a folder: every append fails, as on a disk that is full or broken.
    const QString day = spoolPath(QStringLiteral("state/tracking/")
        + QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate) + QStringLiteral(".log"));
    QVERIFY(QDir().mkpath(day));
    QVERIFY(m_dovecot.addMessages(QStringLiteral("shop"), {kPlain}).isEmpty());
    CtlRun r = ctl({QStringLiteral("retrieve-now"), QStringLiteral("--wait")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("alice")), 1);
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("shop")), 0);

    // A second cycle in the same outage: the download, transfer and delivery all fail to write
    // their records again, and the cycle's sync too.
    QVERIFY(m_dovecot
                .addMessages(QStringLiteral("shop"),
                    {QByteArray(kPlain).replace("order-7781@", "order-7782@")})
                .isEmpty());
    r = ctl({QStringLiteral("retrieve-now"), QStringLiteral("--wait")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("alice")), 2);

    r = ctl({QStringLiteral("--json"), QStringLiteral("events")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QList<int> ids;
    for (const QJsonValue &e : json(r).value(QStringLiteral("events")).toArray())
        ids.append(e.toObject().value(QStringLiteral("id")).toInt());
    // Told once for the outage, not once for each stage's run in each cycle.
    QCOMPARE(ids.count(int(EventId::TrackingJournalFailed)), 1);
    QVERIFY(!ids.contains(int(EventId::SpoolUnusable)));
}

#include "tst_tracking.moc"

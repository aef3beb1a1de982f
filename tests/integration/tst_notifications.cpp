// Notifications for real: pop3connectord as a service against a private Dovecot (POP3 and LMTP),
// told by pop3connectorctl to run cycles. A mailbox whose password is wrong over several cycles
// sends the administrator's local mailbox exactly one report, not one per cycle; a restart of the
// service does not send it again; the right password sends one "resolved" report.
#include "childprocess.h"
#include "dovecotfixture.h"
#include "service/notifier.h"
#include "serviceprocess.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Pop3Connector;

namespace {

const QByteArray kSecret = "Nt-uniq-4410-secret";

int modeOf(const QString &path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

} // namespace

class TestNotifications : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void oneReportPerProblemNotOnePerCycle();

private:
    void writePassword(const QByteArray &password);
    bool startService()
    {
        return m_service.start(m_ini, m_dir.filePath(QStringLiteral("run/control")));
    }
    void stopService() { m_service.stop(); }
    int retrieveNow()
    {
        return runCtl(m_ini, {QStringLiteral("retrieve-now"), QStringLiteral("--wait")}, 60000)
            .code;
    }
    // The messages in the administrator's Maildir, oldest first.
    QList<QByteArray> reports() const;

    DovecotFixture m_dovecot;
    QTemporaryDir m_dir;
    ServiceProcess m_service;
    QString m_ini;
};

void TestNotifications::initTestCase()
{
    const QString error = m_dovecot.start({{QStringLiteral("shop"), QString::fromLatin1(kSecret)},
        {QStringLiteral("alice"), QStringLiteral("x")},
        {QStringLiteral("admin"), QStringLiteral("y")}});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_ini = m_dir.filePath(QStringLiteral("connector.ini"));
    QVERIFY(writeTestFile(m_ini,
        serviceIni(m_dovecot.lmtpPort(),
            QStringLiteral("administrator_address = admin@office.example\n"),
            QStringLiteral("[mailbox.shop]\nhost = 127.0.0.1\nport = %1\nsecurity = starttls\n"
                           "ca_file = %2\nuser = shop\npassword_file = shop.pw\n"
                           "local_mailbox = alice@office.example\n")
                .arg(m_dovecot.pop3Port())
                .arg(m_dovecot.caFile()))
            .toUtf8()));
}

void TestNotifications::cleanup()
{
    stopService();
}

void TestNotifications::writePassword(const QByteArray &password)
{
    QVERIFY(writeTestFile(m_dir.filePath(QStringLiteral("shop.pw")), password + '\n', true));
}

QList<QByteArray> TestNotifications::reports() const
{
    QStringList files;
    for (const char *sub : {"/new", "/cur"}) {
        const QDir dir(m_dovecot.maildir(QStringLiteral("admin")) + QLatin1String(sub));
        for (const QString &f : dir.entryList(QDir::Files))
            files.append(dir.filePath(f));
    }
    // Maildir names start with the delivery time in seconds, then a sequence.
    std::sort(files.begin(), files.end(), [](const QString &a, const QString &b) {
        return QFileInfo(a).fileName() < QFileInfo(b).fileName();
    });
    // Only the mailbox's: a machine whose /tmp is nearly full has a disk problem of its own,
    // reported in a mail of its own, which this test does not count.
    QList<QByteArray> out;
    for (const QString &path : files) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray mail = f.readAll();
        if (mail.contains("\nSubject: POP3 Connector: mailbox shop: "))
            out.append(mail);
    }
    return out;
}

void TestNotifications::oneReportPerProblemNotOnePerCycle()
{
    writePassword("wrong-password");
    QVERIFY(startService());

    // Three cycles that fail to log in: one report, delivered at once.
    for (int i = 0; i < 3; ++i)
        QVERIFY(retrieveNow() != 0);
    QTRY_COMPARE_WITH_TIMEOUT(reports().size(), 1, 20000);
    const QByteArray first = reports().first();
    QVERIFY2(
        first.contains("Subject: POP3 Connector: mailbox shop: Login failed"), first.constData());
    QVERIFY(first.contains("To: <admin@office.example>"));
    QVERIFY(first.contains("\nMessage-ID: <"));
    QVERIFY(first.contains("\nDate: "));
    QVERIFY(first.contains("What to do: "));
    // What is remembered is private to the service.
    const QString state = Notifier::statePath(m_dir.filePath(QStringLiteral("spool/state")));
    QVERIFY(QFile::exists(state));
    QCOMPARE(modeOf(state), 0600);

    // diagnose tells the same: the problem is open, and was reported.
    const CtlRun diagnosed =
        runCtl(m_ini, {QStringLiteral("--json"), QStringLiteral("diagnose")}, 60000);
    QVERIFY2(diagnosed.out.contains(u"\"service.problem\""), qPrintable(diagnosed.out));
    QVERIFY2(
        diagnosed.out.contains(u"A problem with mailbox shop since"), qPrintable(diagnosed.out));
    QVERIFY2(diagnosed.out.contains(u"reported to the administrator"), qPrintable(diagnosed.out));

    // The status the manager reads carries it too.
    const CtlRun status =
        runCtl(m_ini, {QStringLiteral("--json"), QStringLiteral("status")}, 60000);
    QVERIFY2(status.out.contains(u"\"mailbox:shop\""), qPrintable(status.out));

    // A restart remembers that the administrator was told.
    stopService();
    QVERIFY(startService());
    for (int i = 0; i < 2; ++i)
        QVERIFY(retrieveNow() != 0);
    QTest::qWait(2000); // a report would have been delivered by now (it was, the first time)
    QCOMPARE(reports().size(), 1);

    // The right password: one "resolved" report, and no more after further good cycles.
    writePassword(kSecret);
    QCOMPARE(retrieveNow(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(reports().size(), 2, 20000);
    const QByteArray resolved = reports().at(1);
    QVERIFY2(
        resolved.contains("Subject: POP3 Connector: mailbox shop: resolved"), resolved.constData());
    QCOMPARE(retrieveNow(), 0);
    QTest::qWait(2000);
    QCOMPARE(reports().size(), 2);
}

QTEST_GUILESS_MAIN(TestNotifications)
#include "tst_notifications.moc"

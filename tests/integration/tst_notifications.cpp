// Notifications for real: pop3connectord as a service against a private Dovecot (POP3 and LMTP),
// told by pop3connectorctl to run cycles. A mailbox whose password is wrong over several cycles
// sends the administrator's local mailbox exactly one report, not one per cycle; a restart of the
// service does not send it again; the right password sends one "resolved" report.
#include "childprocess.h"
#include "dovecotfixture.h"
#include "service/controlclient.h"
#include "service/notifier.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Pop3Connector;
using namespace Pop3Connector::Control;

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
    bool startService();
    void stopService();
    int retrieveNow();
    // The messages in the administrator's Maildir, oldest first.
    QList<QByteArray> reports() const;

    DovecotFixture m_dovecot;
    QTemporaryDir m_dir;
    std::unique_ptr<ChildProcess> m_service;
    QString m_ini;
};

void TestNotifications::initTestCase()
{
    const QString error = m_dovecot.start({{QStringLiteral("shop"), QString::fromLatin1(kSecret)},
        {QStringLiteral("alice"), QStringLiteral("x")},
        {QStringLiteral("admin"), QStringLiteral("y")}});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_ini = m_dir.filePath(QStringLiteral("connector.ini"));
    QFile f(m_ini);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("[connector]\nspool = spool\nschedule_enabled = false\n"
                           "password_store = files\ncontrol_socket = run/control\n"
                           "administrator_address = admin@office.example\n\n"
                           "[delivery]\ntransport = lmtp\nhost = 127.0.0.1\nport = %1\n\n"
                           "[mailbox.shop]\nhost = 127.0.0.1\nport = %2\nsecurity = starttls\n"
                           "ca_file = %3\nuser = shop\npassword_file = shop.pw\n"
                           "local_mailbox = alice@office.example\n")
                .arg(m_dovecot.lmtpPort())
                .arg(m_dovecot.pop3Port())
                .arg(m_dovecot.caFile())
                .toUtf8());
}

void TestNotifications::cleanup()
{
    stopService();
}

void TestNotifications::writePassword(const QByteArray &password)
{
    QFile f(m_dir.filePath(QStringLiteral("shop.pw")));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    f.write(password + '\n');
}

bool TestNotifications::startService()
{
    m_service = std::make_unique<ChildProcess>();
    m_service->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_service->start(QStringLiteral(P3C_DAEMON), {QStringLiteral("--config"), m_ini});
    const QString socket = m_dir.filePath(QStringLiteral("run/control"));
    return QTest::qWaitFor(
               [&] {
                   if (m_service->state() == QProcess::NotRunning)
                       return true;
                   Client probe(QStringLiteral("probe"));
                   probe.connectToService(socket);
                   return QTest::qWaitFor(
                              [&] { return probe.state() != Client::State::Connecting; }, 2000)
                       && probe.isReady();
               },
               20000)
        && m_service->state() == QProcess::Running;
}

void TestNotifications::stopService()
{
    if (!m_service)
        return;
    if (m_service->state() != QProcess::NotRunning) {
        m_service->terminate();
        QSignalSpy finished(m_service.get(), &QProcess::finished);
        if (m_service->state() != QProcess::NotRunning && !finished.wait(30000))
            m_service->kill();
        m_service->waitForFinished(5000);
    }
    m_service.reset();
}

int TestNotifications::retrieveNow()
{
    ChildProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QStringLiteral(P3C_CTL),
        {QStringLiteral("--config"), m_ini, QStringLiteral("retrieve-now"),
            QStringLiteral("--wait")});
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        return -1;
    return p.exitCode();
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
    QList<QByteArray> out;
    for (const QString &path : files) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            out.append(f.readAll());
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
    {
        ChildProcess p;
        p.start(QStringLiteral(P3C_CTL),
            {QStringLiteral("--config"), m_ini, QStringLiteral("--json"),
                QStringLiteral("diagnose")});
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY2(out.contains("\"service.problem\""), out.constData());
        QVERIFY2(out.contains("A problem with mailbox shop since"), out.constData());
        QVERIFY2(out.contains("reported to the administrator"), out.constData());
    }

    // The status the manager reads carries it too.
    {
        ChildProcess p;
        p.start(QStringLiteral(P3C_CTL),
            {QStringLiteral("--config"), m_ini, QStringLiteral("--json"),
                QStringLiteral("status")});
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY2(out.contains("\"mailbox:shop\""), out.constData());
    }

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

// pop3connectord as an administrator runs it: exit codes, messages on stderr, the spool lock,
// password files, stages, log levels and a graceful stop on SIGTERM.
#include "childprocess.h"
#include "corpus.h"
#include "dovecotfixture.h"
#include "scriptedpop3server.h"
#include "spoolcheck.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QLockFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

class TestDaemon : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void badCommandLine_data();
    void badCommandLine();
    void badConfiguration();
    void checkConfig();
    void insecurePasswordFileIsRefused();
    void exitOneAndOneLinePerFailure();
    void secondConnectorIsRefused();
    void stagesSelectWhatRuns();
    void maximumLogLevelMasksPassword();
    void sigtermFinishesInFlightAndQuits();
    void spoolIsPrivateUnderUmask022();
    void slowMailboxDoesNotHoldOthersDelivery();
    void sigtermDuringSlowRetrEndsWithinTimeout();
    void quitRefusedExitsOne();

private:
    struct Result
    {
        int exitCode = -1;
        QString err;
    };
    Result runDaemon(const QStringList &args, int timeoutMs = 60000);
    QString writeConfig(const QString &mailboxes, const QString &connector = {});
    QString passwordFile(const QString &name, const QByteArray &password, bool privateFile = true);
    QString mailboxSection(const QString &user, const QString &pwFile) const;

    DovecotFixture m_dovecot;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDaemon::initTestCase()
{
    const QString error = m_dovecot.start({{QStringLiteral("alice"), QStringLiteral("pw-alice")},
        {QStringLiteral("bob"), QStringLiteral("pw-bob")}});
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestDaemon::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_dovecot.clearMailbox(QStringLiteral("alice"));
    m_dovecot.clearMailbox(QStringLiteral("bob"));
}

TestDaemon::Result TestDaemon::runDaemon(const QStringList &args, int timeoutMs)
{
    ChildProcess p;
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(QStringLiteral(P3C_DAEMON), args);
    // Wait with the event loop running: a scripted server in this process must keep serving.
    if (!finished.wait(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
}

QString TestDaemon::passwordFile(const QString &name, const QByteArray &password, bool privateFile)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(password + '\n');
    f.close();
    QFile::Permissions perms = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!privateFile)
        perms |= QFileDevice::ReadGroup | QFileDevice::ReadOther;
    f.setPermissions(perms);
    return path;
}

QString TestDaemon::mailboxSection(const QString &user, const QString &pwFile) const
{
    return QStringLiteral("[mailbox.%1]\nhost = 127.0.0.1\nport = %2\nsecurity = starttls\n"
                          "ca_file = %3\nuser = %1\npassword_file = %4\n\n")
        .arg(user)
        .arg(m_dovecot.pop3Port())
        .arg(m_dovecot.caFile(), pwFile);
}

QString TestDaemon::writeConfig(const QString &mailboxes, const QString &connector)
{
    const QString path = m_dir->filePath(QStringLiteral("connector.ini"));
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(
        (QStringLiteral("[connector]\nspool = spool\n") + connector + u'\n' + mailboxes).toUtf8());
    return path;
}

void TestDaemon::badCommandLine_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown option")
        << QStringList {QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
    QTest::newRow("unknown stage") << QStringList {QStringLiteral("--once"),
        QStringLiteral("--stages"), QStringLiteral("download,deliver")}
                                   << QStringLiteral("deliver");
    QTest::newRow("positional") << QStringList {QStringLiteral("now")} << QStringLiteral("now");
}

void TestDaemon::badCommandLine()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Result r = runDaemon(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
}

void TestDaemon::badConfiguration()
{
    const QString ini =
        writeConfig(QStringLiteral("[mailbox.a]\nhost = h\nuser = u\nsecurity = ssl\n"));
    const Result r = runDaemon({QStringLiteral("--config"), ini, QStringLiteral("--once"),
        QStringLiteral("--stages"), QStringLiteral("download")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(ini) && r.err.contains(QStringLiteral("[mailbox.a] security"))
            && r.err.contains(QStringLiteral("tls, starttls, none")),
        qPrintable(r.err));
}

void TestDaemon::checkConfig()
{
    const QString ini = writeConfig(
        mailboxSection(QStringLiteral("alice"), passwordFile(QStringLiteral("a.pw"), "pw-alice")));
    const Result r = runDaemon({QStringLiteral("--config"), ini, QStringLiteral("--check-config")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.contains(QStringLiteral("valid")));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("spool"))));
}

void TestDaemon::insecurePasswordFileIsRefused()
{
    m_dovecot.addMessages(QStringLiteral("alice"), makeCorpus({3, 31}));
    const QString pw = passwordFile(QStringLiteral("a.pw"), "pw-alice", false);
    const Result r = runDaemon(
        {QStringLiteral("--config"), writeConfig(mailboxSection(QStringLiteral("alice"), pw)),
            QStringLiteral("--once"), QStringLiteral("--stages"), QStringLiteral("download")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("chmod 600")), qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("1102")));
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("alice")), 3);
}

void TestDaemon::exitOneAndOneLinePerFailure()
{
    const QList<QByteArray> corpus = makeCorpus({5, 32});
    m_dovecot.addMessages(QStringLiteral("alice"), corpus);
    m_dovecot.addMessages(QStringLiteral("bob"), makeCorpus({4, 33}));
    const QString ini = writeConfig(
        mailboxSection(QStringLiteral("alice"), passwordFile(QStringLiteral("a.pw"), "pw-alice"))
        + mailboxSection(QStringLiteral("bob"), passwordFile(QStringLiteral("b.pw"), "wrong")));
    const Result r = runDaemon({QStringLiteral("--config"), ini, QStringLiteral("--once"),
        QStringLiteral("--stages"), QStringLiteral("download")});
    QCOMPARE(r.exitCode, 1);
    const QStringList failures =
        r.err.split(u'\n').filter(QStringLiteral("pop3connectord: mailbox "));
    QCOMPARE(failures.size(), 1);
    QVERIFY(failures[0].startsWith(QStringLiteral("pop3connectord: mailbox bob: ")));
    QVERIFY2(failures[0].contains(QStringLiteral("What to do:")), qPrintable(failures[0]));
    QCOMPARE(compareWithCorpus(m_dir->filePath(QStringLiteral("spool/Incoming Mail")), corpus),
        QString());
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("bob")), 4);
}

void TestDaemon::secondConnectorIsRefused()
{
    const QString ini = writeConfig(
        mailboxSection(QStringLiteral("alice"), passwordFile(QStringLiteral("a.pw"), "pw-alice")));
    QDir().mkpath(m_dir->filePath(QStringLiteral("spool/state")));
    QLockFile held(m_dir->filePath(QStringLiteral("spool/state/connector.lock")));
    QVERIFY(held.tryLock(0));
    const Result r = runDaemon({QStringLiteral("--config"), ini, QStringLiteral("--once"),
        QStringLiteral("--stages"), QStringLiteral("download")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(
        r.err.contains(QString::number(QCoreApplication::applicationPid())), qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("in use")));
    held.unlock();
    QCOMPARE(runDaemon({QStringLiteral("--config"), ini, QStringLiteral("--once"),
                           QStringLiteral("--stages"), QStringLiteral("download")})
                 .exitCode,
        0);
}

void TestDaemon::stagesSelectWhatRuns()
{
    m_dovecot.addMessages(QStringLiteral("alice"), makeCorpus({6, 34}));
    const QString ini = writeConfig(
        mailboxSection(QStringLiteral("alice"), passwordFile(QStringLiteral("a.pw"), "pw-alice")));
    Result r = runDaemon({QStringLiteral("--config"), ini, QStringLiteral("--once"),
        QStringLiteral("--stages"), QStringLiteral("transfer,dispatch")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("alice")), 6);
    r = runDaemon({QStringLiteral("--config"), ini, QStringLiteral("--once"),
        QStringLiteral("--stages"), QStringLiteral("download")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("alice")), 0);
    QCOMPARE(readSpoolFolder(m_dir->filePath(QStringLiteral("spool/Incoming Mail"))).size(), 6);
}

void TestDaemon::maximumLogLevelMasksPassword()
{
    m_dovecot.addMessages(QStringLiteral("alice"), makeCorpus({2, 35}));
    const QByteArray password = "pw-alice";
    const QString ini = writeConfig(
        mailboxSection(QStringLiteral("alice"), passwordFile(QStringLiteral("a.pw"), password)),
        QStringLiteral("log_level = maximum\n"));
    const Result r = runDaemon({QStringLiteral("--config"), ini, QStringLiteral("--once"),
        QStringLiteral("--stages"), QStringLiteral("download")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.contains(QStringLiteral("12002"))); // every stored message at Maximum
    QFile transcript(m_dir->filePath(QStringLiteral("spool/log/transcripts/alice.log")));
    QVERIFY(transcript.open(QIODevice::ReadOnly));
    const QByteArray t = transcript.readAll();
    QVERIFY(t.contains("C: STLS"));
    QVERIFY(t.contains("C: AUTH CRAM-MD5") || t.contains("C: AUTH PLAIN"));
    QVERIFY(t.contains("C: ********"));
    // The password, plain or encoded, is in no file of the spool, the configuration or stderr.
    const QList<QByteArray> forms = {password, password.toBase64(),
        QByteArray("\0alice\0"
                   "pw-alice",
            16)
            .toBase64()};
    QDirIterator it(m_dir->path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.endsWith(QStringLiteral("a.pw")))
            continue;
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        const QByteArray bytes = f.readAll();
        for (const QByteArray &form : forms)
            QVERIFY2(!bytes.contains(form), qPrintable(path));
    }
    for (const QByteArray &form : forms)
        QVERIFY(!r.err.toUtf8().contains(form));
}

void TestDaemon::sigtermFinishesInFlightAndQuits()
{
    // A slow provider: one message at a time, 150 ms each.
    ScriptedPop3Server server;
    server.listen();
    server.faults.pipelining = false;
    server.faults.retrDelayMs = 150;
    const QList<QByteArray> corpus = makeCorpus({20, 36});
    QList<ScriptedPop3Server::Message> messages;
    for (int i = 0; i < corpus.size(); ++i)
        messages.append({toWireForm(corpus[i]), "u" + QByteArray::number(i)});
    server.setMessages(messages);
    const QString ini =
        writeConfig(QStringLiteral("[mailbox.slow]\nhost = 127.0.0.1\nport = %1\nsecurity = none\n"
                                   "user = user\npassword_file = %2\n"
                                   "local_mailbox = office@example.org\n"
                                   "[delivery]\ntransport = pickup\n")
                        .arg(server.port())
                        .arg(passwordFile(QStringLiteral("s.pw"), "secret")));
    ChildProcess daemon;
    QSignalSpy finished(&daemon, &QProcess::finished);
    daemon.start(QStringLiteral(P3C_DAEMON), {QStringLiteral("--config"), ini});
    // What was stored moves on through transfer as it is stored: count it wherever it is.
    const auto stored = [this] {
        QStringList names;
        for (const char *folder : {"Incoming Mail", "PickUp", "Failed Mail"}) {
            for (const SpooledMessage &m :
                readSpoolFolder(m_dir->filePath(QStringLiteral("spool/") + QLatin1String(folder))))
                names.append(m.name);
        }
        return names;
    };
    QTRY_VERIFY_WITH_TIMEOUT(stored().size() >= 3, 10000);
    ::kill(pid_t(daemon.processId()), SIGTERM);
    QVERIFY(finished.wait(3000)); // the message in flight, then QUIT: well under a second
    QVERIFY2(daemon.exitCode() == 0, daemon.readAllStandardError().constData());
    QVERIFY(server.count("QUIT") == 1);
    const QStringList names = stored();
    QVERIFY(names.size() < 20);
    // Stored messages were deleted on the server, the rest are still there: each exactly once.
    QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size());
    QCOMPARE(names.size() + server.messages().size(), 20);
}

void TestDaemon::spoolIsPrivateUnderUmask022()
{
    // What systemd gives a service without UMask=: 022. A spool an older version left readable
    // is there too.
    const QString spool = m_dir->filePath(QStringLiteral("spool"));
    QDir().mkpath(spool + QStringLiteral("/Failed Mail"));
    QFile old(spool + QStringLiteral("/Failed Mail/old.eml"));
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("Subject: left by an older version\r\n\r\nx\r\n");
    old.close();
    QVERIFY(old.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
        | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    m_dovecot.addMessages(QStringLiteral("alice"), makeCorpus({4, 36}));
    const QString ini = writeConfig(
        mailboxSection(QStringLiteral("alice"), passwordFile(QStringLiteral("a.pw"), "pw-alice"))
            + QStringLiteral("local_mailbox = alice@office.example\n"),
        QStringLiteral("log_level = maximum\n"));
    QProcess p;
    p.setChildProcessModifier([] { ::umask(022); });
    p.start(QStringLiteral(P3C_DAEMON),
        {QStringLiteral("--config"), ini, QStringLiteral("--once"), QStringLiteral("--stages"),
            QStringLiteral("download,transfer")});
    QSignalSpy finished(&p, &QProcess::finished);
    QVERIFY(finished.wait(60000));
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(p.exitCode() == 0, err.constData());
    QVERIFY(err.contains("1008")); // the old file was made private
    QCOMPARE(readSpoolFolder(spool + QStringLiteral("/PickUp")).size(), 4);
    int files = 0;
    QDirIterator it(spool, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    const QFile::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
        | QFileDevice::ExeOther;
    QVERIFY(!(QFileInfo(spool).permissions() & others));
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        QVERIFY2(!(info.permissions() & others), qPrintable(path));
        files += info.isFile();
    }
    // The messages (their sidecars at their tops), ledger, history, journal, events, transcripts,
    // lock.
    QVERIFY2(files >= 10, QByteArray::number(files));
}

namespace {

QList<ScriptedPop3Server::Message> wireMessages(const QList<QByteArray> &corpus)
{
    QList<ScriptedPop3Server::Message> messages;
    for (int i = 0; i < corpus.size(); ++i)
        messages.append({toWireForm(corpus[i]), "u" + QByteArray::number(i)});
    return messages;
}

QString scriptedSection(const QString &name, quint16 port, const QString &pwFile)
{
    return QStringLiteral("[mailbox.%1]\nhost = 127.0.0.1\nport = %2\nsecurity = none\n"
                          "user = user\npassword_file = %3\nlocal_mailbox = bob@office.example\n\n")
        .arg(name)
        .arg(port)
        .arg(pwFile);
}

} // namespace

void TestDaemon::slowMailboxDoesNotHoldOthersDelivery()
{
    // A provider on a slow but steady link (about 20 KB/s: never cut) beside a healthy one.
    ScriptedPop3Server slow;
    slow.listen();
    slow.faults.pipelining = false;
    slow.faults.trickleRetr = 1;
    slow.faults.trickleBytes = 2000;
    slow.faults.trickleIntervalMs = 100;
    slow.setMessages({{toWireForm("Subject: slow\n\n" + QByteArray(300'000, 's') + "\n"), "s1"}});
    m_dovecot.addMessages(QStringLiteral("alice"), makeCorpus({5, 37}));
    const QString ini = writeConfig(
        mailboxSection(QStringLiteral("alice"), passwordFile(QStringLiteral("a.pw"), "pw-alice"))
            + QStringLiteral("local_mailbox = bob@office.example\n\n")
            + scriptedSection(QStringLiteral("slow"), slow.port(),
                passwordFile(QStringLiteral("s.pw"), "secret")),
        QStringLiteral("timeout_seconds = 3\n\n[delivery]\ntransport = lmtp\nhost = 127.0.0.1\n"
                       "port = %1\n")
            .arg(m_dovecot.lmtpPort()));
    QProcess daemon;
    QSignalSpy finished(&daemon, &QProcess::finished);
    daemon.start(
        QStringLiteral(P3C_DAEMON), {QStringLiteral("--config"), ini, QStringLiteral("--once")});
    // The healthy mailbox's mail is delivered to the office server while the slow one is still
    // being received.
    QTRY_VERIFY_WITH_TIMEOUT(m_dovecot.messageCount(QStringLiteral("bob")) == 5
            || finished.count() > 0 || slow.tricklesFinished() > 0,
        30000);
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("bob")), 5);
    QCOMPARE(slow.tricklesFinished(), 0);
    QCOMPARE(finished.count(), 0);
    QVERIFY(finished.wait(60000));
    QVERIFY2(daemon.exitCode() == 0, daemon.readAllStandardError().constData());
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("bob")), 6);
    QCOMPARE(slow.messages().size(), 0);
}

void TestDaemon::sigtermDuringSlowRetrEndsWithinTimeout()
{
    // Three messages come at once; the fourth on a slow but steady link (about 4 KB/s: the
    // progress floor does not cut it) that would take two minutes.
    ScriptedPop3Server server;
    server.listen();
    server.faults.pipelining = false;
    server.faults.trickleRetr = 4;
    server.faults.trickleBytes = 400;
    server.faults.trickleIntervalMs = 100;
    QList<QByteArray> corpus = makeCorpus({3, 38});
    corpus.append("Subject: slow\n\n" + QByteArray(500'000, 's') + "\n");
    const QList<ScriptedPop3Server::Message> messages = wireMessages(corpus);
    server.setMessages(messages);
    const QString ini = writeConfig(scriptedSection(QStringLiteral("slow"), server.port(),
                                        passwordFile(QStringLiteral("s.pw"), "secret")),
        QStringLiteral("timeout_seconds = 3\n"));
    QProcess daemon;
    QSignalSpy finished(&daemon, &QProcess::finished);
    daemon.start(QStringLiteral(P3C_DAEMON),
        {QStringLiteral("--config"), ini, QStringLiteral("--once"), QStringLiteral("--stages"),
            QStringLiteral("download")});
    QTRY_VERIFY_WITH_TIMEOUT(server.count("RETR 4") == 1, 20000);
    QTest::qWait(1000); // well into the slow message
    QElapsedTimer clock;
    clock.start();
    ::kill(pid_t(daemon.processId()), SIGTERM);
    QVERIFY(finished.wait(10000));
    qInfo("stopped %lld ms after SIGTERM (timeout_seconds = 3)", clock.elapsed());
    QVERIFY2(clock.elapsed() < 3000 + 1000, qPrintable(QString::number(clock.elapsed())));
    const QString incoming = m_dir->filePath(QStringLiteral("spool/Incoming Mail"));
    QCOMPARE(compareWithCorpus(incoming, corpus.first(3)), QString());
    QVERIFY(QDir(m_dir->filePath(QStringLiteral("spool/tmp"))).isEmpty());

    // The next run deletes the three stored messages without retrieving them, and takes the
    // fourth (at full speed now).
    server.faults.faultySessions = 0;
    const int retrBefore = server.count("RETR ");
    const Result r = runDaemon({QStringLiteral("--config"), ini, QStringLiteral("--once"),
        QStringLiteral("--stages"), QStringLiteral("download")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(server.count("RETR ") - retrBefore, 1);
    QCOMPARE(server.messages().size(), 0);
    QCOMPARE(compareWithCorpus(incoming, corpus), QString());
}

void TestDaemon::quitRefusedExitsOne()
{
    ScriptedPop3Server server;
    server.listen();
    server.faults.quitReply = "-ERR [SYS/TEMP] cannot update the maildrop";
    server.setMessages(wireMessages(makeCorpus({2, 39})));
    const QString ini = writeConfig(scriptedSection(
        QStringLiteral("refuser"), server.port(), passwordFile(QStringLiteral("r.pw"), "secret")));
    const Result r = runDaemon({QStringLiteral("--config"), ini, QStringLiteral("--once"),
        QStringLiteral("--stages"), QStringLiteral("download")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(
        r.err.contains(QStringLiteral("pop3connectord: mailbox refuser: ")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("cannot update the maildrop")), qPrintable(r.err));
    QCOMPARE(server.messages().size(), 2);
}

QTEST_GUILESS_MAIN(TestDaemon)
#include "tst_daemon.moc"

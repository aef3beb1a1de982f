// Retrieval against a real Dovecot started by the fixture: plain, STLS and POP3S with a test
// CA, certificate failures, a 5 MB message, a wrong password, leave-on-server with the UIDL
// ledger, several mailboxes in parallel, and the daemon moving a 1,000-message corpus.
#include "childprocess.h"
#include "corpus.h"
#include "dovecotfixture.h"
#include "memorysecretstore.h"
#include "operationrecorder.h"
#include "service/connector.h"
#include "spoolcheck.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Pop3Connector;

class TestDovecot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void plainUserPass();
    void explicitMechanisms_data();
    void explicitMechanisms();
    void stlsWithTestCa();
    void pop3sWithBigMessage();
    void untrustedCertificate();
    void hostNameMismatch();
    void wrongPassword();
    void commitFailureLeavesMessageOnServer();
    void leaveOnServerUsesLedger();
    void parallelMailboxesBoundedPerHost_data();
    void parallelMailboxesBoundedPerHost();
    void daemonMovesCorpus();

private:
    MailboxSettings mailbox(const QString &user) const;
    CycleReport runCycle(const QList<MailboxSettings> &mailboxes, int perHost = 2,
        QList<MailboxProgress> *progress = nullptr);
    QList<QByteArray> fill(const QString &user, int count, quint64 seed, qint64 big = 0);

    DovecotFixture m_dovecot;
    std::unique_ptr<QTemporaryDir> m_dir;
    MemorySecretStore m_secrets;
    const QStringList m_users = {QStringLiteral("alice"), QStringLiteral("bob"),
        QStringLiteral("carol"), QStringLiteral("dave"), QStringLiteral("erin"),
        QStringLiteral("frank"), QStringLiteral("grace"), QStringLiteral("heidi"),
        QStringLiteral("ivan"), QStringLiteral("judy"), QStringLiteral("mallory"),
        QStringLiteral("niaj")};
};

void TestDovecot::initTestCase()
{
    QMap<QString, QString> users;
    for (const QString &u : m_users)
        users.insert(u, QStringLiteral("pw-") + u);
    const QString error = m_dovecot.start(users);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestDovecot::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    for (const QString &u : m_users)
        m_dovecot.clearMailbox(u);
}

MailboxSettings TestDovecot::mailbox(const QString &user) const
{
    MailboxSettings m;
    m.name = user;
    m.host = QStringLiteral("127.0.0.1");
    m.port = m_dovecot.pop3Port();
    m.security = Pop3Security::None;
    m.user = user;
    const QString pwFile = m_dir->filePath(user + QStringLiteral(".pw"));
    QFile f(pwFile);
    f.open(QIODevice::WriteOnly);
    f.write("pw-" + user.toUtf8() + "\n");
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    m.passwordFile = pwFile;
    return m;
}

QList<QByteArray> TestDovecot::fill(const QString &user, int count, quint64 seed, qint64 big)
{
    CorpusOptions o;
    o.count = count;
    o.seed = seed;
    o.bigMessageBytes = big;
    o.maxBytes = 300'000;
    const QList<QByteArray> corpus = makeCorpus(o);
    const QString error = m_dovecot.addMessages(user, corpus);
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
    return corpus;
}

CycleReport TestDovecot::runCycle(
    const QList<MailboxSettings> &mailboxes, int perHost, QList<MailboxProgress> *progress)
{
    Configuration c;
    c.connector.spool = m_dir->filePath(QStringLiteral("spool"));
    c.connector.logLevel = LogLevel::Maximum;
    c.connector.timeoutSeconds = 30;
    c.connector.maxConnectionsPerHost = perHost;
    c.mailboxes = mailboxes;
    Connector connector(c, &m_secrets);
    if (!connector.start().isEmpty())
        return {};
    if (progress) {
        connect(&connector, &Connector::progressed, this,
            [progress](const MailboxProgress &p) { progress->append(p); });
    }
    QSignalSpy finished(&connector, &Connector::cycleFinished);
    connector.runCycle(Stage::Download);
    if (!finished.wait(120000))
        return {};
    return finished.first().first().value<CycleReport>();
}

void TestDovecot::plainUserPass()
{
    const QList<QByteArray> corpus = fill(QStringLiteral("alice"), 25, 11);
    const CycleReport r = runCycle({mailbox(QStringLiteral("alice"))});
    QCOMPARE(r.retrievals.size(), 1);
    QCOMPARE(int(r.retrievals[0].outcome), int(RetrievalReport::Outcome::Succeeded));
    QCOMPARE(r.retrievals[0].stored, 25);
    QCOMPARE(compareWithCorpus(m_dir->filePath(QStringLiteral("spool/Incoming Mail")), corpus),
        QString());
    // One file a message: each sidecar at the top of its message, none beside it.
    const QDir incoming(m_dir->filePath(QStringLiteral("spool/Incoming Mail")));
    QCOMPARE(incoming.entryList(QDir::Files).size(), 25);
    const QList<SpooledMessage> stored = readSpoolFolder(incoming.path());
    QVERIFY(std::all_of(stored.cbegin(), stored.cend(), [](const SpooledMessage &m) {
        return m.metadata.messageOffset > 0 && m.metadata.mailbox == QStringLiteral("alice");
    }));
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("alice")), 0);
}

void TestDovecot::explicitMechanisms_data()
{
    QTest::addColumn<int>("method");
    QTest::newRow("user") << int(AuthMethod::User);
    QTest::newRow("plain") << int(AuthMethod::Plain);
    QTest::newRow("login") << int(AuthMethod::Login);
    QTest::newRow("cram-md5") << int(AuthMethod::CramMd5);
}

void TestDovecot::explicitMechanisms()
{
    QFETCH(int, method);
    fill(QStringLiteral("bob"), 3, 12);
    MailboxSettings m = mailbox(QStringLiteral("bob"));
    m.auth = AuthMethod(method);
    const CycleReport r = runCycle({m});
    QCOMPARE(int(r.retrievals.value(0).outcome), int(RetrievalReport::Outcome::Succeeded));
    QCOMPARE(r.retrievals[0].stored, 3);
    // The transcript shows the mechanism and never the password.
    QFile t(m_dir->filePath(QStringLiteral("spool/log/transcripts/bob.log")));
    QVERIFY(t.open(QIODevice::ReadOnly));
    const QByteArray transcript = t.readAll();
    QVERIFY(!transcript.contains("pw-bob"));
    QVERIFY(!transcript.contains(QByteArray("pw-bob").toBase64()));
    if (AuthMethod(method) != AuthMethod::User)
        QVERIFY(transcript.contains("C: AUTH "));
}

void TestDovecot::stlsWithTestCa()
{
    const QList<QByteArray> corpus = fill(QStringLiteral("bob"), 10, 13);
    MailboxSettings m = mailbox(QStringLiteral("bob"));
    m.security = Pop3Security::StartTls;
    m.caFile = m_dovecot.caFile();
    const CycleReport r = runCycle({m});
    QCOMPARE(int(r.retrievals.value(0).outcome), int(RetrievalReport::Outcome::Succeeded));
    QCOMPARE(compareWithCorpus(m_dir->filePath(QStringLiteral("spool/Incoming Mail")), corpus),
        QString());
    QFile t(m_dir->filePath(QStringLiteral("spool/log/transcripts/bob.log")));
    QVERIFY(t.open(QIODevice::ReadOnly));
    const QByteArray transcript = t.readAll();
    const qsizetype stls = transcript.indexOf("C: STLS");
    const qsizetype tls = transcript.indexOf("-- TLS: ");
    const qsizetype auth = transcript.indexOf("C: AUTH");
    QVERIFY(stls > 0 && tls > stls && auth > tls);
}

void TestDovecot::pop3sWithBigMessage()
{
    const QList<QByteArray> corpus = fill(QStringLiteral("carol"), 12, 14, 5 * 1024 * 1024);
    MailboxSettings m = mailbox(QStringLiteral("carol"));
    m.security = Pop3Security::Tls;
    m.port = m_dovecot.pop3sPort();
    m.caFile = m_dovecot.caFile();
    const CycleReport r = runCycle({m});
    QCOMPARE(int(r.retrievals.value(0).outcome), int(RetrievalReport::Outcome::Succeeded));
    QVERIFY(r.retrievals[0].bytes > 5 * 1024 * 1024);
    QCOMPARE(compareWithCorpus(m_dir->filePath(QStringLiteral("spool/Incoming Mail")), corpus),
        QString());
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("carol")), 0);
}

void TestDovecot::untrustedCertificate()
{
    fill(QStringLiteral("carol"), 3, 15);
    MailboxSettings m = mailbox(QStringLiteral("carol"));
    m.security = Pop3Security::Tls;
    m.port = m_dovecot.pop3sPort(); // no ca_file: the test CA is not trusted
    const CycleReport r = runCycle({m});
    QCOMPARE(int(r.retrievals.value(0).failureId), int(EventId::CertificateUntrusted));
    QVERIFY2(r.retrievals[0].failureText.contains(QStringLiteral("issuer")),
        qPrintable(r.retrievals[0].failureText));
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("carol")), 3);
    QVERIFY(readSpoolFolder(m_dir->filePath(QStringLiteral("spool/Incoming Mail"))).isEmpty());
}

void TestDovecot::hostNameMismatch()
{
    fill(QStringLiteral("carol"), 2, 16);
    MailboxSettings m = mailbox(QStringLiteral("carol"));
    m.host = QStringLiteral("127.0.0.2"); // served, but not named in the certificate
    m.security = Pop3Security::Tls;
    m.port = m_dovecot.pop3sPort();
    m.caFile = m_dovecot.caFile();
    const CycleReport r = runCycle({m});
    QCOMPARE(int(r.retrievals.value(0).failureId), int(EventId::CertificateUntrusted));
    QVERIFY2(r.retrievals[0].failureText.contains(QStringLiteral("host name")),
        qPrintable(r.retrievals[0].failureText));
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("carol")), 2);
}

void TestDovecot::wrongPassword()
{
    fill(QStringLiteral("dave"), 4, 17);
    MailboxSettings m = mailbox(QStringLiteral("dave"));
    QFile f(m.passwordFile);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write("not-the-password\n");
    f.close();
    const CycleReport r = runCycle({m});
    QCOMPARE(int(r.retrievals.value(0).outcome), int(RetrievalReport::Outcome::Failed));
    QCOMPARE(int(r.retrievals[0].failureId), int(EventId::AuthenticationFailed));
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("dave")), 4);
    const QList<Event> events =
        EventLog::readFile(m_dir->filePath(QStringLiteral("spool/log/events.log")));
    QVERIFY(std::any_of(events.cbegin(), events.cend(), [](const Event &e) {
        return e.id == EventId::AuthenticationFailed && e.mailbox == u"dave";
    }));
}

void TestDovecot::commitFailureLeavesMessageOnServer()
{
    const QList<QByteArray> corpus = fill(QStringLiteral("alice"), 20, 23);
    {
        // The move of the fifth message into Incoming Mail fails after its RETR succeeded.
        OperationRecorder recorder;
        int renames = 0;
        const QString incoming = m_dir->filePath(QStringLiteral("spool/Incoming Mail/"));
        recorder.failWhen([&renames, incoming](const DurableFs::Operation &op) {
            return op.kind == DurableFs::Operation::Kind::Rename && op.target.startsWith(incoming)
                && op.target.endsWith(QStringLiteral(".eml")) && ++renames == 5;
        });
        const CycleReport r = runCycle({mailbox(QStringLiteral("alice"))});
        QCOMPARE(recorder.failed(), 1);
        QCOMPARE(r.retrievals.size(), 1);
        QCOMPARE(int(r.retrievals[0].failureId), int(EventId::StorageFailed));
    }
    // Every message is on the server or stored, exactly once: the one whose commit failed was
    // never deleted, and what was stored before it was.
    QList<QByteArray> found;
    for (const SpooledMessage &m :
        readSpoolFolder(m_dir->filePath(QStringLiteral("spool/Incoming Mail")))) {
        found.append(QByteArray(m.bytes).replace("\r\n", "\n"));
    }
    const int stored = int(found.size());
    for (const char *sub : {"/new", "/cur"}) {
        const QDir dir(m_dovecot.maildir(QStringLiteral("alice")) + QLatin1String(sub));
        for (const QString &f : dir.entryList(QDir::Files)) {
            QFile file(dir.filePath(f));
            QVERIFY(file.open(QIODevice::ReadOnly));
            found.append(file.readAll());
        }
    }
    QVERIFY2(stored >= 4 && stored < 20, qPrintable(QString::number(stored)));
    QCOMPARE(found.size(), corpus.size());
    for (const QByteArray &m : corpus)
        QCOMPARE(found.count(m), 1);

    // The next cycle takes the rest, and only the rest.
    const CycleReport again = runCycle({mailbox(QStringLiteral("alice"))});
    QCOMPARE(int(again.retrievals.value(0).outcome), int(RetrievalReport::Outcome::Succeeded));
    QCOMPARE(compareWithCorpus(m_dir->filePath(QStringLiteral("spool/Incoming Mail")), corpus),
        QString());
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("alice")), 0);
}

void TestDovecot::leaveOnServerUsesLedger()
{
    QList<QByteArray> corpus = fill(QStringLiteral("erin"), 15, 18);
    MailboxSettings m = mailbox(QStringLiteral("erin"));
    m.leaveOnServer = true;
    const QString incoming = m_dir->filePath(QStringLiteral("spool/Incoming Mail"));

    CycleReport r = runCycle({m});
    QCOMPARE(r.retrievals.value(0).stored, 15);
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("erin")), 15);

    r = runCycle({m}); // nothing new: nothing downloaded
    QCOMPARE(r.retrievals.value(0).stored, 0);
    QCOMPARE(r.retrievals[0].alreadyStored, 15);

    corpus += fill(QStringLiteral("erin"), 3, 19);
    r = runCycle({m});
    QCOMPARE(r.retrievals.value(0).stored, 3);
    QCOMPARE(compareWithCorpus(incoming, corpus), QString());

    // Age the ledger by 30 days: "delete after 7 days" now removes them, without downloading.
    const QString ledgerPath = m_dir->filePath(QStringLiteral("spool/state/ledgers/erin.ledger"));
    QFile ledger(ledgerPath);
    QVERIFY(ledger.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = ledger.readAll().split('\n');
    ledger.close();
    const qint64 old = QDateTime::currentSecsSinceEpoch() - 30 * 86400;
    for (QByteArray &line : lines) {
        if (line.startsWith("S ")) {
            QList<QByteArray> f = line.split(' ');
            f[1] = QByteArray::number(old);
            line = f.join(' ');
        }
    }
    QVERIFY(ledger.open(QIODevice::WriteOnly | QIODevice::Truncate));
    ledger.write(lines.join('\n'));
    ledger.close();
    m.deleteAfterDays = 7;
    r = runCycle({m});
    QCOMPARE(r.retrievals.value(0).stored, 0);
    QCOMPARE(r.retrievals[0].deleted, 18);
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("erin")), 0);
    QCOMPARE(compareWithCorpus(incoming, corpus), QString());
}

void TestDovecot::parallelMailboxesBoundedPerHost_data()
{
    QTest::addColumn<int>("perHost");
    QTest::addColumn<int>("mailboxes");
    QTest::newRow("2 per host") << 2 << 4;
    QTest::newRow("4 per host") << 4 << 4;
    // More mailboxes than the few a LAN needs: behind a slow link they all wait at once.
    QTest::newRow("12 mailboxes, 16 per host") << 16 << 12;
}

void TestDovecot::parallelMailboxesBoundedPerHost()
{
    QFETCH(int, perHost);
    QFETCH(int, mailboxes);
    QList<MailboxSettings> boxes;
    QHash<QString, QList<QByteArray>> corpora;
    QList<QByteArray> all;
    for (int i = 0; i < mailboxes; ++i) {
        const QString user = m_users[i];
        corpora[user] = fill(user, 60, 20 + i);
        all += corpora[user];
        boxes.append(mailbox(user));
    }
    QList<MailboxProgress> progress;
    const CycleReport r = runCycle(boxes, perHost, &progress);
    QCOMPARE(r.retrievals.size(), mailboxes);
    for (const RetrievalReport &rr : r.retrievals)
        QCOMPARE(rr.stored, 60);
    QCOMPARE(
        compareWithCorpus(m_dir->filePath(QStringLiteral("spool/Incoming Mail")), all), QString());
    // How many sessions were open at once: between a mailbox's first report and its last.
    int open = 0;
    int most = 0;
    QSet<QString> started;
    for (const MailboxProgress &p : std::as_const(progress)) {
        if (!started.contains(p.mailbox)) {
            started.insert(p.mailbox);
            most = std::max(most, ++open);
        }
        if (p.phase == MailboxProgress::Phase::Done)
            --open;
    }
    QCOMPARE(most, std::min(perHost, mailboxes));
}

void TestDovecot::daemonMovesCorpus()
{
    CorpusOptions o;
    o.count = 1000;
    o.seed = 1;
    const QList<QByteArray> corpus = makeCorpus(o);
    QVERIFY(m_dovecot.addMessages(QStringLiteral("frank"), corpus).isEmpty());
    const QString ini = m_dir->filePath(QStringLiteral("connector.ini"));
    QFile f(ini);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("[connector]\nspool = spool\n\n[mailbox.frank]\nhost = 127.0.0.1\n"
                           "port = %1\nsecurity = tls\nca_file = %2\nuser = frank\n"
                           "password_file = frank.pw\n")
                .arg(m_dovecot.pop3sPort())
                .arg(m_dovecot.caFile())
                .toUtf8());
    f.close();
    mailbox(QStringLiteral("frank")); // writes frank.pw
    ChildProcess daemon;
    daemon.start(QStringLiteral(P3C_DAEMON),
        {QStringLiteral("--config"), ini, QStringLiteral("--once"), QStringLiteral("--stages"),
            QStringLiteral("download")});
    QVERIFY(daemon.waitForFinished(120000));
    const QByteArray stderrText = daemon.readAllStandardError();
    QVERIFY2(daemon.exitCode() == 0, stderrText.constData());
    QCOMPARE(compareWithCorpus(m_dir->filePath(QStringLiteral("spool/Incoming Mail")), corpus),
        QString());
    QCOMPARE(m_dovecot.messageCount(QStringLiteral("frank")), 0);
    QVERIFY(QDir(m_dir->filePath(QStringLiteral("spool/tmp"))).isEmpty());
}

QTEST_GUILESS_MAIN(TestDovecot)
#include "tst_dovecot.moc"

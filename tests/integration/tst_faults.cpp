// Faults a real server does not produce on demand, played by a scripted POP3 server on
// 127.0.0.1 port 0, against the real retrieval over real sockets and a real spool.
#include "corpus.h"
#include "mailboxretrieval.h"
#include "scriptedpop3server.h"
#include "spoolcheck.h"
#include "spoolcommitter.h"
#include "uidledger.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Pop3Connector;

class TestFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void dropDuringRetrieval();
    void dropInsteadOfQuitReply();
    void quitCommittedButReplyLost();
    void stalledServerTimesOut();
    void refusedMessageArrivesNextTime();
    void diskFullKeepsMailOnServer();
    void stlsInjectionIsRefused();
    void stlsNotOfferedNeverSendsPassword();
    void mailboxInUseIsDeferred();

private:
    RetrievalReport retrieve(int timeoutMs = 5000, Pop3Security security = Pop3Security::None);
    void load(int count, qint64 bigBytes = 0);
    QString checkIncoming() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ScriptedPop3Server> m_server;
    QList<QByteArray> m_corpus;
    Spool m_spool;
    std::unique_ptr<SpoolCommitter> m_committer;
    std::shared_ptr<UidLedger> m_ledger;
    QList<Event> m_events;
    QString m_mount;
};

void TestFaults::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<ScriptedPop3Server>();
    m_server->listen();
    m_spool = Spool(m_dir->path() + QStringLiteral("/spool"));
    QCOMPARE(failure(m_spool.prepare()), QString());
    m_committer = std::make_unique<SpoolCommitter>(m_spool);
    m_ledger = std::make_shared<UidLedger>(m_spool.ledgerPath(QStringLiteral("box")));
    QCOMPARE(failure(m_ledger->open(QStringLiteral("127.0.0.1 user"))), QString());
    m_events.clear();
}

void TestFaults::cleanup()
{
    m_ledger.reset();
    m_committer.reset();
    if (!m_mount.isEmpty()) {
        QProcess::execute(QStringLiteral("umount"), {m_mount});
        m_mount.clear();
    }
}

void TestFaults::load(int count, qint64 bigBytes)
{
    CorpusOptions o;
    o.count = count;
    o.seed = 7;
    o.maxBytes = 200'000;
    o.bigMessageBytes = bigBytes;
    m_corpus = makeCorpus(o);
    QList<ScriptedPop3Server::Message> messages;
    for (int i = 0; i < m_corpus.size(); ++i)
        messages.append({toWireForm(m_corpus[i]), "uid-" + QByteArray::number(i)});
    m_server->setMessages(messages);
}

QString TestFaults::checkIncoming() const
{
    return compareWithCorpus(m_spool.folderPath(SpoolFolder::Incoming), m_corpus);
}

RetrievalReport TestFaults::retrieve(int timeoutMs, Pop3Security security)
{
    MailboxRetrieval::Setup setup;
    setup.mailbox.name = QStringLiteral("box");
    setup.mailbox.host = QStringLiteral("127.0.0.1");
    setup.mailbox.port = m_server->port();
    setup.mailbox.security = security;
    setup.mailbox.user = QStringLiteral("user");
    setup.password = "secret";
    setup.timeoutMs = timeoutMs;
    setup.logLevel = LogLevel::Maximum;
    setup.spool = m_spool;
    setup.committer = m_committer.get();
    setup.ledger = m_ledger;
    MailboxRetrieval retrieval(setup);
    connect(&retrieval, &MailboxRetrieval::eventRaised, this,
        [this](const Event &e) { m_events.append(e); });
    QSignalSpy finished(&retrieval, &MailboxRetrieval::finished);
    retrieval.start();
    if (!finished.wait(timeoutMs + 20000))
        return {};
    return finished.first().first().value<RetrievalReport>();
}

void TestFaults::dropDuringRetrieval()
{
    load(40);
    m_server->faults.dropDuringRetr = 17;
    const RetrievalReport first = retrieve();
    QCOMPARE(int(first.failureId), int(EventId::ConnectionDropped));
    QVERIFY(first.stored >= 16);
    QCOMPARE(m_server->messages().size(), 40); // no QUIT: the server deleted nothing
    QVERIFY2(QDir(m_spool.tmpPath()).isEmpty(), "the cut message must not be kept");

    const int retrBefore = m_server->count("RETR ");
    const RetrievalReport second = retrieve();
    QCOMPARE(int(second.outcome), int(RetrievalReport::Outcome::Succeeded));
    QCOMPARE(second.alreadyStored, first.stored);
    QCOMPARE(first.stored + second.stored, 40);
    // What the first session stored was deleted without being downloaded again.
    QCOMPARE(m_server->count("RETR ") - retrBefore, 40 - first.stored);
    QCOMPARE(checkIncoming(), QString());
    QCOMPARE(m_server->messages().size(), 0);
}

void TestFaults::dropInsteadOfQuitReply()
{
    load(30);
    m_server->faults.dropInsteadOfQuitReply = true;
    const RetrievalReport first = retrieve();
    QCOMPARE(first.stored, 30);
    QCOMPARE(m_server->messages().size(), 30); // RFC 1939 §6: nothing deleted without QUIT
    QVERIFY(std::any_of(m_events.cbegin(), m_events.cend(),
        [](const Event &e) { return e.id == EventId::QuitNotConfirmed; }));

    const int retrBefore = m_server->count("RETR ");
    const RetrievalReport second = retrieve();
    QCOMPARE(second.stored, 0);
    QCOMPARE(second.alreadyStored, 30);
    QCOMPARE(second.deleted, 30);
    QCOMPARE(m_server->count("RETR "), retrBefore); // nothing downloaded twice
    QCOMPARE(m_server->messages().size(), 0);
    QCOMPARE(checkIncoming(), QString());
}

void TestFaults::quitCommittedButReplyLost()
{
    load(10);
    m_server->faults.commitThenDropQuitReply = true;
    QCOMPARE(retrieve().stored, 10);
    QCOMPARE(m_server->messages().size(), 0);
    const RetrievalReport second = retrieve();
    QCOMPARE(second.onServer, 0);
    QCOMPARE(m_ledger->size(), 0); // pruned after a valid, empty UIDL listing
    QCOMPARE(checkIncoming(), QString());
}

void TestFaults::stalledServerTimesOut()
{
    load(5);
    m_server->faults.stallAtRetr = 3;
    m_server->faults.pipelining = false;
    QElapsedTimer clock;
    clock.start();
    const RetrievalReport first = retrieve(700);
    QCOMPARE(int(first.failureId), int(EventId::ServerTimeout));
    QVERIFY(clock.elapsed() < 5000);
    QCOMPARE(first.stored, 2);
    const RetrievalReport second = retrieve(700);
    QCOMPARE(int(second.outcome), int(RetrievalReport::Outcome::Succeeded));
    QCOMPARE(checkIncoming(), QString());
    QCOMPARE(m_server->messages().size(), 0);
}

void TestFaults::refusedMessageArrivesNextTime()
{
    load(8);
    m_server->faults.errOnRetr = {4};
    const RetrievalReport first = retrieve();
    QCOMPARE(int(first.outcome), int(RetrievalReport::Outcome::Succeeded));
    QCOMPARE(first.stored, 7);
    QCOMPARE(first.unavailable, 1);
    QCOMPARE(m_server->messages().size(), 1);
    const RetrievalReport second = retrieve();
    QCOMPARE(second.stored, 1);
    QCOMPARE(checkIncoming(), QString());
}

void TestFaults::diskFullKeepsMailOnServer()
{
    if (::geteuid() != 0)
        QSKIP("mounting a small file system for the spool needs root");
    // A 1 MB file system for the spool, and a mailbox whose 2 MB message cannot fit.
    m_mount = m_dir->path() + QStringLiteral("/small");
    QDir().mkpath(m_mount);
    QCOMPARE(QProcess::execute(QStringLiteral("mount"),
                 {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                     QStringLiteral("size=1m"), QStringLiteral("tmpfs"), m_mount}),
        0);
    m_spool = Spool(m_mount + QStringLiteral("/spool"));
    QCOMPARE(failure(m_spool.prepare()), QString());
    m_committer = std::make_unique<SpoolCommitter>(m_spool);
    m_ledger = std::make_shared<UidLedger>(m_spool.ledgerPath(QStringLiteral("box")));
    QCOMPARE(failure(m_ledger->open(QStringLiteral("127.0.0.1 user"))), QString());

    QList<ScriptedPop3Server::Message> messages = {
        {toWireForm("Subject: small\n\nfits\n"), "small"},
        {toWireForm("Subject: big\n\n" + QByteArray(2'000'000, 'x') + "\n"), "big"},
        {toWireForm("Subject: after\n\nalso small\n"), "after"},
    };
    m_server->faults.pipelining = false;
    m_server->setMessages(messages);
    const RetrievalReport r = retrieve();
    QCOMPARE(int(r.failureId), int(EventId::StorageFailed));
    QVERIFY2(r.failureText.contains(QStringLiteral("space")), qPrintable(r.failureText));
    // The big message and everything behind it stay on the server; what was stored is deleted.
    QCOMPARE(m_server->messages().size(), 2);
    QCOMPARE(m_server->messages().first().uid, QByteArray("big"));
    QCOMPARE(m_server->count("DELE 2"), 0);
    QVERIFY2(QDir(m_spool.tmpPath()).isEmpty(), "no partial file may remain");
    QCOMPARE(readSpoolFolder(m_spool.folderPath(SpoolFolder::Incoming)).size(), 1);
}

void TestFaults::stlsInjectionIsRefused()
{
    load(2);
    m_server->faults.stls = true;
    m_server->faults.injectAfterStls = true;
    const RetrievalReport r = retrieve(5000, Pop3Security::StartTls);
    QCOMPARE(int(r.failureId), int(EventId::ProtocolViolation));
    QCOMPARE(m_server->count("USER"), 0);
    QCOMPARE(m_server->count("PASS"), 0);
}

void TestFaults::stlsNotOfferedNeverSendsPassword()
{
    load(2);
    const RetrievalReport r = retrieve(5000, Pop3Security::StartTls);
    QCOMPARE(int(r.failureId), int(EventId::StartTlsUnavailable));
    QCOMPARE(m_server->count("USER"), 0);
    QCOMPARE(m_server->count("PASS"), 0);
    QCOMPARE(m_server->messages().size(), 2);
}

void TestFaults::mailboxInUseIsDeferred()
{
    load(3);
    m_server->faults.passReply = "-ERR [IN-USE] Mailbox is locked by another POP3 session";
    const RetrievalReport r = retrieve();
    QCOMPARE(int(r.outcome), int(RetrievalReport::Outcome::Deferred));
    QCOMPARE(int(r.failureId), int(EventId::MailboxBusy));
    QCOMPARE(retrieve().stored, 3);
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"

// Faults a real server does not produce on demand, played by a scripted POP3 server on
// 127.0.0.1 port 0, against the real retrieval over real sockets and a real spool.
#include "corpus.h"
#include "pipeline/download/mailboxretrieval.h"
#include "scriptedpop3server.h"
#include "spool/spoolcommitter.h"
#include "spool/uidledger.h"
#include "spoolcheck.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
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
    void endlessCapaIsCutShort();
    void endlessUidlStaysWithinMemoryCap();
    void endlessLineIsCutShort();
    void trickledGreetingTimesOut();
    void trickledRetrTimesOut();
    void slowSteadyLinkIsNotCut();
    void listLyingAboutSizeStopsAtLimit();
    void endlessMessageIsDroppedAndNeverRetrievedAgain();
    void quitRefusedFailsMailbox();

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
    int m_maxMessageKb = 0;
};

namespace {

// The process's peak resident memory in KB (VmHWM), after resetting it to the current size.
qint64 peakKb(bool reset = false)
{
    if (reset) {
        QFile clear(QStringLiteral("/proc/self/clear_refs"));
        if (clear.open(QIODevice::WriteOnly))
            clear.write("5"); // resets the peak to the current resident size
    }
    QFile status(QStringLiteral("/proc/self/status"));
    status.open(QIODevice::ReadOnly);
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').front().toLongLong();
    }
    return -1;
}

bool hasEvent(const QList<Event> &events, EventId id)
{
    return std::any_of(events.cbegin(), events.cend(), [id](const Event &e) { return e.id == id; });
}

} // namespace

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
    m_maxMessageKb = 0;
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
    if (m_maxMessageKb > 0)
        setup.mailbox.maxMessageKb = m_maxMessageKb;
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

void TestFaults::endlessCapaIsCutShort()
{
    load(2);
    m_server->faults.endlessCapa = true;
    const qint64 before = peakKb(true);
    QElapsedTimer clock;
    clock.start();
    const RetrievalReport r = retrieve(3000);
    const qint64 growth = peakKb() - before;
    qInfo("endless CAPA: %lld bytes sent, peak memory grew by %lld KB in %lld ms",
        m_server->endlessBytesSent(), growth, clock.elapsed());
    QCOMPARE(int(r.failureId), int(EventId::ProtocolViolation));
    QVERIFY2(r.failureText.contains(QStringLiteral("CAPA")), qPrintable(r.failureText));
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    // Cut at the reply cap: the server got little out before the connection was dropped.
    QVERIFY2(m_server->endlessBytesSent() < 8 * 1024 * 1024,
        qPrintable(QString::number(m_server->endlessBytesSent())));
    QVERIFY2(growth < 16 * 1024, qPrintable(QString::number(growth)));
    QCOMPARE(m_server->count("USER"), 0);
}

void TestFaults::endlessUidlStaysWithinMemoryCap()
{
    load(2);
    m_server->faults.endlessUidl = true;
    const qint64 before = peakKb(true);
    QElapsedTimer clock;
    clock.start();
    const RetrievalReport r = retrieve(3000);
    const qint64 growth = peakKb() - before;
    qInfo("endless UIDL: %lld bytes listed, peak memory grew by %lld KB in %lld ms",
        m_server->endlessBytesSent(), growth, clock.elapsed());
    QCOMPARE(int(r.failureId), int(EventId::ProtocolViolation));
    QVERIFY2(r.failureText.contains(QStringLiteral("UIDL")), qPrintable(r.failureText));
    // A million entries at most (the documented cap), held compactly: tens of MB, not GB.
    QVERIFY2(growth < 96 * 1024, qPrintable(QString::number(growth)));
    QCOMPARE(m_server->count("RETR"), 0);
    QCOMPARE(m_server->count("DELE"), 0);
    QCOMPARE(m_server->messages().size(), 2);
}

void TestFaults::endlessLineIsCutShort()
{
    load(2);
    m_server->faults.endlessLine = true;
    const qint64 before = peakKb(true);
    QElapsedTimer clock;
    clock.start();
    const RetrievalReport r = retrieve(3000);
    const qint64 growth = peakKb() - before;
    qInfo("endless line: %lld bytes sent, peak memory grew by %lld KB in %lld ms",
        m_server->endlessBytesSent(), growth, clock.elapsed());
    QCOMPARE(int(r.failureId), int(EventId::ProtocolViolation));
    QVERIFY2(r.failureText.contains(QStringLiteral("line")), qPrintable(r.failureText));
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(growth < 16 * 1024, qPrintable(QString::number(growth)));
}

void TestFaults::trickledGreetingTimesOut()
{
    load(2);
    m_server->faults.trickleGreeting = true; // one byte a second
    QElapsedTimer clock;
    clock.start();
    const RetrievalReport r = retrieve(2000);
    QCOMPARE(int(r.failureId), int(EventId::ServerTimeout));
    qInfo("trickled greeting given up after %lld ms", clock.elapsed());
    QVERIFY2(clock.elapsed() < 2000 + 1500, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(m_server->count("USER"), 0);
}

void TestFaults::trickledRetrTimesOut()
{
    load(4);
    m_server->faults.pipelining = false;
    m_server->faults.trickleRetr = 3; // one byte a second
    QElapsedTimer clock;
    clock.start();
    const RetrievalReport first = retrieve(2000);
    QCOMPARE(int(first.failureId), int(EventId::ServerTimeout));
    qInfo("trickled RETR given up after %lld ms", clock.elapsed());
    QVERIFY2(clock.elapsed() < 2000 + 1500, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(first.stored, 2);
    QVERIFY2(QDir(m_spool.tmpPath()).isEmpty(), "the trickled message must not be kept");
    // The next session is served normally: nothing lost, nothing twice.
    const RetrievalReport second = retrieve(2000);
    QCOMPARE(int(second.outcome), int(RetrievalReport::Outcome::Succeeded));
    QCOMPARE(second.alreadyStored, 2);
    QCOMPARE(checkIncoming(), QString());
    QCOMPARE(m_server->messages().size(), 0);
}

void TestFaults::slowSteadyLinkIsNotCut()
{
    // 300 KB at about 50 KB/s: six seconds, three times the timeout, never idle.
    QList<ScriptedPop3Server::Message> messages = {
        {toWireForm("Subject: slow\n\n" + QByteArray(300'000, 's') + "\n"), "slow"}};
    m_corpus = {"Subject: slow\n\n" + QByteArray(300'000, 's') + "\n"};
    m_server->setMessages(messages);
    m_server->faults.trickleRetr = 1;
    m_server->faults.trickleBytes = 5000;
    m_server->faults.trickleIntervalMs = 100;
    const RetrievalReport r = retrieve(2000);
    QCOMPARE(int(r.outcome), int(RetrievalReport::Outcome::Succeeded));
    QCOMPARE(r.stored, 1);
    QCOMPARE(checkIncoming(), QString());
}

void TestFaults::listLyingAboutSizeStopsAtLimit()
{
    // LIST says 115 bytes; RETR streams 2 MB. The limit is 1 KB.
    const QList<QByteArray> mail = {"Subject: one\n\nsmall\n",
        "Subject: liar\n\n" + QByteArray(2'000'000, 'z') + "\n", "Subject: three\n\nsmall\n"};
    m_server->setMessages({{toWireForm(mail[0]), "one"}, {toWireForm(mail[1]), "liar"},
        {toWireForm(mail[2]), "three"}});
    m_server->faults.listedSizes = {{2, 115}};
    m_server->faults.faultySessions = 1000;
    m_maxMessageKb = 1;
    const RetrievalReport first = retrieve();
    QCOMPARE(first.stored, 2);
    QCOMPARE(first.tooLarge, 1);
    QVERIFY2(QDir(m_spool.tmpPath()).isEmpty(), "nothing of the big message may remain");
    QCOMPARE(compareWithCorpus(m_spool.folderPath(SpoolFolder::Incoming), {mail[0], mail[2]}),
        QString());
    QCOMPARE(m_server->count("DELE 2"), 0); // never deleted: it stays on the server
    QCOMPARE(m_server->messages().size(), 1);
    QCOMPARE(m_server->messages().first().uid, QByteArray("liar"));
    QVERIFY(hasEvent(m_events, EventId::MessageTooLarge));

    // Later cycles skip it, with the same event, without downloading it again.
    m_events.clear();
    const int retrBefore = m_server->count("RETR ");
    const RetrievalReport second = retrieve();
    QCOMPARE(m_server->count("RETR "), retrBefore);
    QCOMPARE(second.tooLarge, 1);
    QVERIFY(hasEvent(m_events, EventId::MessageTooLarge));
    QCOMPARE(m_server->messages().size(), 1);
}

void TestFaults::endlessMessageIsDroppedAndNeverRetrievedAgain()
{
    load(3);
    m_server->faults.pipelining = false;
    m_server->faults.endlessRetr = 2;
    m_server->faults.listedSizes = {{2, 115}};
    m_server->faults.faultySessions = 1000;
    m_maxMessageKb = 1024;
    const qint64 before = peakKb(true);
    const RetrievalReport first = retrieve(3000);
    qInfo("endless message: %lld bytes sent before the drop, peak memory grew by %lld KB",
        m_server->endlessBytesSent(), peakKb() - before);
    QCOMPARE(int(first.outcome), int(RetrievalReport::Outcome::Failed));
    QCOMPARE(first.stored, 1);
    QVERIFY(m_server->endlessBytesSent() < 32 * 1024 * 1024);
    QVERIFY2(QDir(m_spool.tmpPath()).isEmpty(), "nothing of the endless message may remain");
    QCOMPARE(m_server->messages().size(), 3); // dropped without QUIT: nothing deleted

    // The next cycle deletes what was stored without downloading it, skips the endless one and
    // retrieves the rest.
    const int retrBefore = m_server->count("RETR ");
    const RetrievalReport second = retrieve(3000);
    QCOMPARE(int(second.outcome), int(RetrievalReport::Outcome::Succeeded));
    QCOMPARE(second.alreadyStored, 1);
    QCOMPARE(second.stored, 1);
    QCOMPARE(second.tooLarge, 1);
    QCOMPARE(m_server->count("RETR ") - retrBefore, 1);
    QCOMPARE(m_server->count("RETR 2"), 1);
    QCOMPARE(m_server->messages().size(), 1);
    QCOMPARE(
        compareWithCorpus(m_spool.folderPath(SpoolFolder::Incoming), {m_corpus[0], m_corpus[2]}),
        QString());
}

void TestFaults::quitRefusedFailsMailbox()
{
    load(3);
    m_server->faults.quitReply = "-ERR [SYS/TEMP] cannot update the maildrop";
    const RetrievalReport first = retrieve();
    QCOMPARE(first.stored, 3);
    QCOMPARE(first.deleted, 0);
    QCOMPARE(int(first.outcome), int(RetrievalReport::Outcome::Failed));
    QCOMPARE(int(first.failureId), int(EventId::QuitRefused));
    QVERIFY2(first.failureText.contains(QStringLiteral("cannot update the maildrop")),
        qPrintable(first.failureText));
    QCOMPARE(m_server->messages().size(), 3);
    const int retrBefore = m_server->count("RETR ");
    const RetrievalReport second = retrieve();
    QCOMPARE(int(second.outcome), int(RetrievalReport::Outcome::Succeeded));
    QCOMPARE(second.deleted, 3);
    QCOMPARE(m_server->count("RETR "), retrBefore);
    QCOMPARE(m_server->messages().size(), 0);
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"

// Every sentence a retrieval tells the administrator, with its event, outcome and ending: a
// table of what happened against what is said.
#include "pipeline/download/retrievalreporter.h"

#include <QTest>

using namespace Pop3Connector;

Q_DECLARE_METATYPE(Pop3Connector::EventId)
Q_DECLARE_METATYPE(Pop3Connector::RetrievalReport::Outcome)
Q_DECLARE_METATYPE(Pop3Connector::Ending)
Q_DECLARE_METATYPE(Pop3Connector::SessionError)
Q_DECLARE_METATYPE(Pop3Connector::RetrievalPlan::Reason)

namespace {

using Outcome = RetrievalReport::Outcome;

MailboxSettings mailbox()
{
    MailboxSettings m;
    m.name = QStringLiteral("office");
    m.host = QStringLiteral("pop.isp.example");
    m.port = 110;
    m.user = QStringLiteral("alice");
    m.maxMessageKb = 2048;
    return m;
}

StatusLine status(const char *line)
{
    const std::optional<StatusLine> parsed = parseStatusLine(line);
    if (!parsed)
        qFatal("not a status line: %s", line);
    return *parsed;
}

// A notice is a failure that neither decides an outcome nor ends the session: those columns
// hold nothing.
constexpr int kNone = -1;

void addNotice(
    const char *row, const Notice &n, EventId id, const QString &text, const QString &message = {})
{
    QTest::newRow(row) << n.id << n.text.english() << n.message << kNone << kNone << id << text
                       << message << kNone << kNone;
}

void addFailure(const char *row, const Failure &f, Outcome outcome, Ending ending, EventId id,
    const QString &text)
{
    QTest::newRow(row) << f.notice.id << f.notice.text.english() << f.notice.message
                       << int(f.outcome) << int(f.ending) << id << text << QString() << int(outcome)
                       << int(ending);
}

} // namespace

class TestRetrievalReporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sentences_data();
    void sentences();
    void refusals_data();
    void refusals();
    void sessionFailures_data();
    void sessionFailures();
    void leftMessages_data();
    void leftMessages();
};

void TestRetrievalReporter::sentences_data()
{
    QTest::addColumn<EventId>("id");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<int>("ending");
    QTest::addColumn<EventId>("expectedId");
    QTest::addColumn<QString>("expectedText");
    QTest::addColumn<QString>("expectedMessage");
    QTest::addColumn<int>("expectedOutcome");
    QTest::addColumn<int>("expectedEnding");

    const RetrievalReporter r(mailbox());
    addNotice("started", r.started(), EventId::RetrievalStarted,
        QStringLiteral("Retrieving mail for alice from pop.isp.example port 110."));
    addNotice("plain-text login", r.plainTextLogin(), EventId::PlainTextLogin,
        QStringLiteral("The password for alice on pop.isp.example is sent without encryption."));
    addFailure("STLS missing", r.startTlsMissing(), Outcome::Failed, Ending::Quit,
        EventId::StartTlsUnavailable,
        QStringLiteral("pop.isp.example does not offer STLS, which the mailbox requires; the "
                       "password was not sent."));
    addFailure("STLS refused", r.startTlsRefused(status("-ERR not today")), Outcome::Failed,
        Ending::Quit, EventId::StartTlsUnavailable,
        QStringLiteral("pop.isp.example refused STLS (\"not today\"); the password was not sent."));
    addFailure("STAT refused", r.statRefused(status("-ERR no")), Outcome::Failed, Ending::Quit,
        EventId::Pop3TransactionError, QStringLiteral("pop.isp.example refused STAT: \"no\""));
    addFailure("LIST refused", r.listRefused(status("-ERR [SYS/TEMP] later")), Outcome::Deferred,
        Ending::Quit, EventId::ServerTemporaryFailure,
        QStringLiteral("pop.isp.example refused to list the mailbox: \"later\" [SYS/TEMP]"));
    addNotice("no UIDL", r.noUniqueIds(), EventId::NoUniqueIds,
        QStringLiteral("pop.isp.example does not support UIDL; messages are recognised by a "
                       "digest of their header."));
    addNotice("backlog", r.backlog(3), EventId::BacklogRemaining,
        QStringLiteral("3 new messages remain on the server for the next cycles."));
    addNotice("outgrown, remembered", r.outgrown(4, 100, "uid-4", true), EventId::MessageTooLarge,
        QStringLiteral("Message 4 is larger than the limit of 2048 KB, although pop.isp.example "
                       "listed it as 100 bytes; it was left on the server. It is not downloaded "
                       "again."),
        QStringLiteral("uid-4"));
    addNotice("outgrown, without UIDL", r.outgrown(4, 100, {}, false), EventId::MessageTooLarge,
        QStringLiteral("Message 4 is larger than the limit of 2048 KB, although pop.isp.example "
                       "listed it as 100 bytes; it was left on the server."));
    addFailure("runaway", r.runaway(4), Outcome::Failed, Ending::Drop, EventId::MessageTooLarge,
        QStringLiteral("pop.isp.example went on sending message 4 far beyond the limit of 2048 "
                       "KB, so the connection was dropped. Messages already stored are deleted "
                       "from the server on the next cycle; the others are retrieved then."));
    addNotice("unavailable", r.unavailable(5, status("-ERR gone"), "uid-5"),
        EventId::MessageUnavailable,
        QStringLiteral("pop.isp.example refused to send message 5: gone"), QStringLiteral("uid-5"));
    addNotice("stored", r.stored(6, 1234, QStringLiteral("n-6"), "uid-6"), EventId::MessageStored,
        QStringLiteral("Message 6 (1234 bytes) stored as n-6."), QStringLiteral("uid-6"));
    addNotice("DELE refused", r.deleteRefused(7, status("-ERR locked"), "uid-7"),
        EventId::Pop3TransactionError,
        QStringLiteral("pop.isp.example refused to delete message 7: locked"),
        QStringLiteral("uid-7"));
    addFailure("storage failed", r.storageFailed(QStringLiteral("disk full")), Outcome::Failed,
        Ending::Quit, EventId::StorageFailed,
        QStringLiteral("Cannot store mail from pop.isp.example: disk full. Retrieval stopped; "
                       "undelivered messages stay on the server."));
    addNotice("ledger failed",
        r.ledgerFailed({ErrorCode::DiskFull, QStringLiteral("cannot write the ledger")}),
        EventId::StorageFailed, QStringLiteral("cannot write the ledger"));
    addFailure("QUIT refused", r.quitRefused(status("-ERR [SYS/TEMP] not updated")),
        Outcome::Failed, Ending::Quit, EventId::QuitRefused,
        QStringLiteral("pop.isp.example answered QUIT with \"not updated\", so it deleted "
                       "nothing. The stored messages are deleted on the next cycle without being "
                       "retrieved again."));
    addNotice("QUIT unconfirmed", r.quitUnconfirmed(QStringLiteral("connection reset")),
        EventId::QuitNotConfirmed,
        QStringLiteral("pop.isp.example did not confirm QUIT (connection reset), so it deleted "
                       "nothing. The stored messages are deleted on the next cycle without being "
                       "retrieved again."));
    addNotice("QUIT unanswered at a stop", r.quitUnansweredAtStop(), EventId::QuitNotConfirmed,
        QStringLiteral("pop.isp.example did not answer QUIT before the connector stopped, so it "
                       "deleted nothing. The stored messages are deleted on the next cycle "
                       "without being retrieved again."));
    addFailure("stopped while arriving", r.stoppedWhileArriving(2), Outcome::Cancelled,
        Ending::Drop, EventId::RetrievalCancelled,
        QStringLiteral("Retrieval of office was stopped with 2 messages still arriving; they "
                       "stay on the server for the next cycle."));
    addFailure("cancelled", r.cancelled(), Outcome::Cancelled, Ending::Drop,
        EventId::RetrievalCancelled, QStringLiteral("Retrieval of office was cancelled."));
    RetrievalReport report;
    report.onServer = 10;
    report.stored = 4;
    report.deleted = 6;
    addNotice("finished", r.finished(report), EventId::RetrievalFinished,
        QStringLiteral("office: 4 new message(s) stored, 6 deleted from the server, 4 left "
                       "there."));
    report.deleted = 12; // more DELEs than LIST named: never fewer than none left
    addNotice("finished, none left", r.finished(report), EventId::RetrievalFinished,
        QStringLiteral("office: 4 new message(s) stored, 12 deleted from the server, 0 left "
                       "there."));
}

void TestRetrievalReporter::sentences()
{
    QFETCH(EventId, id);
    QFETCH(QString, text);
    QFETCH(QString, message);
    QFETCH(int, outcome);
    QFETCH(int, ending);
    QFETCH(EventId, expectedId);
    QFETCH(QString, expectedText);
    QFETCH(QString, expectedMessage);
    QFETCH(int, expectedOutcome);
    QFETCH(int, expectedEnding);
    QCOMPARE(int(id), int(expectedId));
    QCOMPARE(text, expectedText);
    QCOMPARE(message, expectedMessage);
    QCOMPARE(outcome, expectedOutcome);
    QCOMPARE(ending, expectedEnding);
}

void TestRetrievalReporter::refusals_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<EventId>("fallback");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<EventId>("id");
    QTest::addColumn<QString>("text");

    const QString what = QStringLiteral("pop.isp.example refused the login of alice");
    QTest::newRow("in use") << QByteArray("-ERR [IN-USE] another session")
                            << EventId::AuthenticationFailed << Outcome::Deferred
                            << EventId::MailboxBusy
                            << what + QStringLiteral(": \"another session\" [IN-USE]");
    QTest::newRow("login delay") << QByteArray("-ERR [LOGIN-DELAY] wait")
                                 << EventId::AuthenticationFailed << Outcome::Deferred
                                 << EventId::MailboxBusy
                                 << what + QStringLiteral(": \"wait\" [LOGIN-DELAY]");
    QTest::newRow("sys/temp") << QByteArray("-ERR [SYS/TEMP] offline")
                              << EventId::AuthenticationFailed << Outcome::Deferred
                              << EventId::ServerTemporaryFailure
                              << what + QStringLiteral(": \"offline\" [SYS/TEMP]");
    QTest::newRow("sys/perm") << QByteArray("-ERR [SYS/PERM] disabled")
                              << EventId::AuthenticationFailed << Outcome::Failed
                              << EventId::ServerPermanentFailure
                              << what + QStringLiteral(": \"disabled\" [SYS/PERM]");
    QTest::newRow("auth") << QByteArray("-ERR [AUTH] bad password") << EventId::Pop3TransactionError
                          << Outcome::Failed << EventId::AuthenticationFailed
                          << what + QStringLiteral(": \"bad password\" [AUTH]");
    QTest::newRow("no code: the fallback")
        << QByteArray("-ERR invalid login") << EventId::AuthenticationFailed << Outcome::Failed
        << EventId::AuthenticationFailed << what + QStringLiteral(": \"invalid login\"");
    QTest::newRow("a code it does not act on: the fallback, code shown")
        << QByteArray("-ERR [X-VENDOR] maintenance") << EventId::Pop3TransactionError
        << Outcome::Failed << EventId::Pop3TransactionError
        << what + QStringLiteral(": \"maintenance\" [X-VENDOR]");
}

void TestRetrievalReporter::refusals()
{
    QFETCH(QByteArray, reply);
    QFETCH(EventId, fallback);
    QFETCH(Outcome, outcome);
    QFETCH(EventId, id);
    QFETCH(QString, text);
    const Failure f = RetrievalReporter(mailbox()).refused(fallback,
        QStringLiteral("pop.isp.example refused the login of alice"), status(reply.constData()));
    QCOMPARE(int(f.outcome), int(outcome));
    QCOMPARE(int(f.notice.id), int(id));
    QCOMPARE(f.notice.text.english(), text);
    QCOMPARE(int(f.ending), int(Ending::Quit)); // the server answered: it can be told QUIT
}

void TestRetrievalReporter::sessionFailures_data()
{
    QTest::addColumn<SessionError>("error");
    QTest::addColumn<EventId>("id");
    QTest::addColumn<QString>("text");

    QTest::newRow("host not found")
        << SessionError::HostNotFound << EventId::HostNotFound
        << QStringLiteral("Cannot find the POP3 server pop.isp.example: detail");
    QTest::newRow("refused") << SessionError::ConnectionRefused << EventId::ConnectionFailed
                             << QStringLiteral(
                                    "Cannot connect to pop.isp.example port 110: detail");
    QTest::newRow("network") << SessionError::Network << EventId::ConnectionFailed
                             << QStringLiteral(
                                    "Cannot connect to pop.isp.example port 110: detail");
    QTest::newRow("dropped") << SessionError::Dropped << EventId::ConnectionDropped
                             << QStringLiteral(
                                    "pop.isp.example closed the connection unexpectedly");
    QTest::newRow("certificate")
        << SessionError::TlsCertificate << EventId::CertificateUntrusted
        << QStringLiteral("The certificate of pop.isp.example is not trusted: detail");
    QTest::newRow("handshake") << SessionError::TlsHandshake << EventId::TlsFailed
                               << QStringLiteral(
                                      "TLS with pop.isp.example port 110 failed: detail");
    QTest::newRow("timeout") << SessionError::Timeout << EventId::ServerTimeout
                             << QStringLiteral("pop.isp.example stopped answering: detail");
    QTest::newRow("protocol") << SessionError::ProtocolViolation << EventId::ProtocolViolation
                              << QStringLiteral("pop.isp.example: detail");
    QTest::newRow("limit") << SessionError::LimitExceeded << EventId::ProtocolViolation
                           << QStringLiteral("pop.isp.example: detail");
}

void TestRetrievalReporter::sessionFailures()
{
    QFETCH(SessionError, error);
    QFETCH(EventId, id);
    QFETCH(QString, text);
    const Failure f = RetrievalReporter(mailbox()).sessionFailed({error, QStringLiteral("detail")});
    QCOMPARE(int(f.outcome), int(Outcome::Failed));
    QCOMPARE(int(f.notice.id), int(id));
    QCOMPARE(f.notice.text.english(), text);
    QCOMPARE(int(f.ending), int(Ending::Drop)); // the connection is gone, or cannot be trusted
}

void TestRetrievalReporter::leftMessages_data()
{
    QTest::addColumn<RetrievalPlan::Reason>("reason");
    QTest::addColumn<bool>("told");
    QTest::addColumn<QString>("text");

    QTest::newRow("too large") << RetrievalPlan::Reason::TooLarge << true
                               << QStringLiteral("Message 3 (3000 KB) is larger than the limit of "
                                                 "2048 KB and was left on pop.isp.example.");
    QTest::newRow("oversized before")
        << RetrievalPlan::Reason::OversizedBefore << true
        << QStringLiteral("Message 3 was larger than the limit of 2048 KB when it was retrieved "
                          "before, although pop.isp.example lists it as 3072000 bytes; it stays "
                          "on the server and is not downloaded again.");
    QTest::newRow("kept") << RetrievalPlan::Reason::Kept << false << QString();
    QTest::newRow("not in UIDL") << RetrievalPlan::Reason::NotInUidl << false << QString();
    QTest::newRow("backlog: told once, in a sum")
        << RetrievalPlan::Reason::Backlog << false << QString();
}

void TestRetrievalReporter::leftMessages()
{
    QFETCH(RetrievalPlan::Reason, reason);
    QFETCH(bool, told);
    QFETCH(QString, text);
    const std::optional<Notice> n =
        RetrievalReporter(mailbox()).left({3, 3000 * 1024, 0, reason}, "uid-3");
    QCOMPARE(n.has_value(), told);
    if (!n)
        return;
    QCOMPARE(int(n->id), int(EventId::MessageTooLarge));
    QCOMPARE(n->text.english(), text);
    QCOMPARE(n->message, QStringLiteral("uid-3"));
}

QTEST_GUILESS_MAIN(TestRetrievalReporter)
#include "tst_retrievalreporter.moc"

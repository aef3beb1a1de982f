#pragma once

#include "base/phrase.h"
#include "config/configuration.h"
#include "events/event.h"
#include "events/reports.h"
#include "pipeline/download/retrievalplan.h"
#include "protocol/linesession.h"
#include "protocol/pop3parser.h"

#include <QCoreApplication>

#include <optional>

namespace Pop3Connector {

// One thing the administrator is told: the event it is logged as, the sentence, and the message
// it concerns (its UIDL or digest), if it concerns one.
struct Notice
{
    Notice() = default;
    Notice(EventId id, Phrase text, QString message = {})
        : id(id)
        , text(std::move(text))
        , message(std::move(message))
    { }

    EventId id = EventId::RetrievalStarted;
    Phrase text;
    QString message;
};

// How a retrieval that cannot go on ends its session: Quit politely while the server can still
// be trusted (QUIT also makes the DELEs of what is stored take effect), or Drop the connection.
enum class Ending { Quit, Drop };

// Why a retrieval cannot go on: the report's outcome, what to tell, how the session ends.
struct Failure
{
    Failure(RetrievalReport::Outcome outcome, Notice notice, Ending ending = Ending::Quit)
        : outcome(outcome)
        , notice(std::move(notice))
        , ending(ending)
    { }

    RetrievalReport::Outcome outcome;
    Notice notice;
    Ending ending;
};

// Every sentence a mailbox's retrieval tells the administrator (docs/events.md explains each
// event), built from the mailbox's particulars and what happened; pure, so each is checked in a
// table. Raising them is the retrieval's business.
class RetrievalReporter
{
    // The sentences are the retrieval's, under the translation context they have always had.
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::MailboxRetrieval)
public:
    explicit RetrievalReporter(const MailboxSettings &mailbox);

    // The session, up to the transaction.
    Notice started() const;
    Notice plainTextLogin() const;
    Failure startTlsMissing() const;
    Failure startTlsRefused(const StatusLine &status) const;
    // A -ERR to `what`: RFC 2449 §8.1 and RFC 3206 response codes say whether waiting helps
    // (Deferred) and which event it is; `fallback` when there is none.
    Failure refused(EventId fallback, const Phrase &what, const StatusLine &status) const;
    Failure statRefused(const StatusLine &status) const;
    Failure listRefused(const StatusLine &status) const;
    Failure sessionFailed(const SessionFailure &failure) const;

    // The plan.
    Notice noUniqueIds() const;
    // For a message left too large; the other reasons are told in sums (backlog()) or not at all.
    std::optional<Notice> left(const RetrievalPlan::Left &left, const QByteArray &uid) const;
    Notice backlog(int messages) const;

    // Each message. `remembered`: the ledger marks it, so it is not downloaded again.
    Notice outgrown(int number, qint64 listedOctets, const QByteArray &uid, bool remembered) const;
    Failure runaway(int number) const;
    Notice unavailable(int number, const StatusLine &status, const QByteArray &uid) const;
    Notice stored(int number, qint64 size, const QString &spoolName, const QByteArray &uid) const;
    Notice deleteRefused(int number, const StatusLine &status, const QByteArray &uid) const;
    Failure storageFailed(const QString &error) const;
    Notice ledgerFailed(const Error &error) const;

    // The end.
    Failure quitRefused(const StatusLine &status) const;
    Notice quitUnconfirmed(const QString &detail) const;
    Notice quitUnansweredAtStop() const;
    Failure stoppedWhileArriving(int messages) const;
    Failure cancelled() const;
    Notice finished(const RetrievalReport &report) const;

private:
    QString m_name;
    QString m_host;
    QString m_user;
    quint16 m_port;
    int m_limitKb;
};

} // namespace Pop3Connector

#pragma once

#include "config/configuration.h"
#include "events/event.h"
#include "events/reports.h"
#include "pipeline/download/mailboxtransaction.h"
#include "pipeline/download/retrievalreporter.h"
#include "protocol/pop3session.h"
#include "protocol/sasl.h"
#include "spool/spool.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace Pop3Connector {

class SpoolCommitter;
class UidLedger;

// Stage 1 for one mailbox (DESIGN.md "Download"): connect, secure, log in, list, retrieve each
// new message into tmp/, hand it to the committer, DELE what is durable, QUIT. The conversation
// is a state machine stepped by step() alone; the transaction state's work is a
// MailboxTransaction's, every sentence a RetrievalReporter's. Runs on a worker thread; every
// public slot is called there.
class MailboxRetrieval : public QObject
{
    Q_OBJECT
public:
    struct Setup
    {
        MailboxSettings mailbox;
        QByteArray password; // or the OAuth 2.0 access token (auth xoauth2, oauthbearer)
        // A refused token is recorded in the report (OAuthTokenRejected) but not raised.
        bool quietTokenRefusal = false;
        int timeoutMs = 60000;
        LogLevel logLevel = LogLevel::Medium; // events below it are not even raised
        bool transcript = false;
        Spool spool;
        SpoolCommitter *committer = nullptr;
        std::shared_ptr<UidLedger> ledger;
        // Makes the connection: a socket unless a test gives a scripted channel.
        std::function<Channel *()> channelFactory;
        // Test connection: log in, ask STAT (the "drop listing"), QUIT; nothing is retrieved.
        bool probeOnly = false;
        int intervalSeconds = 0; // the schedule, to compare with the server's LOGIN-DELAY
    };

    explicit MailboxRetrieval(Setup setup, QObject *parent = nullptr);
    ~MailboxRetrieval() override;

    QString mailboxName() const { return m_setup.mailbox.name; }

    void start();
    // Finishes the messages already requested, deletes what is stored, QUITs; within the
    // timeout in all: messages still arriving at half of it are given up (the connection is
    // dropped), a QUIT unanswered at three quarters too.
    void requestStop();
    // Drops the connection now; the server deletes nothing (RFC 1939 §6).
    void cancel();

Q_SIGNALS:
    void eventRaised(const Pop3Connector::Event &event);
    void transcriptLine(const QString &mailbox, Pop3Connector::TranscriptDirection direction,
        const QByteArray &line);
    // The session's note just given as a transcriptLine(), as a phrase.
    void transcriptNoted(const QString &mailbox, const Pop3Connector::Phrase &note);
    void progressed(const Pop3Connector::MailboxProgress &progress);
    void finished(const Pop3Connector::RetrievalReport &report);

private:
    // Where the conversation is (RFC 1939 §3: AUTHORIZATION up to the login, then TRANSACTION,
    // and UPDATE after QUIT). Only step() changes it, through enter().
    enum class State {
        Idle,
        Connecting, // until the greeting
        Capabilities, // CAPA, asked again after STLS
        StartingTls, // STLS and the handshake
        Authenticating,
        Probing, // STAT, for a connection test
        Listing, // UIDL and LIST
        Transferring, // RETR, commits, DELE
        Quitting, // QUIT sent: only its +OK makes the DELEs take effect
        Closed, // the connection is over; commits under way are awaited
        Finished, // finished() was emitted
    };
    // What moves the conversation on. A handler records what arrived, then names it to step().
    enum class Input {
        Start,
        Greeted, // m_apopTimestamp is the greeting's
        CapabilitiesListed, // m_caps holds them
        StlsAccepted,
        TlsEstablished,
        LoggedIn,
        DropListed, // the report has STAT's answer (a connection test)
        Listed, // the transaction has both listings
        TransferMoved, // a message was answered or committed
        QuitAnswered, // the session is closed; the reply is recorded
        ConnectionLost, // m_lostConnection says how
        StopRequested,
        StopDeadlinePassed,
        CancelRequested,
        Failed, // failWith() recorded the failure; m_ending says how the session ends
    };

    // The one place the conversation moves on.
    void step(Input input);
    void enter(State state, void (MailboxRetrieval::*begin)() = nullptr);

    // What the states begin with.
    void connectToServer();
    void sendCapa();
    void sendStls();
    void authenticate();
    void askDrop();
    void listMailbox();
    void retrieve();
    void quit();
    void finish();
    void beginTransaction();
    // The answer to the login, whichever way it was made.
    void onAuthReply(const Pop3Session::Reply &reply);

    // Records the failure in the report and raises it, unless the report has one already; then
    // ends the session as the failure says.
    void failWith(const Failure &failure);
    // For the authentication code: a failure that ends the session with QUIT.
    void failWith(RetrievalReport::Outcome outcome, EventId id, const Phrase &text);
    void failFromReply(EventId fallback, const Phrase &what, const StatusLine &status);
    // The report's failure, unless it has one already: whether it was recorded.
    bool record(const Failure &failure);
    void raise(EventId id, const Phrase &text, const QString &message = {});
    void raise(const Notice &notice);
    void reportProgress(bool force = false);
    int retrievalsInFlight() const;
    int commitsInFlight() const;

    Setup m_setup;
    RetrievalReporter m_reporter;
    State m_state = State::Idle;
    Pop3Session *m_session = nullptr;
    MailboxTransaction *m_transaction = nullptr; // from the login on
    QByteArray m_apopTimestamp;
    QString m_tokenRefusal; // what the server's error challenge said of the token (RFC 7628)
    Capabilities m_caps;
    SessionFailure m_lostConnection {};
    Ending m_ending = Ending::Quit;

    QTimer m_stopDeadline {this}; // a child, so that it moves to the worker thread too
    bool m_stopDeadlinePassed = false;

    RetrievalReport m_report;
    MailboxProgress m_progress;
    QElapsedTimer m_progressClock;
};

} // namespace Pop3Connector

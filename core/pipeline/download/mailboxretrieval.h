#pragma once

#include "config/configuration.h"
#include "events/event.h"
#include "events/reports.h"
#include "pipeline/download/incomingmessage.h"
#include "pipeline/download/retrievalplan.h"
#include "pipeline/download/retrievalreporter.h"
#include "protocol/pop3session.h"
#include "spool/spool.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>

namespace Pop3Connector {

class SpoolCommitter;
class UidLedger;

// Stage 1 for one mailbox (DESIGN.md "Download"): connect, secure, log in, list, retrieve each
// new message into tmp/, hand it to the committer, DELE what is durable, QUIT. Runs on a worker
// thread; every public slot is called there.
class MailboxRetrieval : public QObject
{
    Q_OBJECT
public:
    struct Setup
    {
        MailboxSettings mailbox;
        QByteArray password;
        int timeoutMs = 60000;
        LogLevel logLevel = LogLevel::Medium; // events below it are not even raised
        bool transcript = false;
        Spool spool;
        SpoolCommitter *committer = nullptr;
        std::shared_ptr<UidLedger> ledger;
        // Makes the connection; tests give a scripted channel.
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
    void progressed(const Pop3Connector::MailboxProgress &progress);
    void finished(const Pop3Connector::RetrievalReport &report);

private:
    enum class State {
        Idle,
        Connecting,
        Capabilities,
        StartingTls,
        Authenticating,
        Listing,
        Transferring,
        Quitting,
        Done
    };

    void advance();
    void onGreeted(const QByteArray &greeting);
    void onSessionFailed(const SessionFailure &failure);
    void sendCapa();
    void onCapa(const Pop3Session::Reply &reply);
    void authenticate();
    void onAuthReply(const Pop3Session::Reply &reply);
    void onListings();
    void pumpRetrievals();
    void onRetrData(IncomingMessage &message, QByteArrayView payload);
    void onOutgrown(const IncomingMessage &message);
    void onRetrReply(std::shared_ptr<IncomingMessage> message, const Pop3Session::Reply &reply);
    void submitForCommit(std::shared_ptr<IncomingMessage> message);
    void onCommitted(const QList<std::shared_ptr<IncomingMessage>> &messages, const QString &error);
    void sendDele(int number, const QByteArray &uid, const QString &spoolName);
    void quit();
    void finish();
    // Records the failure in the report and raises it, unless the report has one already; then
    // ends the session as the failure says.
    void failWith(const Failure &failure);
    // For the authentication code: a failure that ends the session with QUIT.
    void failWith(RetrievalReport::Outcome outcome, EventId id, const QString &text);
    // The report's failure, unless it has one already: whether it was recorded.
    bool record(const Failure &failure);
    void failFromReply(EventId fallback, const QString &what, const StatusLine &status);
    void raise(EventId id, const QString &text, const QString &message = {});
    void raise(const Notice &notice);
    void reportProgress(bool force = false);
    bool deleting() const;
    void onStopDeadline();

    Setup m_setup;
    RetrievalReporter m_reporter;
    State m_state = State::Idle;
    Pop3Session *m_session = nullptr;
    QByteArray m_apopTimestamp;
    Capabilities m_caps;
    bool m_stopRequested = false;
    bool m_cancelled = false;

    // Listings, parsed as they stream in (at most kMaxListingEntries each).
    UniqueIdListing m_uids;
    ScanListing m_scan;
    bool m_haveUidl = false;
    int m_listingsPending = 0;

    std::deque<RetrievalPlan::Retrieval> m_toRetrieve;
    int m_retrInFlight = 0;
    qint64 m_retrBytesInFlight = 0;
    int m_commitsInFlight = 0;
    int m_deletesInFlight = 0;
    QString m_storageError;
    QSet<QByteArray> m_deletedWithoutUidl;
    QStringList m_deleted; // "UIDL spool-name" of each DELE the server accepted

    QTimer m_stopDeadline {this}; // a child, so that it moves to the worker thread too
    bool m_stopDeadlinePassed = false;

    RetrievalReport m_report;
    MailboxProgress m_progress;
    QElapsedTimer m_progressClock;
    bool m_finished = false;
};

} // namespace Pop3Connector

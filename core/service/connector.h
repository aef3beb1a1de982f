#pragma once

#include "config/configuration.h"
#include "events/eventlog.h"
#include "pipeline/dispatch/dispatcher.h"
#include "pipeline/download/downloadcoordinator.h"
#include "pipeline/transfer/transferstage.h"
#include "service/coalescedrun.h"
#include "service/cyclereport.h"
#include "service/cycleschedule.h"
#include "spool/spool.h"
#include "spool/spoollock.h"

#include <QDateTime>
#include <QFlags>
#include <QObject>
#include <QTimer>

#include <memory>

class QThread;

namespace Pop3Connector {

class DeliveryHistory;
class MessageJournal;
class SecretStore;
class WorkerThread;
class SpoolCommitter;
class TranscriptLog;
class TokenBroker;
class CycleCredentials;

// The connector service: owns the spool (its lock, recovery, committer thread), the event log,
// the schedule, and runs cycles of the pipeline's stages. The daemon and the manager each
// drive one. Lives on the thread that created it; the stages' work runs on worker threads.
class Connector : public QObject
{
    Q_OBJECT
public:
    Connector(Configuration configuration, SecretStore *secrets, QObject *parent = nullptr);
    ~Connector() override;

    const Configuration &configuration() const { return m_configuration; }
    EventLog *eventLog() { return &m_eventLog; }
    const Spool &spool() const { return m_spool; }
    DownloadCoordinator *downloadCoordinator() { return m_download.get(); }
    // The access tokens of the mailboxes that sign in with OAuth 2.0.
    TokenBroker *tokenBroker() { return m_tokens; }
    // Every message's path (pop3connectorctl track); set once start() succeeded.
    std::shared_ptr<MessageJournal> journal() const { return m_journal; }

    // Locks and prepares the spool and finishes an interrupted run; returns an empty string,
    // or what stops the connector from starting.
    [[nodiscard]] QString start();

    // Runs one cycle of the given stages, retrieving `mailboxes` (none: every enabled one). A
    // cycle asked for while one runs starts after it; requests that wait merge into one.
    void runCycle(Stages stages = kAllStages, const QStringList &mailboxes = {});
    bool isCycleRunning() const { return m_cycleRunning; }

    // Runs a cycle every interval_minutes, the first one at `firstRun` (invalid or past: at
    // once, as when the service starts).
    void startSchedule(const QDateTime &firstRun = {});
    void stopSchedule();
    QDateTime nextScheduledRun() const;

    // Delivery to the local server on or off, while retrieval goes on (troubleshooting).
    void setDispatchEnabled(bool enabled);
    bool isDispatchEnabled() const { return m_dispatchEnabled; }

    // Lets the running cycle finish what it requested, then emits stopped(); within
    // timeout_seconds, after which what is left is cancelled.
    void requestStop();
    // Drops connections now, then emits stopped().
    void cancel();
    // Ends the running cycle's retrieval at once (connections dropped, what is not stored stays
    // on the server); what was stored is still routed and delivered in this cycle. Once
    // retrieval is over (or when asked again), ends transfer and delivery too: what they had
    // not done waits for the next cycle. The service and its schedule go on.
    void cancelCycle();

Q_SIGNALS:
    void cycleStarted();
    void cycleFinished(const Pop3Connector::CycleReport &report);
    void progressed(const Pop3Connector::MailboxProgress &progress);
    // A stage began or ended its part of a cycle.
    void stageActive(Pop3Connector::Stage stage, bool active);
    void nextRunChanged(const QDateTime &next);
    void stopped();

private:
    void raise(EventId id, const Phrase &text, const QString &mailbox = {});
    void startCycle(Stages stages, const QStringList &mailboxes);
    void resolvePasswords(const QList<MailboxSettings> &mailboxes);
    // The mailboxes whose server refused an access token this cycle for the first time: the
    // token is renewed and they are retrieved again, once. True when that retry is under way.
    bool retryRefusedTokens(QList<RetrievalReport> &reports);
    void onMessagesPlaced();
    void onDownloadFinished(const QList<RetrievalReport> &reports);
    void requestTransfer();
    void requestDispatch();
    void runTransfer();
    void onTransferFinished(const TransferReport &report);
    void runDispatch();
    void startDispatch(const QByteArray &password);
    void onDispatchFinished(const DispatchReport &report);
    void onDispatchDone();
    // A run of `run` ended: whether the next one asked for meanwhile starts (not once stopping).
    bool runsAgain(CoalescedRun &run);
    // Ends the cycle once download is done and neither transfer nor dispatch runs or is due.
    void finishCycleWhenIdle();
    void finishCycle();
    void recover();

    Configuration m_configuration;
    SecretStore *m_secrets;
    Spool m_spool;
    SpoolLock m_lock;
    EventLog m_eventLog;
    std::unique_ptr<TranscriptLog> m_transcripts;
    std::unique_ptr<WorkerThread> m_commitThread;
    SpoolCommitter *m_committer = nullptr;
    std::unique_ptr<LedgerRegistry> m_ledgers;
    std::unique_ptr<DownloadCoordinator> m_download;
    std::shared_ptr<DeliveryHistory> m_history;
    std::shared_ptr<MessageJournal> m_journal;
    std::unique_ptr<WorkerThread> m_transferThread;
    TransferStage *m_transfer = nullptr;
    std::unique_ptr<Dispatcher> m_dispatch;
    DispatchReport m_dispatchReport; // the cycle's rounds so far
    bool m_dispatchEnabled = true;
    CycleSchedule m_schedule;

    bool m_started = false;
    bool m_cycleRunning = false;
    bool m_stopping = false;
    bool m_cancelling = false;
    bool m_downloadCancelled = false; // cancelCycle() during retrieval: the rest goes on
    std::optional<QueuedCycle> m_queuedCycle;
    Stages m_stages;
    QStringList m_mailboxes; // retrieved by this cycle; empty: all enabled ones
    CycleReport m_report;
    // Transfer and dispatch run while mailboxes download, side by side: transfer as soon as a
    // commit placed mail in Incoming Mail, dispatch as soon as a transfer put mail in PickUp,
    // each one run at a time, and a last transfer after the download.
    bool m_downloadDone = false;
    CoalescedRun m_transferRun;
    CoalescedRun m_dispatchRun;
    bool m_dispatchFailed = false; // the delivery password is not there: no more runs try
    TokenBroker *m_tokens = nullptr;
    CycleCredentials *m_credentials = nullptr;
    QStringList m_tokenRetried; // mailboxes retried this cycle after their token was refused
    QList<RetrievalReport> m_retrievalsBeforeRetry; // of the cycle's first download
};

} // namespace Pop3Connector

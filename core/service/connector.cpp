#include "service/connector.h"

#include "base/clock.h"
#include "base/workerthread.h"
#include "config/secretstore.h"
#include "events/transcriptlog.h"
#include "oauth/tokenbroker.h"
#include "service/cyclecredentials.h"
#include "spool/deliveryhistory.h"
#include "spool/messagejournal.h"
#include "spool/spoolcommitter.h"

namespace Pop3Connector {

Connector::Connector(Configuration configuration, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_configuration(std::move(configuration))
    , m_secrets(secrets)
    , m_spool(m_configuration.connector.spool)
    , m_lock(m_configuration.connector.spool)
    , m_eventLog(this)
    , m_schedule(m_configuration.connector.intervalMinutes, this)
    , m_tokens(new TokenBroker(secrets, this))
    , m_credentials(new CycleCredentials(secrets, m_tokens, this))
{
    // m_eventLog and m_schedule are children so that they move with the connector to the
    // thread it runs on.
    m_eventLog.setLevel(m_configuration.connector.logLevel);
    connect(&m_schedule, &CycleSchedule::due, this, [this] { runCycle(kAllStages); });
}

Connector::~Connector()
{
    m_download.reset(); // joins the retrieval threads before the committer goes
    m_dispatch.reset(); // joins the delivery thread
    m_transferThread.reset();
    m_commitThread.reset();
    if (m_started)
        raise(EventId::ServiceStopped,
            Phrase(staticMetaObject.className(), QT_TR_NOOP("The connector stopped.")));
}

void Connector::raise(EventId id, const Phrase &text, const QString &mailbox)
{
    m_eventLog.post(Event::make(id, text, mailbox));
}

QString Connector::start()
{
    const Result<int> prepared = m_spool.prepare();
    if (!prepared) {
        const QString text = tr("The spool cannot be used: %1.").arg(prepared.error().message);
        raise(EventId::SpoolUnusable, text);
        return text;
    }
    if (const QString error = m_lock.acquire(); !error.isEmpty()) {
        raise(EventId::SpoolLocked, error);
        return error;
    }
    if (const QString error =
            m_eventLog.openFile(m_spool.logPath() + QStringLiteral("/events.log"));
        !error.isEmpty()) {
        raise(EventId::SpoolUnusable, error);
        return error;
    }
    if (*prepared > 0) {
        raise(EventId::SpoolPermissionsRepaired,
            Phrase(staticMetaObject.className(),
                QT_TR_N_NOOP("%n file(s) and folder(s) of the spool %1 could be read by other "
                             "users; they are "
                             "private to the service user now."),
                *prepared)
                .arg(m_spool.root()));
    }
    m_transcripts =
        std::make_unique<TranscriptLog>(m_spool.logPath() + QStringLiteral("/transcripts"));

    m_journal = std::make_shared<MessageJournal>(m_spool.statePath() + QStringLiteral("/tracking"));
    m_journal->setKeepDays(m_configuration.connector.trackingDays);
    m_commitThread = std::make_unique<WorkerThread>(QStringLiteral("spool-commit"));
    m_committer = new SpoolCommitter(m_spool);
    m_committer->setJournal(m_journal);
    connect(m_committer, &SpoolCommitter::placed, this, &Connector::onMessagesPlaced);
    connect(m_committer, &SpoolCommitter::journalFailed, this,
        [this](const QString &text) { raise(EventId::TrackingJournalFailed, text); });
    m_commitThread->adopt(m_committer);

    m_ledgers = std::make_unique<LedgerRegistry>(m_spool);
    recover();

    m_download = std::make_unique<DownloadCoordinator>(m_spool, m_committer, m_ledgers.get());
    m_download->setSettings(m_configuration.connector);
    connect(m_download.get(), &DownloadCoordinator::eventRaised, &m_eventLog, &EventLog::post);
    connect(m_download.get(), &DownloadCoordinator::transcriptLine, m_transcripts.get(),
        &TranscriptLog::append);
    connect(m_download.get(), &DownloadCoordinator::progressed, this, &Connector::progressed);
    connect(m_download.get(), &DownloadCoordinator::finished, this, &Connector::onDownloadFinished);

    m_history =
        std::make_shared<DeliveryHistory>(m_spool.statePath() + QStringLiteral("/delivered.log"));
    if (Status opened = m_history->open(); !opened) {
        raise(EventId::SpoolUnusable, opened.error().message);
        return opened.error().message;
    }
    m_transferThread = std::make_unique<WorkerThread>(QStringLiteral("transfer"));
    m_transfer = new TransferStage(m_spool, m_configuration, m_history);
    m_transfer->setJournal(m_journal);
    m_transferThread->adopt(m_transfer);
    connect(m_transfer, &TransferStage::eventRaised, &m_eventLog, &EventLog::post);
    connect(m_transfer, &TransferStage::finished, this, &Connector::onTransferFinished);
    m_dispatch = std::make_unique<Dispatcher>(m_spool, m_configuration);
    m_dispatch->setJournal(m_journal);
    connect(m_dispatch.get(), &Dispatcher::eventRaised, &m_eventLog, &EventLog::post);
    connect(
        m_dispatch.get(), &Dispatcher::transcriptLine, m_transcripts.get(), &TranscriptLog::append);
    connect(m_dispatch.get(), &Dispatcher::finished, this, &Connector::onDispatchFinished);

    m_started = true;
    raise(EventId::ServiceStarted,
        Phrase(staticMetaObject.className(),
            QT_TR_N_NOOP("The connector started with %n mailbox(es); spool %1."),
            int(m_configuration.mailboxes.size()))
            .arg(m_spool.root()));
    // Not left for the first transfer, which may be hours away: with transport = pickup the
    // other server takes PickUp's files from now on. No run of the stage is queued yet.
    m_transfer->handOver();
    return {};
}

void Connector::recover()
{
    const RecoveryReport r = recoverSpool(m_spool, [this](const MessageMetadata &meta) {
        return m_ledgers->ledger(meta.mailbox, meta.server, meta.user, nullptr).get();
    });
    if (const QString text = r.summary(); !text.isEmpty())
        raise(EventId::SpoolRecovered, text);
}

void Connector::runCycle(Stages stages, const QStringList &mailboxes)
{
    Q_ASSERT(m_started);
    if (m_stopping)
        return;
    if (m_cycleRunning) {
        if (!m_queuedCycle) {
            raise(EventId::CycleDeferred,
                Phrase(staticMetaObject.className(),
                    QT_TR_NOOP(
                        "A retrieval cycle is still running; the next one starts when it ends.")));
        }
        if (!m_queuedCycle)
            m_queuedCycle = QueuedCycle {};
        m_queuedCycle->merge(stages, mailboxes);
        return;
    }
    m_cycleRunning = true;
    // Started from the event loop, so that a caller connected after this call, or one that has
    // not entered its event loop yet, still sees every signal of the cycle.
    QMetaObject::invokeMethod(
        this, [this, stages, mailboxes] { startCycle(stages, mailboxes); }, Qt::QueuedConnection);
}

void Connector::startCycle(Stages stages, const QStringList &mailboxes)
{
    m_cycleRunning = true;
    m_stages = stages;
    m_mailboxes = mailboxes;
    m_report = CycleReport {};
    m_report.started = Clock::nowUtc();
    raise(EventId::CycleStarted,
        Phrase(staticMetaObject.className(), QT_TR_NOOP("Retrieval cycle started.")));
    Q_EMIT cycleStarted();
    // Anything an earlier cycle of this process left in tmp/ (a failed rename) is settled
    // before new files arrive there.
    recover();
    if (Status opened = m_history->open(); !opened)
        raise(EventId::SpoolUnusable, opened.error().message);
    if (Status pruned = m_journal->prune(); !pruned)
        raise(EventId::TrackingJournalFailed, pruned.error().message);
    m_report.stages = stages;
    m_cancelling = false;
    m_downloadCancelled = false;
    m_downloadDone = false;
    m_transferRun = {};
    m_dispatchRun = {};
    m_dispatchFailed = false;
    m_dispatchReport = DispatchReport {};
    Q_EMIT nextRunChanged(nextScheduledRun());
    m_tokenRetried.clear();
    m_retrievalsBeforeRetry.clear();
    if (stages & Stage::Download) {
        Q_EMIT stageActive(Stage::Download, true);
        QList<MailboxSettings> enabled;
        for (const MailboxSettings &m : std::as_const(m_configuration.mailboxes)) {
            if (m.enabled && (m_mailboxes.isEmpty() || m_mailboxes.contains(m.name)))
                enabled.append(m);
        }
        resolvePasswords(enabled);
    } else
        onDownloadFinished({});
}

void Connector::resolvePasswords(const QList<MailboxSettings> &mailboxes)
{
    m_credentials->resolve(mailboxes,
        [this](QList<CycleCredentials::Found> found, QList<CycleCredentials::Missing> missing) {
            for (const CycleCredentials::Missing &m : std::as_const(missing)) {
                RetrievalReport r;
                r.mailbox = m.mailbox.name;
                r.outcome = RetrievalReport::Outcome::Failed;
                r.failureId = m.event;
                r.failureText = m.text;
                m_report.retrievals.append(r);
                raise(m.event, m.text, m.mailbox.name);
            }
            QList<DownloadCoordinator::Job> jobs;
            for (const CycleCredentials::Found &f : std::as_const(found)) {
                jobs.append({f.mailbox, f.secret,
                    f.mailbox.usesOAuth() && !m_tokenRetried.contains(f.mailbox.name)});
            }
            if (jobs.isEmpty() || m_stopping || m_cancelling || m_downloadCancelled)
                onDownloadFinished({});
            else
                m_download->run(std::move(jobs));
        });
}

// Mail moves on as soon as it is stored, a batch at a time: transfer and delivery of what one
// commit placed overlap the download of the rest (a 2,000-message mailbox is delivered while it
// downloads, not after), and a slow or stuck mailbox never holds up the others. Requests while a
// round runs merge into the next round.
void Connector::onMessagesPlaced()
{
    if (m_cycleRunning && (m_stages & Stage::Transfer))
        requestTransfer();
}

bool Connector::retryRefusedTokens(QList<RetrievalReport> &reports)
{
    if (m_stopping || m_cancelling)
        return false;
    QList<MailboxSettings> again;
    for (auto it = reports.begin(); it != reports.end();) {
        const MailboxSettings *m = m_configuration.mailbox(it->mailbox);
        if (it->failureId != EventId::OAuthTokenRejected || !m
            || m_tokenRetried.contains(it->mailbox)) {
            ++it;
            continue;
        }
        m_tokens->forget(m->refreshTokenKey());
        m_tokenRetried.append(m->name);
        again.append(*m);
        it = reports.erase(it);
    }
    if (again.isEmpty())
        return false;
    m_retrievalsBeforeRetry += reports;
    resolvePasswords(again);
    return true;
}

void Connector::onDownloadFinished(const QList<RetrievalReport> &finished)
{
    QList<RetrievalReport> reports = finished;
    // A server that refused a token that looked fresh gets a renewed one, once.
    if (retryRefusedTokens(reports))
        return;
    m_report.retrievals += std::exchange(m_retrievalsBeforeRetry, {});
    m_report.retrievals += reports;
    m_downloadDone = true;
    if (m_stages & Stage::Download)
        Q_EMIT stageActive(Stage::Download, false);
    if (m_stopping || m_cancelling || !(m_stages & (Stage::Transfer | Stage::Dispatch))) {
        finishCycleWhenIdle(); // or the run under way ends the cycle
        return;
    }
    // The last run takes whatever earlier runs and earlier cycles left behind.
    if (m_stages & Stage::Transfer)
        requestTransfer();
    else
        requestDispatch();
}

void Connector::requestTransfer()
{
    if (!m_stopping && !m_cancelling && m_transferRun.request())
        runTransfer();
}

void Connector::requestDispatch()
{
    if (!m_stopping && !m_cancelling && m_dispatchRun.request())
        runDispatch();
}

bool Connector::runsAgain(CoalescedRun &run)
{
    if (m_stopping || m_cancelling)
        run.dropRequest(); // the run under way was the last
    return run.finished();
}

void Connector::finishCycleWhenIdle()
{
    if (m_downloadDone && m_transferRun.isIdle() && m_dispatchRun.isIdle())
        finishCycle();
}

void Connector::runTransfer()
{
    Q_EMIT stageActive(Stage::Transfer, true);
    QMetaObject::invokeMethod(m_transfer, &TransferStage::run, Qt::QueuedConnection);
}

void Connector::onTransferFinished(const TransferReport &report)
{
    if (!m_report.transfer)
        m_report.transfer = report;
    else
        m_report.transfer->add(report);
    Q_EMIT stageActive(Stage::Transfer, false);
    // What it put in PickUp is delivered while the next transfer runs.
    if (m_stages & Stage::Dispatch)
        requestDispatch();
    if (runsAgain(m_transferRun))
        runTransfer();
    else
        finishCycleWhenIdle();
}

void Connector::runDispatch()
{
    const DeliverySettings &d = m_configuration.delivery;
    if (m_stopping || m_cancelling || !m_dispatchEnabled || d.transport == Transport::Pickup
        || m_dispatchFailed) {
        onDispatchDone();
        return;
    }
    if (d.user.isEmpty()) {
        startDispatch({});
        return;
    }
    m_credentials->resolve(d, [this](const Result<QByteArray> &secret, EventId failureId) {
        if (secret) {
            startDispatch(*secret);
            return;
        }
        m_dispatchFailed = true;
        m_dispatchReport.failureId = failureId;
        m_dispatchReport.failure = secret.error().message;
        raise(m_dispatchReport.failureId, m_dispatchReport.failure);
        m_report.dispatch = m_dispatchReport;
        onDispatchDone();
    });
}

void Connector::startDispatch(const QByteArray &password)
{
    Q_EMIT stageActive(Stage::Dispatch, true);
    m_dispatch->run(password);
}

void Connector::onDispatchFinished(const DispatchReport &report)
{
    // The local server may have refused the delivery login's token: the next run renews it.
    if (m_configuration.delivery.usesOAuth() && !report.failure.isEmpty())
        m_tokens->forget(DeliverySettings::refreshTokenKey());
    m_dispatchReport.add(report);
    m_report.dispatch = m_dispatchReport;
    Q_EMIT stageActive(Stage::Dispatch, false);
    onDispatchDone();
}

void Connector::onDispatchDone()
{
    if (runsAgain(m_dispatchRun))
        runDispatch();
    else
        finishCycleWhenIdle();
}

void Connector::setDispatchEnabled(bool enabled)
{
    if (m_dispatchEnabled == enabled)
        return;
    m_dispatchEnabled = enabled;
    if (enabled) {
        raise(EventId::DispatchStarted,
            Phrase(staticMetaObject.className(),
                QT_TR_NOOP("Delivery to the local mail server was started.")));
    } else {
        raise(EventId::DispatchStopped,
            Phrase(staticMetaObject.className(),
                QT_TR_NOOP(
                    "Delivery to the local mail server was stopped; mail collects in PickUp.")));
        if (m_dispatch) // not before start()
            m_dispatch->requestStop();
    }
}

void Connector::finishCycle()
{
    m_report.finished = Clock::nowUtc();
    // The stages wrote their records unsynced; one sync for the whole cycle.
    if (Status synced = m_journal->sync(); !synced && m_journal->tellFailure())
        raise(EventId::TrackingJournalFailed, journalFailure(synced.error()));
    raise(EventId::CycleFinished, m_report.summary());
    m_cycleRunning = false;
    const CycleReport report = m_report;
    Q_EMIT cycleFinished(report);
    if (m_stopping) {
        Q_EMIT stopped();
        return;
    }
    if (m_queuedCycle) {
        const QueuedCycle next = *std::exchange(m_queuedCycle, std::nullopt);
        startCycle(next.stages, next.mailboxes);
    }
}

void Connector::startSchedule(const QDateTime &firstRun)
{
    if (m_schedule.start(firstRun))
        runCycle(kAllStages);
    Q_EMIT nextRunChanged(nextScheduledRun());
}

void Connector::stopSchedule()
{
    m_schedule.stop();
    Q_EMIT nextRunChanged({});
}

void Connector::cancelCycle()
{
    m_queuedCycle.reset();
    if (!m_cycleRunning)
        return;
    if (!m_downloadDone && !m_downloadCancelled) {
        // Retrieval ends now; what it stored still goes through transfer and dispatch in this
        // cycle, so that none of it waits unrouted with nobody told.
        m_downloadCancelled = true;
        m_download->cancel();
        return;
    }
    m_cancelling = true;
    m_download->cancel();
    m_transfer->requestStop();
    m_dispatch->cancel();
}

QDateTime Connector::nextScheduledRun() const
{
    return m_schedule.nextRun();
}

void Connector::requestStop()
{
    stopSchedule();
    m_queuedCycle.reset();
    if (m_stopping)
        return;
    m_stopping = true;
    if (!m_cycleRunning) {
        Q_EMIT stopped();
        return;
    }
    // Whatever a server or the local mail server does, the stop ends within the timeout.
    QTimer::singleShot(m_configuration.connector.timeoutSeconds * 1000, this, [this] {
        if (m_cycleRunning)
            cancel();
    });
    m_download->requestStop();
    m_transfer->requestStop();
    m_dispatch->requestStop();
}

void Connector::cancel()
{
    stopSchedule();
    m_queuedCycle.reset();
    const bool wasStopping = m_stopping;
    m_stopping = true;
    if (!m_cycleRunning) {
        if (!wasStopping)
            Q_EMIT stopped();
        return;
    }
    m_download->cancel();
    m_transfer->requestStop();
    m_dispatch->cancel();
}

} // namespace Pop3Connector

#include "pipeline/download/downloadcoordinator.h"

#include "spool/uidledger.h"

#include <QCoreApplication>
#include <QThread>

namespace Pop3Connector {

namespace {
// Sessions that run at once, whatever the hosts. A session spends most of its time waiting for
// the server: behind a provider 20-100 ms away, 50 mailboxes retrieved 8 at a time took 2.6x as
// long as all at once (bench/conditions.sh, "many"). Each holds at most its pipelining window
// (32 messages or 1 MB) and a thread, so even this many stay within a small memory budget; the
// per-host limit (max_connections_per_host) is what keeps each server's share polite.
constexpr int kMaxSessions = 64;
} // namespace

DownloadCoordinator::DownloadCoordinator(
    const Spool &spool, SpoolCommitter *committer, LedgerRegistry *ledgers, QObject *parent)
    : QObject(parent)
    , m_spool(spool)
    , m_committer(committer)
    , m_ledgers(ledgers)
{ }

DownloadCoordinator::~DownloadCoordinator()
{
    cancel();
    // Threads are children of the coordinator; each must have ended before it is destroyed.
    for (QThread *t : findChildren<QThread *>()) {
        t->quit();
        t->wait();
    }
}

void DownloadCoordinator::run(QList<Job> jobs)
{
    Q_ASSERT(!isRunning());
    m_reports.clear();
    m_stopping = false;
    m_waiting = std::move(jobs);
    if (m_waiting.isEmpty()) {
        Q_EMIT finished(m_reports);
        return;
    }
    startWaiting();
}

void DownloadCoordinator::startWaiting()
{
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if (m_running.size() >= kMaxSessions)
            break;
        const QString host = it->mailbox.host.toLower();
        if (m_running.values().count(host) >= m_settings.maxConnectionsPerHost) {
            ++it;
            continue;
        }
        Job job = std::move(*it);
        it = m_waiting.erase(it);

        QString ledgerError;
        std::shared_ptr<UidLedger> ledger =
            m_ledgers->ledger(job.mailbox.name, job.mailbox.host, job.mailbox.user, &ledgerError);
        if (!ledger) {
            RetrievalReport report;
            report.mailbox = job.mailbox.name;
            report.outcome = RetrievalReport::Outcome::Failed;
            report.failureId = EventId::StorageFailed;
            report.failureText = ledgerError;
            Q_EMIT eventRaised(Event::make(EventId::StorageFailed, ledgerError, job.mailbox.name));
            m_reports.append(report);
            Q_EMIT mailboxFinished(report);
            continue;
        }

        MailboxRetrieval::Setup setup;
        setup.mailbox = job.mailbox;
        setup.password = job.password;
        setup.quietTokenRefusal = job.quietTokenRefusal;
        setup.timeoutMs = m_settings.timeoutSeconds * 1000;
        setup.logLevel = m_settings.logLevel;
        setup.intervalSeconds = m_settings.scheduleEnabled ? m_settings.intervalMinutes * 60 : 0;
        setup.transcript = m_settings.logLevel == LogLevel::Maximum;
        setup.spool = m_spool;
        setup.committer = m_committer;
        setup.ledger = ledger;
        setup.channelFactory = m_channelFactory;

        auto *thread = new QThread(this);
        thread->setObjectName(QStringLiteral("download:") + job.mailbox.name);
        auto *retrieval = new MailboxRetrieval(std::move(setup));
        retrieval->moveToThread(thread);
        connect(thread, &QThread::started, retrieval, &MailboxRetrieval::start);
        connect(thread, &QThread::finished, retrieval, &QObject::deleteLater);
        connect(thread, &QThread::finished, thread, &QObject::deleteLater);
        connect(retrieval, &MailboxRetrieval::eventRaised, this, &DownloadCoordinator::eventRaised);
        connect(retrieval, &MailboxRetrieval::transcriptLine, this,
            &DownloadCoordinator::transcriptLine);
        connect(retrieval, &MailboxRetrieval::progressed, this, &DownloadCoordinator::progressed);
        connect(retrieval, &MailboxRetrieval::finished, this,
            [this, retrieval](
                const RetrievalReport &report) { onRetrievalFinished(retrieval, report); });
        m_running.insert(retrieval, host);
        thread->start();
    }
    if (m_waiting.isEmpty() && m_running.isEmpty())
        Q_EMIT finished(m_reports);
}

void DownloadCoordinator::onRetrievalFinished(
    MailboxRetrieval *retrieval, const RetrievalReport &report)
{
    m_running.remove(retrieval);
    retrieval->thread()->quit();
    m_reports.append(report);
    Q_EMIT mailboxFinished(report);
    if (m_stopping) {
        for (const Job &job : std::as_const(m_waiting)) {
            RetrievalReport skipped;
            skipped.mailbox = job.mailbox.name;
            skipped.outcome = RetrievalReport::Outcome::Cancelled;
            skipped.failureId = EventId::RetrievalCancelled;
            // Under the translation context the sentence has always had.
            skipped.failureText = QCoreApplication::translate(
                "Pop3Connector::DownloadStage", "Not retrieved: the connector was stopped.");
            m_reports.append(skipped);
        }
        m_waiting.clear();
    }
    startWaiting();
}

void DownloadCoordinator::requestStop()
{
    m_stopping = true;
    for (MailboxRetrieval *r : m_running.keys())
        QMetaObject::invokeMethod(r, &MailboxRetrieval::requestStop, Qt::QueuedConnection);
}

void DownloadCoordinator::cancel()
{
    m_stopping = true;
    for (MailboxRetrieval *r : m_running.keys())
        QMetaObject::invokeMethod(r, &MailboxRetrieval::cancel, Qt::QueuedConnection);
}

} // namespace Pop3Connector

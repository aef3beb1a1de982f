#include "pipeline/download/downloadstage.h"

#include "spool/uidledger.h"

#include <QThread>

namespace Pop3Connector {

namespace {
// Beyond a few sessions the disk, not the network, sets the pace.
constexpr int kMaxSessions = 8;
} // namespace

LedgerRegistry::LedgerRegistry(const Spool &spool)
    : m_spool(spool)
{ }

std::shared_ptr<UidLedger> LedgerRegistry::ledger(
    const QString &mailbox, const QString &host, const QString &user, QString *error)
{
    // Host names are case-insensitive: retyping one in capitals is not a different account,
    // and setting the ledger aside would download again what the server still keeps.
    if (host.isEmpty() || user.isEmpty()) {
        // Not an account: never a reason to set the mailbox's ledger aside.
        if (error)
            *error = QObject::tr("no server or user is known for mailbox %1").arg(mailbox);
        return nullptr;
    }
    const QString identity = host.toLower() + u' ' + user;
    auto it = m_ledgers.find(mailbox);
    if (it != m_ledgers.end() && it->first == identity)
        return it->second;
    auto ledger = std::make_shared<UidLedger>(m_spool.ledgerPath(mailbox));
    if (Status opened = ledger->open(identity); !opened) {
        if (error)
            *error = opened.error().message;
        return nullptr;
    }
    m_ledgers.insert(mailbox, {identity, ledger});
    return ledger;
}

DownloadStage::DownloadStage(
    const Spool &spool, SpoolCommitter *committer, LedgerRegistry *ledgers, QObject *parent)
    : QObject(parent)
    , m_spool(spool)
    , m_committer(committer)
    , m_ledgers(ledgers)
{ }

DownloadStage::~DownloadStage()
{
    cancel();
    // Threads are children of the stage; each must have ended before it is destroyed.
    for (QThread *t : findChildren<QThread *>()) {
        t->quit();
        t->wait();
    }
}

void DownloadStage::run(QList<Job> jobs)
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

void DownloadStage::startWaiting()
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
        connect(retrieval, &MailboxRetrieval::eventRaised, this, &DownloadStage::eventRaised);
        connect(retrieval, &MailboxRetrieval::transcriptLine, this, &DownloadStage::transcriptLine);
        connect(retrieval, &MailboxRetrieval::progressed, this, &DownloadStage::progressed);
        connect(retrieval, &MailboxRetrieval::finished, this,
            [this, retrieval](
                const RetrievalReport &report) { onRetrievalFinished(retrieval, report); });
        m_running.insert(retrieval, host);
        thread->start();
    }
    if (m_waiting.isEmpty() && m_running.isEmpty())
        Q_EMIT finished(m_reports);
}

void DownloadStage::onRetrievalFinished(MailboxRetrieval *retrieval, const RetrievalReport &report)
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
            skipped.failureText = tr("Not retrieved: the connector was stopped.");
            m_reports.append(skipped);
        }
        m_waiting.clear();
    }
    startWaiting();
}

void DownloadStage::requestStop()
{
    m_stopping = true;
    for (MailboxRetrieval *r : m_running.keys())
        QMetaObject::invokeMethod(r, &MailboxRetrieval::requestStop, Qt::QueuedConnection);
}

void DownloadStage::cancel()
{
    m_stopping = true;
    for (MailboxRetrieval *r : m_running.keys())
        QMetaObject::invokeMethod(r, &MailboxRetrieval::cancel, Qt::QueuedConnection);
}

} // namespace Pop3Connector

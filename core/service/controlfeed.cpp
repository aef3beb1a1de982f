#include "service/controlfeed.h"

#include "base/workerthread.h"
#include "spool/spoolmonitor.h"

namespace Pop3Connector {

namespace {

constexpr int kProgressIntervalMs = 100;

} // namespace

QString ControlFeed::stageKey(Stage stage)
{
    switch (stage) {
    case Stage::Download:
        return QStringLiteral("download");
    case Stage::Transfer:
        return QStringLiteral("transfer");
    case Stage::Dispatch:
        return QStringLiteral("dispatch");
    }
    return {};
}

ControlFeed::ControlFeed(ServiceHost *host, Control::Server *server, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_server(server)
    , m_progressTimer(this)
{
    m_progressTimer.setSingleShot(true);
    m_progressTimer.setInterval(kProgressIntervalMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &ControlFeed::flushProgress);
    connect(m_host, &ServiceHost::eventLogged, this, &ControlFeed::onEvent);
    connect(m_host, &ServiceHost::progressed, this, &ControlFeed::onProgress);
    connect(m_host, &ServiceHost::stageActive, this, &ControlFeed::onStage);
    connect(m_host, &ServiceHost::cycleStarted, this, &ControlFeed::onCycleStarted);
    connect(m_host, &ServiceHost::cycleFinished, this, &ControlFeed::onCycleFinished);
    connect(m_host, &ServiceHost::reconfigured, this, [this] {
        m_activeStages = {};
        watchSpool(); // the spool may be another one now
    });
    connect(m_server, &Control::Server::subscriptionsChanged, this, &ControlFeed::watchSpool);
}

ControlFeed::~ControlFeed()
{
    m_spoolThread.reset();
}

QCborArray ControlFeed::recentEvents(qint64 limit) const
{
    QCborArray events;
    const size_t count = size_t(std::clamp<qint64>(limit, 0, qint64(m_history.size())));
    for (size_t i = m_history.size() - count; i < m_history.size(); ++i)
        events.append(Control::toCbor(m_history[i]));
    return events;
}

std::optional<RetrievalReport> ControlFeed::lastResult(const QString &mailbox) const
{
    const auto it = m_lastResults.constFind(mailbox);
    if (it == m_lastResults.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<MailboxProgress> ControlFeed::progress(const QString &mailbox) const
{
    if (!m_host->connector()->isCycleRunning())
        return std::nullopt;
    const auto it = m_progress.constFind(mailbox);
    if (it == m_progress.constEnd())
        return std::nullopt;
    return *it;
}

void ControlFeed::onEvent(const Event &event)
{
    m_history.push_back(event);
    if (qsizetype(m_history.size()) > kHistory)
        m_history.pop_front();
    m_server->notify(Control::Topic::Event, Control::toCbor(event));
}

void ControlFeed::onStage(Stage stage, bool active)
{
    m_activeStages.setFlag(stage, active);
    QCborMap body;
    body.insert(QStringLiteral("stage"), stageKey(stage));
    body.insert(QStringLiteral("active"), active);
    body.insert(QStringLiteral("cycle"), qint64(m_cyclesStarted));
    m_server->notify(Control::Topic::Stage, body);
}

void ControlFeed::onCycleStarted()
{
    ++m_cyclesStarted;
    m_progress.clear();
    QCborMap body;
    body.insert(QStringLiteral("cycle"), qint64(m_cyclesStarted));
    body.insert(QStringLiteral("state"), QStringLiteral("started"));
    m_server->notify(Control::Topic::Cycle, body);
}

void ControlFeed::onCycleFinished(const CycleReport &report)
{
    flushProgress();
    Control::CycleOutcome c;
    c.id = m_cyclesStarted;
    c.started = report.started;
    c.finished = report.finished;
    c.mailboxes = report.retrievals;
    for (const CycleProblem &p : report.problems())
        c.problems.append({p.subject, p.eventId, p.text});
    if (report.transfer)
        c.routed = report.transfer->routed;
    if (report.dispatch) {
        c.delivered = report.dispatch->delivered;
        c.rejected = report.dispatch->rejected;
        c.deferred = report.dispatch->deferred;
    }
    for (const RetrievalReport &r : report.retrievals)
        m_lastResults.insert(r.mailbox, r);
    m_lastCycle = c;
    QCborMap body = Control::toCbor(c);
    body.insert(QStringLiteral("state"), QStringLiteral("finished"));
    m_server->notify(Control::Topic::Cycle, body);
}

void ControlFeed::onProgress(const MailboxProgress &progress)
{
    m_progress.insert(progress.mailbox, progress);
    if (!m_server->hasSubscribers(Control::Topic::Progress))
        return;
    m_progressUnsent.insert(progress.mailbox, progress);
    if (progress.phase == MailboxProgress::Phase::Done)
        flushProgress(); // a mailbox's end is told at once
    else if (!m_progressTimer.isActive())
        m_progressTimer.start();
}

void ControlFeed::flushProgress()
{
    const QHash<QString, MailboxProgress> unsent = std::exchange(m_progressUnsent, {});
    for (const MailboxProgress &p : unsent)
        m_server->notify(Control::Topic::Progress, Control::toCbor(p));
}

// The folders are watched (inotify, and a listing after each burst of changes) only while a
// client wants to know.
void ControlFeed::watchSpool()
{
    const bool wanted = m_server->hasSubscribers(Control::Topic::Spool);
    const Spool &spool = m_host->connector()->spool();
    if (m_spoolThread && (!wanted || m_watchedSpool != spool.root())) {
        m_spoolThread.reset(); // deletes the monitor on its thread
        m_spoolMonitor = nullptr;
    }
    if (!wanted || m_spoolThread)
        return;
    m_watchedSpool = spool.root();
    m_spoolThread = std::make_unique<WorkerThread>(QStringLiteral("spool-watch"));
    m_spoolMonitor = m_spoolThread->adopt(new SpoolMonitor(spool));
    connect(m_spoolMonitor, &SpoolMonitor::folderListed, this,
        [this](SpoolFolder folder, const QStringList &names) {
            QCborMap body;
            body.insert(QStringLiteral("folder"), Control::folderKey(folder));
            body.insert(QStringLiteral("count"), names.size());
            m_server->notify(Control::Topic::Spool, body);
        });
    m_spoolThread->thread()->start();
    QMetaObject::invokeMethod(m_spoolMonitor, &SpoolMonitor::start, Qt::QueuedConnection);
}

} // namespace Pop3Connector

#include "service/servicehost.h"

#include "base/clock.h"
#include "service/passwordstore.h"

namespace Pop3Connector {

ServiceHost::ServiceHost(
    Configuration configuration, std::unique_ptr<SecretStore> secrets, QObject *parent)
    : QObject(parent)
    , m_configuration(std::move(configuration))
    , m_secrets(std::move(secrets))
{
    adopt(std::make_unique<Connector>(m_configuration, m_secrets.get()));
}

ServiceHost::~ServiceHost()
{
    m_connector.reset(); // before the store it reads passwords from
}

void ServiceHost::adopt(std::unique_ptr<Connector> connector)
{
    m_connector = std::move(connector);
    Connector *c = m_connector.get();
    connect(c->eventLog(), &EventLog::eventLogged, this, &ServiceHost::eventLogged);
    connect(c, &Connector::progressed, this, &ServiceHost::progressed);
    connect(c, &Connector::stageActive, this, &ServiceHost::stageActive);
    connect(c, &Connector::cycleStarted, this, &ServiceHost::cycleStarted);
    connect(c, &Connector::cycleFinished, this, &ServiceHost::cycleFinished);
    connect(c, &Connector::nextRunChanged, this, &ServiceHost::nextRunChanged);
    connect(c, &Connector::stopped, this, &ServiceHost::stopped);
    // A configuration that waited for the cycle: applied once the cycle's signal has been
    // delivered everywhere, never inside it.
    connect(c, &Connector::cycleFinished, this, [this] {
        if (m_pending)
            QMetaObject::invokeMethod(this, &ServiceHost::applyPending, Qt::QueuedConnection);
    });
}

QString ServiceHost::startConnector(const QDateTime &firstRun)
{
    if (const QString error = m_connector->start(); !error.isEmpty())
        return error;
    m_connector->setDispatchEnabled(m_dispatchEnabled);
    if (m_configuration.connector.scheduleEnabled)
        m_connector->startSchedule(firstRun);
    return {};
}

QString ServiceHost::start()
{
    return startConnector();
}

ServiceHost::Applied ServiceHost::reconfigure(const Configuration &next, QStringList *restartNeeded)
{
    const ConnectorSettings &now = m_configuration.connector;
    QStringList restart;
    if (next.connector.controlSocket != now.controlSocket)
        restart.append(QStringLiteral("control_socket"));
    if (next.connector.controlGroup != now.controlGroup)
        restart.append(QStringLiteral("control_group"));
    if (next.connector.controlBacklogKb != now.controlBacklogKb)
        restart.append(QStringLiteral("control_backlog_kb"));
    if (restartNeeded)
        *restartNeeded = restart;
    m_pending = next;
    if (m_connector->isCycleRunning())
        return Applied::AfterCycle;
    applyPending();
    return Applied::Now;
}

void ServiceHost::applyPending()
{
    if (!m_pending || m_stopping)
        return;
    if (m_connector->isCycleRunning())
        return; // the next cycle followed at once; its end applies it
    Configuration next = *std::exchange(m_pending, std::nullopt);
    Configuration previous = m_configuration;
    // Saving a setting is not "retrieve now": the next run stays where the schedule had it, or
    // comes sooner when the interval is now shorter (or the schedule was off).
    const QDateTime byNewInterval =
        Clock::nowUtc().addSecs(qint64(next.connector.intervalMinutes) * 60);
    const QDateTime scheduled = m_connector->nextScheduledRun();
    const QDateTime firstRun =
        scheduled.isValid() ? std::min(scheduled.toUTC(), byNewInterval) : byNewInterval;
    const QDateTime previousFirstRun = scheduled.isValid() ? scheduled : byNewInterval;
    const bool storeChanged = next.connector.passwordStore != previous.connector.passwordStore
        || passwordFolder(next) != passwordFolder(previous);

    // The old connector stops first: the spool's lock and threads are free for the new one.
    m_connector->stopSchedule();
    disconnect(m_connector.get(), nullptr, this, nullptr);
    disconnect(m_connector->eventLog(), nullptr, this, nullptr);
    m_connector.reset();
    std::unique_ptr<SecretStore> previousStore;
    if (storeChanged) {
        previousStore = std::move(m_secrets);
        m_secrets = openPasswordStore(next);
    }
    m_configuration = next;
    adopt(std::make_unique<Connector>(m_configuration, m_secrets.get()));
    QString error = startConnector(firstRun);
    if (!error.isEmpty()) {
        // The new configuration cannot run (its spool is in use, say): the old one goes on.
        disconnect(m_connector.get(), nullptr, this, nullptr);
        disconnect(m_connector->eventLog(), nullptr, this, nullptr);
        m_connector.reset();
        if (previousStore)
            m_secrets = std::move(previousStore);
        m_configuration = previous;
        adopt(std::make_unique<Connector>(m_configuration, m_secrets.get()));
        if (const QString again = startConnector(previousFirstRun); !again.isEmpty()) {
            // Neither runs: the service ends, and says why (a supervisor starts it again).
            error += u' ' + again;
            m_failed = true;
            m_stopping = true;
            Q_EMIT reconfigured(error);
            Q_EMIT stopped();
            return;
        }
    }
    Q_EMIT reconfigured(error);
}

void ServiceHost::raise(
    EventId id, const Phrase &text, const QString &mailbox, const QString &message)
{
    m_connector->eventLog()->post(Event::make(id, text, mailbox, message));
}

void ServiceHost::setDispatchEnabled(bool enabled)
{
    m_dispatchEnabled = enabled;
    m_connector->setDispatchEnabled(enabled);
}

void ServiceHost::requestStop()
{
    m_stopping = true;
    m_pending.reset();
    m_connector->requestStop();
}

void ServiceHost::cancel()
{
    m_stopping = true;
    m_pending.reset();
    m_connector->cancel();
}

} // namespace Pop3Connector

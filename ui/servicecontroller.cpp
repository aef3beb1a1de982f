#include "servicecontroller.h"

#include "config/secretstore.h"

#include <QFile>
#include <QThread>

namespace Pop3Connector {

ServiceController::ServiceController(
    const QString &configPath, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_configPath(configPath)
    , m_secrets(secrets)
{
    reload();
}

ServiceController::~ServiceController()
{
    if (m_connector) {
        // Dropping connections is safe: what is stored is in the ledger, the rest stays on the
        // server.
        QMetaObject::invokeMethod(m_connector, &Connector::cancel, Qt::BlockingQueuedConnection);
        QMetaObject::invokeMethod(m_connector, &QObject::deleteLater, Qt::QueuedConnection);
        m_thread->quit();
        m_thread->wait();
    }
}

bool ServiceController::reload()
{
    const ConfigLoadResult r = ConfigurationFile::load(m_configPath);
    m_problems = r.problems;
    if (r.ok() || !QFile::exists(m_configPath)) {
        m_configuration = r.configuration;
        m_configuration.path = m_configPath;
    }
    Q_EMIT configurationChanged();
    return r.ok();
}

QString ServiceController::save(const Configuration &configuration)
{
    if (const QString error = ConfigurationFile::save(configuration, m_configPath);
        !error.isEmpty())
        return error;
    m_configuration = configuration;
    reload();
    if (isRunning()) {
        m_restartAfterStop = true;
        stopService();
    }
    return {};
}

void ServiceController::startService()
{
    if (m_connector)
        return;
    m_lastError.clear();
    reload(); // the administrator may have corrected the file by hand meanwhile
    // Without a file yet (a new installation), the defaults run and the first save writes it.
    if (!m_problems.isEmpty() && QFile::exists(m_configPath)) {
        // A configuration with a wrong line is not run half-understood: the administrator is
        // told which file, line and key, and what is allowed (event 1100).
        QStringList lines;
        for (const ConfigProblem &p : std::as_const(m_problems)) {
            lines.append(p.toString());
            Q_EMIT eventLogged(Event::make(EventId::ConfigurationInvalid, p.toString()));
        }
        m_lastError = tr("the configuration has problems:\n%1").arg(lines.join(u'\n'));
        Q_EMIT serviceStateChanged(false);
        return;
    }
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("service"));
    m_connector = new Connector(m_configuration, m_secrets);
    m_connector->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_connector, &QObject::deleteLater);
    connect(m_connector->eventLog(), &EventLog::eventLogged, this, &ServiceController::eventLogged);
    connect(m_connector, &Connector::progressed, this, &ServiceController::progressed);
    connect(m_connector, &Connector::stageActive, this, &ServiceController::stageActive);
    connect(m_connector, &Connector::nextRunChanged, this, [this](const QDateTime &next) {
        m_nextRun = next;
        Q_EMIT nextRunChanged(next);
    });
    connect(m_connector, &Connector::cycleStarted, this, [this] {
        m_cycleRunning = true;
        Q_EMIT cycleStarted();
    });
    connect(m_connector, &Connector::cycleFinished, this, [this](const CycleReport &report) {
        m_cycleRunning = false;
        Q_EMIT cycleFinished(report);
    });
    connect(m_connector, &Connector::stopped, this, &ServiceController::onStopped);
    m_thread->start();

    const bool dispatch = m_dispatchEnabled;
    const bool schedule = m_configuration.connector.scheduleEnabled;
    QMetaObject::invokeMethod(m_connector, [this, dispatch, schedule] {
        // On the service thread.
        const QString error = m_connector->start();
        m_connector->setDispatchEnabled(dispatch);
        if (error.isEmpty() && schedule)
            m_connector->startSchedule();
        QMetaObject::invokeMethod(this, [this, error] {
            if (error.isEmpty()) {
                Q_EMIT serviceStateChanged(true);
                return;
            }
            m_lastError = error;
            QMetaObject::invokeMethod(m_connector, &QObject::deleteLater, Qt::QueuedConnection);
            m_connector = nullptr;
            m_thread->quit();
            m_thread->wait();
            m_thread->deleteLater();
            m_thread = nullptr;
            Q_EMIT serviceStateChanged(false);
        });
    });
}

void ServiceController::post(const Event &event)
{
    if (m_connector) {
        EventLog *log = m_connector->eventLog();
        QMetaObject::invokeMethod(
            log, [log, event] { log->post(event); }, Qt::QueuedConnection);
        return;
    }
    EventLog log;
    log.setLevel(m_configuration.connector.logLevel);
    // Without a log file the event is still shown; the action it records has happened anyway.
    (void)log.openFile(
        Spool(m_configuration.connector.spool).logPath() + QStringLiteral("/events.log"));
    connect(&log, &EventLog::eventLogged, this, &ServiceController::eventLogged);
    log.post(event);
}

void ServiceController::stopService()
{
    if (m_connector)
        QMetaObject::invokeMethod(m_connector, &Connector::requestStop, Qt::QueuedConnection);
}

void ServiceController::onStopped()
{
    m_connector = nullptr; // deleted with its thread
    m_thread->quit();
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    m_cycleRunning = false;
    m_nextRun = {};
    Q_EMIT nextRunChanged({});
    Q_EMIT serviceStateChanged(false);
    if (std::exchange(m_restartAfterStop, false))
        startService();
}

void ServiceController::retrieveNow()
{
    if (m_connector)
        QMetaObject::invokeMethod(
            m_connector, [c = m_connector] { c->runCycle(kAllStages); }, Qt::QueuedConnection);
}

void ServiceController::cancelCycle()
{
    if (m_connector)
        QMetaObject::invokeMethod(m_connector, &Connector::cancelCycle, Qt::QueuedConnection);
}

void ServiceController::setDispatchEnabled(bool enabled)
{
    m_dispatchEnabled = enabled;
    if (m_connector) {
        QMetaObject::invokeMethod(
            m_connector, [c = m_connector, enabled] { c->setDispatchEnabled(enabled); },
            Qt::QueuedConnection);
    }
    Q_EMIT dispatchEnabledChanged(enabled);
}

} // namespace Pop3Connector

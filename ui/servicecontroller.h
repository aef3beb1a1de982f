#pragma once

#include "config/configuration.h"
#include "service/connector.h"

#include <QObject>

#include <memory>

class QThread;

namespace Pop3Connector {

class SecretStore;

// The manager's handle on the connector service. The Connector runs on a service thread of its
// own; this object lives on the UI thread, forwards requests to it by queued calls and relays
// its signals. Saving the configuration writes the INI file and restarts the service with it.
class ServiceController : public QObject
{
    Q_OBJECT
public:
    ServiceController(const QString &configPath, SecretStore *secrets, QObject *parent = nullptr);
    ~ServiceController() override;

    QString configPath() const { return m_configPath; }
    const Configuration &configuration() const { return m_configuration; }
    QList<ConfigProblem> problems() const { return m_problems; }
    SecretStore *secrets() const { return m_secrets; }

    bool isRunning() const { return m_connector != nullptr; }
    bool isCycleRunning() const { return m_cycleRunning; }
    bool isDispatchEnabled() const { return m_dispatchEnabled; }
    QDateTime nextRun() const { return m_nextRun; }
    QString lastError() const { return m_lastError; }

    // Reads the configuration again; returns false when it has problems (see problems()).
    bool reload();
    // Writes the configuration and, if the service runs, restarts it. Returns an empty string
    // or the error.
    [[nodiscard]] QString save(const Configuration &configuration);

    void startService();
    void stopService();
    void retrieveNow();
    void cancelCycle();
    void setDispatchEnabled(bool enabled);
    // Logs an event the manager raised (an administrator's action on the spool) with the
    // service's own: in its event log while it runs, else in the spool's log file; either way
    // eventLogged() shows it.
    void post(const Pop3Connector::Event &event);

Q_SIGNALS:
    void serviceStateChanged(bool running);
    void configurationChanged();
    void eventLogged(const Pop3Connector::Event &event);
    void progressed(const Pop3Connector::MailboxProgress &progress);
    void cycleStarted();
    void cycleFinished(const Pop3Connector::CycleReport &report);
    void stageActive(Pop3Connector::Stage stage, bool active);
    void nextRunChanged(const QDateTime &next);
    void dispatchEnabledChanged(bool enabled);

private:
    void onStopped();

    QString m_configPath;
    SecretStore *m_secrets;
    Configuration m_configuration;
    QList<ConfigProblem> m_problems;
    QThread *m_thread = nullptr;
    Connector *m_connector = nullptr;
    bool m_cycleRunning = false;
    bool m_dispatchEnabled = true;
    bool m_restartAfterStop = false;
    QDateTime m_nextRun;
    QString m_lastError;
};

} // namespace Pop3Connector

#pragma once

#include "config/configuration.h"
#include "config/secretstore.h"
#include "service/connector.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace Pop3Connector {

// The running service (pop3connectord without --once): its configuration, its password store
// and the Connector that runs the pipeline with them, from start to stop. A new configuration
// is applied without a restart of the process: a new Connector takes over from the old one
// between cycles (at once when none runs, else when the running one has finished), with delivery
// on or off as the administrator left it. A new configuration starts no cycle: the schedule
// goes on from its next run (sooner when the interval is now shorter). Lives on the service's main
// thread; the Connector's signals come out of it, whichever Connector is current.
class ServiceHost : public QObject
{
    Q_OBJECT
public:
    ServiceHost(Configuration configuration, std::unique_ptr<SecretStore> secrets,
        QObject *parent = nullptr);
    ~ServiceHost() override;

    // Starts the connector and, when schedule_enabled, its schedule; an empty string or what
    // stops the service from starting.
    [[nodiscard]] QString start();

    const Configuration &configuration() const { return m_configuration; }
    Connector *connector() const { return m_connector.get(); }
    SecretStore *secrets() const { return m_secrets.get(); }

    enum class Applied { Now, AfterCycle };
    // Takes `next` (already checked) as the configuration. Keys that only a restart of the
    // process changes (the control channel's) are named in `restartNeeded`; everything else
    // applies now or after the running cycle.
    Applied reconfigure(const Configuration &next, QStringList *restartNeeded = nullptr);
    bool hasPendingConfiguration() const { return m_pending.has_value(); }
    // The configuration written last: the pending one while it waits for the cycle, else the
    // one in force. What an administrator just saved (a new mailbox, say) is found there.
    const Configuration &latestConfiguration() const
    {
        return m_pending ? *m_pending : m_configuration;
    }

    // Logs an event of the service (one an administrator's action caused, say).
    void raise(
        EventId id, const Phrase &text, const QString &mailbox = {}, const QString &message = {});

    void setDispatchEnabled(bool enabled);
    bool isDispatchEnabled() const { return m_dispatchEnabled; }
    // Neither a new configuration nor the previous one could start: the service has stopped.
    bool hasFailed() const { return m_failed; }
    void requestStop();
    void cancel();

Q_SIGNALS:
    void eventLogged(const Pop3Connector::Event &event);
    void progressed(const Pop3Connector::MailboxProgress &progress);
    void stageActive(Pop3Connector::Stage stage, bool active);
    void cycleStarted();
    void cycleFinished(const Pop3Connector::CycleReport &report);
    void nextRunChanged(const QDateTime &next);
    void stopped();
    // A new Connector took over (a new configuration); `error` when it could not start with
    // it and the previous configuration runs on.
    void reconfigured(const QString &error);

private:
    void adopt(std::unique_ptr<Connector> connector);
    // Starts the connector and its schedule: at the service's start the first cycle runs at
    // once; after a new configuration it runs when the schedule says (`firstRun`).
    QString startConnector(const QDateTime &firstRun = {});
    void applyPending();

    Configuration m_configuration;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<Connector> m_connector;
    std::optional<Configuration> m_pending;
    bool m_dispatchEnabled = true;
    bool m_stopping = false;
    bool m_failed = false;
};

} // namespace Pop3Connector

#pragma once

#include "alertpolicy.h"
#include "config/configuration.h"
#include "service/controlclient.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <functional>

namespace Pop3Connector {

// The manager's handle on the connector service, pop3connectord: a client of its control
// channel (docs/control-protocol.md). It keeps what the tabs show of the service (its status,
// its configuration as the service read it, its stages and folders) up to date from the
// service's replies and notifications, and connects again by itself when the service was gone.
// The manager runs no stage and opens no spool file: every action is a request to the service.
class ServiceController : public QObject
{
    Q_OBJECT
public:
    // What the service said of itself: who the manager talks to.
    struct ServiceInfo
    {
        qint64 pid = 0;
        QString user;
        QString version;
        QString passwordStore;
    };
    // Runs once with an empty string when done, or what went wrong in a sentence.
    using Done = std::function<void(const QString &error)>;
    using Reply = Control::Client::Reply;

    explicit ServiceController(const QString &configPath, QObject *parent = nullptr);
    ~ServiceController() override;

    QString configPath() const { return m_configPath; }
    // The connection to the service, for what talks to it on its own (a browser sign-in).
    Control::Client *client() { return &m_client; }
    // The configuration as the service has it (before it answers: the file as this user reads
    // it, for the socket's path).
    const Configuration &configuration() const { return m_configuration; }
    QList<ConfigProblem> problems() const { return m_problems; }

    // Connects, and again after every loss, until the controller is gone.
    void connectToService();
    bool isRunning() const { return m_client.isReady(); }
    // Why the service does not answer, when it does not (empty while it does).
    QString unavailableReason() const { return m_unavailable; }
    // One sentence telling how to start the service of this configuration.
    QString howToStart() const;
    // Whether this configuration is one a desktop user runs a connector of their own for.
    bool canStartForUser() const;
    // Starts pop3connectord for this user in the background, the one next to the manager;
    // returns an empty string or what went wrong.
    [[nodiscard]] QString startForUser();

    const ServiceInfo &serviceInfo() const { return m_info; }
    bool isCycleRunning() const { return m_cycleRunning; }
    bool isDispatchEnabled() const { return m_dispatchEnabled; }
    bool isStageActive(const QString &stage) const { return m_activeStages.value(stage); }
    QDateTime nextRun() const { return m_nextRun; }
    int folderCount(SpoolFolder folder) const { return m_folders.value(folder); }
    // The problems the service has open (its last status), oldest first.
    const QList<OpenProblem> &openProblems() const { return m_openProblems; }
    // Each mailbox's last result, and when its cycle finished.
    const QHash<QString, RetrievalReport> &lastResults() const { return m_lastResults; }
    QDateTime lastResultTime(const QString &mailbox) const { return m_lastTimes.value(mailbox); }

    void retrieveNow(const QString &mailbox = {});
    void cancelCycle();
    void setDispatchEnabled(bool enabled);
    // Sends the service its configuration file's text (as it is now) changed to say
    // `configuration`, only what changed rewritten; `done` gets the service's problems when it
    // refuses it.
    void save(const Configuration &configuration, QObject *context, Done done);
    // The secret goes to the service, which stores it where it reads passwords.
    void setPassword(const QString &key, const QByteArray &secret, QObject *context, Done done);
    void clearPassword(const QString &key, QObject *context, Done done);
    // Any request of the protocol, for the tabs (spool, connection tests, diagnostics).
    void request(const QString &method, const QCborMap &params, QObject *context, Reply done,
        int timeoutMs = Control::Client::kDefaultTimeoutMs);

Q_SIGNALS:
    void serviceStateChanged(bool running);
    void statusChanged();
    void configurationChanged();
    // The recent history, oldest first, at each connection; then each event as it happens.
    void historyLoaded(const QList<Pop3Connector::Event> &events);
    void eventLogged(const Pop3Connector::Event &event);
    void progressed(const Pop3Connector::MailboxProgress &progress);
    void cycleStarted();
    void cycleFinished(const Pop3Connector::Control::CycleOutcome &cycle);
    void folderChanged(Pop3Connector::SpoolFolder folder, int count);

private:
    void onConnected();
    void onDisconnected(const Pop3Connector::Error &reason);
    void readFile();
    void refreshStatus();
    void refreshConfiguration();
    void applyStatus(const QCborMap &status);

    QString m_configPath;
    Control::Client m_client;
    Configuration m_configuration;
    QList<ConfigProblem> m_problems;
    ServiceInfo m_info;
    QString m_unavailable;
    bool m_cycleRunning = false;
    bool m_dispatchEnabled = true;
    QDateTime m_nextRun;
    QHash<QString, bool> m_activeStages;
    QHash<SpoolFolder, int> m_folders;
    QList<OpenProblem> m_openProblems;
    QHash<QString, RetrievalReport> m_lastResults;
    QHash<QString, QDateTime> m_lastTimes;
};

} // namespace Pop3Connector

#pragma once

#include "service/controlmessages.h"
#include "service/controlserver.h"
#include "service/servicehost.h"

#include <QCborArray>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>

namespace Pop3Connector {

class SpoolMonitor;
class WorkerThread;

// What the service does, told to the control channel's subscribers as it happens (events,
// progress, stages, cycles, spool folders: docs/control-protocol.md "Notifications") and
// remembered for those who ask later (the recent events, the cycles, each mailbox's last result).
// Progress, which comes with every message, goes out as each mailbox's latest at most ten times
// a second; the spool folders are watched only while someone subscribes to them. Lives on the
// service's thread.
class ControlFeed : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kHistory = 10000;

    ControlFeed(ServiceHost *host, Control::Server *server, QObject *parent = nullptr);
    ~ControlFeed() override;

    // A stage's name on the wire: "download", "transfer", "dispatch".
    static QString stageKey(Stage stage);

    // The most recent events, at most `limit`, oldest first.
    QCborArray recentEvents(qint64 limit) const;
    // Cycles started since the service started; the id of the last one.
    quint64 cyclesStarted() const { return m_cyclesStarted; }
    Stages activeStages() const { return m_activeStages; }
    std::optional<RetrievalReport> lastResult(const QString &mailbox) const;
    // Where the running cycle stands with a mailbox.
    std::optional<MailboxProgress> progress(const QString &mailbox) const;
    // The last cycle that finished (id 0: none yet).
    const Control::CycleOutcome &lastCycle() const { return m_lastCycle; }

private:
    void onEvent(const Event &event);
    void onStage(Stage stage, bool active);
    void onCycleStarted();
    void onCycleFinished(const CycleReport &report);
    void onProgress(const MailboxProgress &progress);
    void flushProgress();
    void watchSpool();

    ServiceHost *m_host;
    Control::Server *m_server;
    std::deque<Event> m_history;
    quint64 m_cyclesStarted = 0;
    Stages m_activeStages;
    QHash<QString, RetrievalReport> m_lastResults; // by mailbox
    Control::CycleOutcome m_lastCycle;
    QHash<QString, MailboxProgress> m_progress; // of the running cycle, by mailbox
    QHash<QString, MailboxProgress> m_progressUnsent;
    QTimer m_progressTimer;
    std::unique_ptr<WorkerThread> m_spoolThread;
    SpoolMonitor *m_spoolMonitor = nullptr;
    QString m_watchedSpool;
};

} // namespace Pop3Connector

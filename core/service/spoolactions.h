#pragma once

#include "service/connector.h"
#include "spool/spool.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>

namespace Pop3Connector {

// The administrator's actions on spool files (requeue, delete, send to the undeliverable-mail
// mailbox), run between the stages' work on the same folders: an action waits while a stage that
// works on one of its folders is active, and runs on the service's thread (the thread that
// starts every stage) as soon as none is, in the order asked where two share a folder. So no
// action ever moves a file a stage holds, and no stage starts during an action.
class SpoolActions : public QObject
{
    Q_OBJECT
public:
    using Action = std::function<void()>;

    explicit SpoolActions(QObject *parent = nullptr);

    // The folders a stage reads, writes or removes files in while it is active. Download only
    // adds new names to Incoming Mail (through tmp/), which no action touches.
    static QSet<SpoolFolder> foldersOf(Stage stage);

    void setStageActive(Stage stage, bool active);
    // Forgets every stage's activity (a new Connector took over).
    void resetStages();
    // Runs `action` now, or later in this thread when `folders` are free; dropped when
    // `context` is gone by then.
    void enqueue(const QSet<SpoolFolder> &folders, QObject *context, Action action);
    int waiting() const { return int(m_waiting.size()); }
    // The folders an active stage holds now.
    QSet<SpoolFolder> heldFolders() const;

private:
    struct Waiting
    {
        QSet<SpoolFolder> folders;
        QPointer<QObject> context;
        Action action;
    };
    void runWhatIsFree();

    Stages m_active;
    QList<Waiting> m_waiting;
    bool m_running = false;
};

} // namespace Pop3Connector

#pragma once

#include <QObject>
#include <QString>
#include <QThread>

namespace Pop3Connector {

// A thread and the objects that work on it, owned together (the one way the connector makes
// threads). Objects handed to adopt() live on the thread and are reached only by queued calls
// and signals; stopping the thread deletes each of them on it, so nothing that holds a
// password or a file outlives its owner, then joins the thread. Stopping is idempotent and
// happens at the latest when the WorkerThread is destroyed.
class WorkerThread
{
public:
    explicit WorkerThread(const QString &name);
    ~WorkerThread();
    WorkerThread(const WorkerThread &) = delete;
    WorkerThread &operator=(const WorkerThread &) = delete;

    // Moves `worker` (which must have no parent) to this thread, and takes it.
    template<typename T>
    T *adopt(T *worker)
    {
        Q_ASSERT(!worker->parent());
        worker->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
        return worker;
    }

    // Deletes the adopted objects (on the thread), then ends and joins it.
    void stop();
    QThread *thread() { return &m_thread; }

private:
    QThread m_thread;
};

} // namespace Pop3Connector

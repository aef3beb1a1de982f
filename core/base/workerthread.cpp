#include "base/workerthread.h"

namespace Pop3Connector {

WorkerThread::WorkerThread(const QString &name)
{
    m_thread.setObjectName(name);
    m_thread.start();
}

WorkerThread::~WorkerThread()
{
    stop();
}

void WorkerThread::stop()
{
    if (!m_thread.isRunning())
        return;
    // finished() is emitted on the thread as its event loop ends: the adopted objects'
    // deleteLater() runs there, before wait() returns.
    m_thread.quit();
    m_thread.wait();
}

} // namespace Pop3Connector

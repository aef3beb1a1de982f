#include "base/durableobserver.h"

#include <atomic>

namespace Pop3Connector::DurableFs {

namespace {

std::atomic<Observer *> g_observer {nullptr};
std::mutex g_observerMutex;

} // namespace

Observer *Recording::currentObserver()
{
    return g_observer.load(std::memory_order_acquire);
}

std::mutex &Recording::observerMutex()
{
    return g_observerMutex;
}

void acknowledge(Acknowledgement what, const QString &subject, const QStringList &items)
{
    Recording rec([&] {
        Operation op;
        op.kind = Operation::Kind::Acknowledge;
        op.path = subject;
        op.ack = what;
        op.items = items;
        return op;
    });
    rec.completed();
}

void setObserver(Observer *observer)
{
    std::lock_guard<std::mutex> lock(g_observerMutex);
    g_observer.store(observer, std::memory_order_release);
}

} // namespace Pop3Connector::DurableFs

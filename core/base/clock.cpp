#include "base/clock.h"

#include <atomic>

namespace Pop3Connector {

namespace {

// Milliseconds since the epoch while a ManualClock lives, else -1.
std::atomic<qint64> g_manualMs {-1};

} // namespace

QDateTime Clock::nowUtc()
{
    const qint64 manual = g_manualMs.load(std::memory_order_relaxed);
    return manual < 0 ? QDateTime::currentDateTimeUtc()
                      : QDateTime::fromMSecsSinceEpoch(manual, Qt::UTC);
}

qint64 Clock::secondsSinceEpoch()
{
    const qint64 manual = g_manualMs.load(std::memory_order_relaxed);
    return manual < 0 ? QDateTime::currentSecsSinceEpoch() : manual / 1000;
}

ManualClock::ManualClock(const QDateTime &start)
{
    Q_ASSERT(g_manualMs.load() < 0);
    g_manualMs.store(start.toMSecsSinceEpoch());
}

ManualClock::~ManualClock()
{
    g_manualMs.store(-1);
}

void ManualClock::advance(qint64 seconds)
{
    g_manualMs.fetch_add(seconds * 1000);
}

} // namespace Pop3Connector

#include "service/cycleschedule.h"

#include "base/clock.h"

#include <algorithm>
#include <limits>

namespace Pop3Connector {

CycleSchedule::CycleSchedule(int intervalMinutes, QObject *parent)
    : QObject(parent)
    , m_intervalMinutes(intervalMinutes)
    , m_timer(this) // a child, so that it moves with the schedule to another thread
{
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        // After a first run at a time of its own, the schedule keeps its interval.
        if (m_timer.interval() != intervalMs())
            m_timer.setInterval(intervalMs());
        Q_EMIT due();
    });
}

bool CycleSchedule::start(const QDateTime &firstRun)
{
    const qint64 untilFirst = firstRun.isValid() ? Clock::nowUtc().msecsTo(firstRun) : 0;
    if (untilFirst > 0) {
        m_timer.start(int(std::min<qint64>(untilFirst, std::numeric_limits<int>::max())));
        return false;
    }
    m_timer.start(intervalMs());
    return true;
}

void CycleSchedule::stop()
{
    m_timer.stop();
}

QDateTime CycleSchedule::nextRun() const
{
    if (!m_timer.isActive())
        return {};
    return QDateTime::currentDateTime().addMSecs(m_timer.remainingTime());
}

} // namespace Pop3Connector

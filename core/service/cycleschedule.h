#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>

namespace Pop3Connector {

// When the next cycle is due: every interval, the first time at a moment of its own (the
// schedule a restarted service resumes) or at once.
class CycleSchedule : public QObject
{
    Q_OBJECT
public:
    CycleSchedule(int intervalMinutes, QObject *parent);

    // Starts the schedule; true when the first cycle is due now (an invalid or past
    // `firstRun`), which the caller runs itself: due() follows one interval later.
    [[nodiscard]] bool start(const QDateTime &firstRun);
    void stop();
    bool isActive() const { return m_timer.isActive(); }
    // Invalid while the schedule is stopped.
    QDateTime nextRun() const;

Q_SIGNALS:
    void due();

private:
    int intervalMs() const { return m_intervalMinutes * 60 * 1000; }

    const int m_intervalMinutes;
    QTimer m_timer;
};

} // namespace Pop3Connector

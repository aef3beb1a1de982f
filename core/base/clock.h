#pragma once

#include <QDateTime>

namespace Pop3Connector {

// The time, for everything whose decisions depend on it: back-off and give-up of deferred mail,
// expiry of mail left on the server, how long the delivery history remembers, the names of new
// messages. One seam: a test sets the time (ManualClock) instead of waiting for it.
namespace Clock {

QDateTime nowUtc();
qint64 secondsSinceEpoch();

} // namespace Clock

// While it lives, the clock reads this time instead of the system's, moved on by advance().
// For tests; one at a time.
class ManualClock
{
public:
    explicit ManualClock(const QDateTime &start);
    ~ManualClock();
    ManualClock(const ManualClock &) = delete;
    ManualClock &operator=(const ManualClock &) = delete;

    void advance(qint64 seconds);
};

} // namespace Pop3Connector

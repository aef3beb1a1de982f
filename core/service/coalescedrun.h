#pragma once

#include <utility>

namespace Pop3Connector {

// A stage run on request, one run at a time: requests made while it runs merge into a single
// run after it. The caller starts a run whenever request() or finished() says so.
class CoalescedRun
{
public:
    // Asks for a run; true when it is to start now.
    bool request()
    {
        m_wanted = true;
        if (m_running)
            return false;
        m_wanted = false;
        m_running = true;
        return true;
    }
    // The run ended; true when another one was asked for meanwhile and is to start now.
    bool finished()
    {
        m_running = std::exchange(m_wanted, false);
        return m_running;
    }
    // Forgets a request that has not started (a stop or cancel).
    void dropRequest() { m_wanted = false; }
    bool isRunning() const { return m_running; }
    bool isIdle() const { return !m_running && !m_wanted; }

private:
    bool m_running = false;
    bool m_wanted = false;
};

} // namespace Pop3Connector

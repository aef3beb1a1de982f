#pragma once

#include "base/durablefs.h"
#include "events/event.h"

#include <QList>
#include <QObject>

#include <deque>
#include <optional>

namespace Pop3Connector {

// The connector's event log (DESIGN.md "Events"): keeps what the log level allows, appends it to
// log/events.log (one JSON object a line, so the manager and scripts read it back as data) and
// tells listeners. Lives on the thread that owns the connector.
class EventLog : public QObject
{
    Q_OBJECT
public:
    explicit EventLog(QObject *parent = nullptr);

    void setLevel(LogLevel level) { m_level = level; }
    LogLevel level() const { return m_level; }
    bool keeps(EventId id) const;

    // Appends to `path` from now on; returns an empty string or the error.
    [[nodiscard]] QString openFile(const QString &path);
    QString filePath() const { return m_path; }

    void post(const Pop3Connector::Event &event);
    // The most recent kept events, oldest first (bounded).
    QList<Event> recent() const;

    static QByteArray toJsonLine(const Event &event);
    static std::optional<Event> fromJsonLine(QByteArrayView line);
    // Reads a log file written by toJsonLine, skipping lines that do not parse.
    static QList<Event> readFile(const QString &path);

Q_SIGNALS:
    void eventLogged(const Pop3Connector::Event &event);

private:
    void rotateIfLarge();

    LogLevel m_level = LogLevel::Medium;
    QString m_path;
    DurableFs::File m_file; // 0600: events name senders and subjects
    std::deque<Event> m_recent;
};

} // namespace Pop3Connector

#include "events/eventlog.h"

#include <QCborArray>
#include <QCborMap>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Pop3Connector {

namespace {

constexpr qint64 kRotateBytes = 16 * 1024 * 1024;
constexpr size_t kRecentEvents = 10000;

} // namespace

EventLog::EventLog(QObject *parent)
    : QObject(parent)
{ }

bool EventLog::keeps(EventId id) const
{
    return m_level != LogLevel::None && describe(id).level <= m_level;
}

QString EventLog::openFile(const QString &path)
{
    m_file = DurableFs::File();
    m_path = path;
    Status s = DurableFs::makeDirectory(QFileInfo(path).absolutePath());
    if (s) {
        Result<DurableFs::File> file = DurableFs::File::open(path, DurableFs::File::Mode::Append);
        if (file)
            m_file = std::move(file).value();
        else
            s = file.error();
    }
    if (!s)
        return tr("cannot write the event log %1: %2").arg(path, s.error().message);
    return {};
}

void EventLog::post(const Event &event)
{
    if (!keeps(event.id))
        return;
    if (m_file.isOpen()) {
        rotateIfLarge();
        // A log line that cannot be written (full disk) must not stop the work it describes;
        // the event still reaches every listener.
        if (m_file.isOpen())
            (void)m_file.write(toJsonLine(event));
    }
    m_recent.push_back(event);
    if (m_recent.size() > kRecentEvents)
        m_recent.pop_front();
    Q_EMIT eventLogged(event);
}

QList<Event> EventLog::recent() const
{
    return QList<Event>(m_recent.cbegin(), m_recent.cend());
}

void EventLog::rotateIfLarge()
{
    if (m_file.size() < kRotateBytes)
        return;
    m_file = DurableFs::File();
    (void)DurableFs::rename(m_path, m_path + QStringLiteral(".1")); // replaces the older one
    (void)openFile(m_path); // without a file, events still reach every listener
}

QByteArray EventLog::toJsonLine(const Event &e)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), int(e.id));
    o.insert(QStringLiteral("time"), e.time.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("severity"), int(e.severity));
    o.insert(QStringLiteral("category"), int(e.category));
    if (!e.mailbox.isEmpty())
        o.insert(QStringLiteral("mailbox"), e.mailbox);
    if (!e.message.isEmpty())
        o.insert(QStringLiteral("message"), e.message);
    o.insert(QStringLiteral("text"), e.text);
    // The sentence as data beside the English text, so that a reader in another language can
    // show it in theirs.
    if (!e.phrase.isLiteral()) {
        o.insert(QStringLiteral("source"), e.phrase.sourceToCbor().toJsonObject());
        o.insert(QStringLiteral("args"), e.phrase.argsToCbor().toJsonArray());
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<Event> EventLog::fromJsonLine(QByteArrayView line)
{
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray());
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    if (!o.contains(QStringLiteral("id")))
        return std::nullopt;
    Event e;
    e.id = EventId(o.value(QStringLiteral("id")).toInt());
    e.time = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    e.severity = Severity(o.value(QStringLiteral("severity")).toInt());
    e.category = Category(o.value(QStringLiteral("category")).toInt());
    e.mailbox = o.value(QStringLiteral("mailbox")).toString();
    e.message = o.value(QStringLiteral("message")).toString();
    e.text = o.value(QStringLiteral("text")).toString();
    e.phrase =
        Phrase::fromParts(QCborMap::fromJsonObject(o.value(QStringLiteral("source")).toObject()),
            QCborArray::fromJsonArray(o.value(QStringLiteral("args")).toArray()), e.text);
    return e;
}

QList<Event> EventLog::readFile(const QString &path)
{
    QList<Event> events;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return events;
    while (!f.atEnd()) {
        if (const std::optional<Event> e = fromJsonLine(f.readLine()))
            events.append(*e);
    }
    return events;
}

} // namespace Pop3Connector

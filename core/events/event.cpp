#include "events/event.h"

#include "base/clock.h"
#include "events/eventcatalog.h"

#include <QCoreApplication>

namespace Pop3Connector {

namespace {

QString t(const char *text)
{
    return text ? QCoreApplication::translate("Pop3Connector::Events", text) : QString();
}

// Indexed by the enums' values.
const char *const kSeverityNames[] = {
    QT_TRANSLATE_NOOP("Pop3Connector::Events", "Information"),
    QT_TRANSLATE_NOOP("Pop3Connector::Events", "Warning"),
    QT_TRANSLATE_NOOP("Pop3Connector::Events", "Error"),
};
const char *const kCategoryNames[] = {
    QT_TRANSLATE_NOOP("Pop3Connector::Events", "Download"),
    QT_TRANSLATE_NOOP("Pop3Connector::Events", "Transfer"),
    QT_TRANSLATE_NOOP("Pop3Connector::Events", "Delivery"),
    QT_TRANSLATE_NOOP("Pop3Connector::Events", "Service"),
    QT_TRANSLATE_NOOP("Pop3Connector::Events", "Configuration"),
    QT_TRANSLATE_NOOP("Pop3Connector::Events", "Diagnostics"),
};
static_assert(std::size(kSeverityNames) == size_t(Severity::Error) + 1);
static_assert(std::size(kCategoryNames) == size_t(Category::Diagnostics) + 1);
// The values of log_level in the configuration file.
const char16_t *const kLevelSettings[] = {u"none", u"minimum", u"medium", u"maximum"};

// The entry of `table` for `value`, or null for a value no enumerator has (as a damaged line of
// the event log may hold).
template<typename T, size_t N, typename E>
T entry(T const (&table)[N], E value)
{
    return size_t(value) < N ? table[size_t(value)] : nullptr;
}

} // namespace

Event Event::make(EventId id, const Phrase &phrase, const QString &mailbox, const QString &message)
{
    const EventDescription d = describe(id);
    Event e;
    e.id = id;
    e.time = Clock::nowUtc();
    e.severity = d.severity;
    e.category = d.category;
    e.mailbox = mailbox;
    e.message = message;
    e.text = phrase.english();
    e.phrase = phrase;
    return e;
}

QString Event::displayText() const
{
    return phrase.isEmpty() || phrase.isLiteral() ? text : phrase.translated();
}

EventDescription describe(EventId id)
{
    for (const EventRow &r : eventRows()) {
        if (r.id == id)
            return {r.id, r.severity, r.category, r.level, t(r.title), t(r.cause), t(r.fix)};
    }
    Q_UNREACHABLE();
}

Phrase fixPhrase(EventId id)
{
    for (const EventRow &r : eventRows()) {
        if (r.id == id)
            return r.fix ? Phrase("Pop3Connector::Events", r.fix) : Phrase();
    }
    Q_UNREACHABLE();
}

QList<EventId> allEventIds()
{
    QList<EventId> ids;
    for (const EventRow &r : eventRows())
        ids.append(r.id);
    return ids;
}

QString displayName(Severity severity)
{
    return t(entry(kSeverityNames, severity));
}

QString displayName(Category category)
{
    return t(entry(kCategoryNames, category));
}

QString settingValue(LogLevel level)
{
    const char16_t *value = entry(kLevelSettings, level);
    return value ? QString::fromUtf16(value) : QString();
}

std::optional<LogLevel> logLevelFromString(const QString &text)
{
    const QString s = text.trimmed().toLower();
    for (LogLevel l : {LogLevel::None, LogLevel::Minimum, LogLevel::Medium, LogLevel::Maximum}) {
        if (s == settingValue(l))
            return l;
    }
    return std::nullopt;
}

} // namespace Pop3Connector

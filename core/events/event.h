#pragma once

// EventId, made by the build from events/events.json (scripts/events.py).
#include "base/phrase.h"
#include "events/eventid.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Pop3Connector {

enum class Severity { Information, Warning, Error };
enum class Category { Download, Transfer, Delivery, Service, Configuration, Diagnostics };

// How much the event log keeps (the SBS 2003 levels). Each event has the lowest level at which
// it is kept: errors from Minimum, warnings and summaries from Medium, every detail at Maximum.
enum class LogLevel { None, Minimum, Medium, Maximum };

struct Event
{
    EventId id = EventId::ServiceStarted;
    QDateTime time;
    Severity severity = Severity::Information;
    Category category = Category::Service;
    QString mailbox; // configured mailbox name, when the event concerns one
    QString message; // spool file name or UIDL, when the event concerns one message
    QString text; // what happened, with the particulars, in English (the log file's language)
    Phrase phrase; // the same as data, for a reader in another language; a literal for old events

    // Fills severity and category from the catalog, and text with the phrase in English.
    static Event make(
        EventId id, const Phrase &phrase, const QString &mailbox = {}, const QString &message = {});

    // What happened in the language of the translators installed now.
    QString displayText() const;
};

// What the documentation says of an event: its fixed severity and category, the lowest log
// level that keeps it, and the cause and fix an administrator reads next to it.
struct EventDescription
{
    EventId id;
    Severity severity;
    Category category;
    LogLevel level;
    QString title;
    QString cause;
    QString fix;
};

EventDescription describe(EventId id);
// The catalogue's fix of an event as a phrase, for a reader in another language.
Phrase fixPhrase(EventId id);
QList<EventId> allEventIds();

QString displayName(Severity severity);
QString displayName(Category category);
QString settingValue(LogLevel level);
std::optional<LogLevel> logLevelFromString(const QString &text);

} // namespace Pop3Connector

Q_DECLARE_METATYPE(Pop3Connector::Event)

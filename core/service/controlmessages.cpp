#include "service/controlmessages.h"

#include <QCborArray>
#include <QCborValue>

namespace Pop3Connector::Control {

namespace {

template<typename E>
struct Word
{
    E value;
    const char *key;
};

const Word<Severity> kSeverities[] = {
    {Severity::Information, "information"},
    {Severity::Warning, "warning"},
    {Severity::Error, "error"},
};
const Word<Category> kCategories[] = {
    {Category::Download, "download"},
    {Category::Transfer, "transfer"},
    {Category::Delivery, "delivery"},
    {Category::Service, "service"},
    {Category::Configuration, "configuration"},
    {Category::Diagnostics, "diagnostics"},
};
const Word<MailboxProgress::Phase> kPhases[] = {
    {MailboxProgress::Phase::Connecting, "connecting"},
    {MailboxProgress::Phase::LoggingIn, "loggingIn"},
    {MailboxProgress::Phase::Listing, "listing"},
    {MailboxProgress::Phase::Retrieving, "retrieving"},
    {MailboxProgress::Phase::Finishing, "finishing"},
    {MailboxProgress::Phase::Done, "done"},
};
const Word<RetrievalReport::Outcome> kOutcomes[] = {
    {RetrievalReport::Outcome::Succeeded, "succeeded"},
    {RetrievalReport::Outcome::Failed, "failed"},
    {RetrievalReport::Outcome::Deferred, "deferred"},
    {RetrievalReport::Outcome::Cancelled, "cancelled"},
};
const Word<SpoolFolder> kFolders[] = {
    {SpoolFolder::Incoming, "incoming"},
    {SpoolFolder::Failed, "failed"},
    {SpoolFolder::PickUp, "pickup"},
    {SpoolFolder::BadMail, "badmail"},
};

template<typename E, size_t N>
QString keyOf(const Word<E> (&table)[N], E value)
{
    for (const Word<E> &w : table) {
        if (w.value == value)
            return QString::fromLatin1(w.key);
    }
    return {};
}

template<typename E, size_t N>
E valueOf(const Word<E> (&table)[N], const QCborValue &key, E fallback)
{
    const QString s = key.toString();
    for (const Word<E> &w : table) {
        if (s == QLatin1String(w.key))
            return w.value;
    }
    return fallback;
}

QCborValue time(const QDateTime &t)
{
    return t.isValid() ? QCborValue(t.toUTC()) : QCborValue(QCborValue::Null);
}

QDateTime timeFrom(const QCborValue &v)
{
    return v.isDateTime() ? v.toDateTime() : QDateTime();
}

int integer(const QCborMap &m, const QString &key)
{
    return int(m.value(key).toInteger());
}

// Keys, once each.
const QString kId = QStringLiteral("id");
const QString kTime = QStringLiteral("time");
const QString kSeverity = QStringLiteral("severity");
const QString kCategory = QStringLiteral("category");
const QString kMailbox = QStringLiteral("mailbox");
const QString kMessage = QStringLiteral("message");
const QString kText = QStringLiteral("text");
const QString kArgs = QStringLiteral("args");
const QString kSource = QStringLiteral("source");
const QString kPhase = QStringLiteral("phase");

} // namespace

QStringList Topic::all()
{
    return {Event, Progress, Stage, Cycle, Spool};
}

QCborMap toCbor(const Event &e)
{
    QCborMap m;
    m.insert(kId, int(e.id));
    m.insert(kTime, time(e.time));
    m.insert(kSeverity, keyOf(kSeverities, e.severity));
    m.insert(kCategory, keyOf(kCategories, e.category));
    if (!e.mailbox.isEmpty())
        m.insert(kMailbox, e.mailbox);
    if (!e.message.isEmpty())
        m.insert(kMessage, e.message);
    m.insert(kText, e.text);
    if (!e.phrase.isLiteral()) {
        m.insert(kSource, e.phrase.sourceToCbor());
        m.insert(kArgs, e.phrase.argsToCbor());
    }
    return m;
}

Event eventFromCbor(const QCborMap &m)
{
    Event e;
    e.id = EventId(integer(m, kId));
    e.time = timeFrom(m.value(kTime));
    e.severity = valueOf(kSeverities, m.value(kSeverity), Severity::Information);
    e.category = valueOf(kCategories, m.value(kCategory), Category::Service);
    e.mailbox = m.value(kMailbox).toString();
    e.message = m.value(kMessage).toString();
    e.text = m.value(kText).toString();
    e.phrase = Phrase::fromParts(m.value(kSource).toMap(), m.value(kArgs).toArray(), e.text);
    return e;
}

QCborMap toCbor(const MailboxProgress &p)
{
    QCborMap m;
    m.insert(kMailbox, p.mailbox);
    m.insert(kPhase, keyOf(kPhases, p.phase));
    m.insert(QStringLiteral("messagesDone"), p.messagesDone);
    m.insert(QStringLiteral("messagesTotal"), p.messagesTotal);
    m.insert(QStringLiteral("bytesDone"), p.bytesDone);
    m.insert(QStringLiteral("bytesTotal"), p.bytesTotal);
    return m;
}

MailboxProgress progressFromCbor(const QCborMap &m)
{
    MailboxProgress p;
    p.mailbox = m.value(kMailbox).toString();
    p.phase = valueOf(kPhases, m.value(kPhase), MailboxProgress::Phase::Connecting);
    p.messagesDone = integer(m, QStringLiteral("messagesDone"));
    p.messagesTotal = integer(m, QStringLiteral("messagesTotal"));
    p.bytesDone = m.value(QStringLiteral("bytesDone")).toInteger();
    p.bytesTotal = m.value(QStringLiteral("bytesTotal")).toInteger();
    return p;
}

QCborMap toCbor(const RetrievalReport &r)
{
    QCborMap m;
    m.insert(kMailbox, r.mailbox);
    m.insert(QStringLiteral("outcome"), keyOf(kOutcomes, r.outcome));
    if (r.outcome != RetrievalReport::Outcome::Succeeded) {
        m.insert(QStringLiteral("event"), int(r.failureId));
        m.insert(kText, r.failureText);
        if (!r.failure.isLiteral())
            m.insert(QStringLiteral("textPhrase"), r.failure.toCbor());
    }
    m.insert(QStringLiteral("onServer"), r.onServer);
    m.insert(QStringLiteral("stored"), r.stored);
    m.insert(QStringLiteral("deleted"), r.deleted);
    m.insert(QStringLiteral("alreadyStored"), r.alreadyStored);
    m.insert(QStringLiteral("tooLarge"), r.tooLarge);
    m.insert(QStringLiteral("unavailable"), r.unavailable);
    m.insert(QStringLiteral("backlog"), r.backlog);
    m.insert(QStringLiteral("bytes"), r.bytes);
    m.insert(QStringLiteral("octetsOnServer"), r.octetsOnServer);
    return m;
}

RetrievalReport retrievalFromCbor(const QCborMap &m)
{
    RetrievalReport r;
    r.mailbox = m.value(kMailbox).toString();
    r.outcome =
        valueOf(kOutcomes, m.value(QStringLiteral("outcome")), RetrievalReport::Outcome::Failed);
    if (m.contains(QStringLiteral("event")))
        r.failureId = EventId(integer(m, QStringLiteral("event")));
    r.failureText = m.value(kText).toString();
    // An older service sends the text alone: it stands for itself.
    r.failure = m.contains(QStringLiteral("textPhrase"))
        ? Phrase::fromCbor(m.value(QStringLiteral("textPhrase")))
        : Phrase(r.failureText);
    r.onServer = integer(m, QStringLiteral("onServer"));
    r.stored = integer(m, QStringLiteral("stored"));
    r.deleted = integer(m, QStringLiteral("deleted"));
    r.alreadyStored = integer(m, QStringLiteral("alreadyStored"));
    r.tooLarge = integer(m, QStringLiteral("tooLarge"));
    r.unavailable = integer(m, QStringLiteral("unavailable"));
    r.backlog = integer(m, QStringLiteral("backlog"));
    r.bytes = m.value(QStringLiteral("bytes")).toInteger();
    r.octetsOnServer = m.value(QStringLiteral("octetsOnServer")).toInteger();
    return r;
}

QCborMap toCbor(const MessageSummary &s)
{
    QCborMap m;
    m.insert(QStringLiteral("folder"), folderKey(s.folder));
    m.insert(QStringLiteral("name"), s.name);
    m.insert(QStringLiteral("from"), s.from);
    m.insert(QStringLiteral("to"), s.to);
    m.insert(QStringLiteral("subject"), s.subject);
    m.insert(QStringLiteral("date"), time(s.date));
    m.insert(QStringLiteral("arrived"), time(s.arrived));
    m.insert(QStringLiteral("size"), s.size);
    if (!s.reason.isEmpty()) {
        // English for older clients, and the sentence as data beside it.
        m.insert(QStringLiteral("reason"), s.reason.english());
        if (!s.reason.isLiteral())
            m.insert(QStringLiteral("reasonPhrase"), s.reason.toCbor());
    }
    if (!s.mailbox.isEmpty())
        m.insert(kMailbox, s.mailbox);
    m.insert(QStringLiteral("readable"), s.readable);
    return m;
}

MessageSummary summaryFromCbor(const QCborMap &m)
{
    MessageSummary s;
    s.folder =
        folderFromKey(m.value(QStringLiteral("folder")).toString()).value_or(SpoolFolder::Incoming);
    s.name = m.value(QStringLiteral("name")).toString();
    s.from = m.value(QStringLiteral("from")).toString();
    s.to = m.value(QStringLiteral("to")).toString();
    s.subject = m.value(QStringLiteral("subject")).toString();
    s.date = timeFrom(m.value(QStringLiteral("date")));
    s.arrived = timeFrom(m.value(QStringLiteral("arrived")));
    s.size = m.value(QStringLiteral("size")).toInteger();
    s.reason = m.contains(QStringLiteral("reasonPhrase"))
        ? Phrase::fromCbor(m.value(QStringLiteral("reasonPhrase")))
        : Phrase(m.value(QStringLiteral("reason")).toString());
    s.mailbox = m.value(kMailbox).toString();
    s.readable = m.value(QStringLiteral("readable")).toBool(true);
    return s;
}

QCborArray toCbor(const QList<ConfigProblem> &problems)
{
    QCborArray out;
    for (const ConfigProblem &p : problems) {
        QCborMap m;
        m.insert(QStringLiteral("file"), p.file);
        m.insert(QStringLiteral("line"), p.line);
        m.insert(QStringLiteral("key"), p.key);
        m.insert(QStringLiteral("message"), p.message);
        m.insert(QStringLiteral("text"), p.toString());
        out.append(m);
    }
    return out;
}

void insertError(QCborMap &result, const Phrase &error)
{
    result.insert(QStringLiteral("error"), error.english());
    result.insert(QStringLiteral("errorPhrase"), error.toCbor());
}

Phrase errorOf(const QCborMap &result)
{
    const QCborValue phrase = result.value(QStringLiteral("errorPhrase"));
    return phrase.isUndefined() ? Phrase(result.value(QStringLiteral("error")).toString())
                                : Phrase::fromCbor(phrase);
}

Phrase transcriptText(const QCborMap &line)
{
    const QCborValue phrase = line.value(QStringLiteral("phrase"));
    if (line.value(QStringLiteral("direction")).toString() == u"note" && phrase.isMap())
        return Phrase::fromCbor(phrase);
    return Phrase(line.value(QStringLiteral("line")).toString());
}

QString folderKey(SpoolFolder folder)
{
    return keyOf(kFolders, folder);
}

std::optional<SpoolFolder> folderFromKey(const QString &key)
{
    for (const Word<SpoolFolder> &w : kFolders) {
        if (key.compare(QLatin1String(w.key), Qt::CaseInsensitive) == 0
            || key.compare(Spool::folderName(w.value), Qt::CaseInsensitive) == 0)
            return w.value;
    }
    return std::nullopt;
}

QString severityKey(Severity severity)
{
    return keyOf(kSeverities, severity);
}

QString outcomeKey(RetrievalReport::Outcome outcome)
{
    return keyOf(kOutcomes, outcome);
}

QCborMap toCbor(const CycleOutcome &c)
{
    QCborMap m;
    m.insert(QStringLiteral("cycle"), qint64(c.id));
    m.insert(QStringLiteral("started"), time(c.started));
    m.insert(QStringLiteral("finished"), time(c.finished));
    QCborArray mailboxes;
    for (const RetrievalReport &r : c.mailboxes)
        mailboxes.append(toCbor(r));
    m.insert(QStringLiteral("mailboxes"), mailboxes);
    QCborArray problems;
    for (const CycleOutcome::Problem &p : c.problems) {
        QCborMap problem;
        problem.insert(QStringLiteral("subject"), p.subject);
        problem.insert(QStringLiteral("event"), int(p.event));
        problem.insert(kText, p.text);
        problem.insert(QStringLiteral("fix"), describe(p.event).fix);
        problems.append(problem);
    }
    m.insert(QStringLiteral("problems"), problems);
    m.insert(QStringLiteral("routed"), c.routed);
    m.insert(QStringLiteral("delivered"), c.delivered);
    m.insert(QStringLiteral("rejected"), c.rejected);
    m.insert(QStringLiteral("deferred"), c.deferred);
    return m;
}

CycleOutcome cycleFromCbor(const QCborMap &m)
{
    CycleOutcome c;
    c.id = quint64(m.value(QStringLiteral("cycle")).toInteger());
    c.started = timeFrom(m.value(QStringLiteral("started")));
    c.finished = timeFrom(m.value(QStringLiteral("finished")));
    for (const QCborValue &v : m.value(QStringLiteral("mailboxes")).toArray())
        c.mailboxes.append(retrievalFromCbor(v.toMap()));
    for (const QCborValue &v : m.value(QStringLiteral("problems")).toArray()) {
        const QCborMap p = v.toMap();
        c.problems.append({p.value(QStringLiteral("subject")).toString(),
            EventId(integer(p, QStringLiteral("event"))), p.value(kText).toString()});
    }
    c.routed = integer(m, QStringLiteral("routed"));
    c.delivered = integer(m, QStringLiteral("delivered"));
    c.rejected = integer(m, QStringLiteral("rejected"));
    c.deferred = integer(m, QStringLiteral("deferred"));
    return c;
}

} // namespace Pop3Connector::Control

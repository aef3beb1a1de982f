#include "service/trackingrequests.h"

#include "service/controlmessages.h"
#include "spool/messagejournal.h"

#include <QCborArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace Pop3Connector {

namespace Control {

namespace {
// Keeps a reply within the control channel's message size whatever the search found.
constexpr int kMaxMessages = 1000;
} // namespace

QCborMap toCbor(const TrackingQuery &query)
{
    QCborMap m;
    m.insert(QStringLiteral("text"), query.text);
    if (query.since > 0)
        m.insert(QStringLiteral("since"),
            QCborValue(QDateTime::fromMSecsSinceEpoch(query.since, Qt::UTC)));
    if (query.until < std::numeric_limits<qint64>::max())
        m.insert(QStringLiteral("until"),
            QCborValue(QDateTime::fromMSecsSinceEpoch(query.until, Qt::UTC)));
    m.insert(QStringLiteral("limit"), query.limit);
    return m;
}

TrackingQuery trackingQueryFromCbor(const QCborMap &map)
{
    TrackingQuery q;
    q.text = map.value(QStringLiteral("text")).toString();
    const QDateTime since = map.value(QStringLiteral("since")).toDateTime();
    if (since.isValid())
        q.since = since.toMSecsSinceEpoch();
    const QDateTime until = map.value(QStringLiteral("until")).toDateTime();
    if (until.isValid())
        q.until = until.toMSecsSinceEpoch();
    q.limit = int(
        std::clamp<qint64>(map.value(QStringLiteral("limit")).toInteger(q.limit), 1, kMaxMessages));
    return q;
}

QCborMap toCbor(const TrackedMessage &message)
{
    QCborArray records;
    for (const TrackingRecord &r : message.records) {
        QCborMap m;
        m.insert(
            QStringLiteral("time"), QCborValue(QDateTime::fromMSecsSinceEpoch(r.time, Qt::UTC)));
        m.insert(QStringLiteral("kind"), trackingKindName(r.kind));
        const std::pair<const char *, const QString *> fields[] = {{"mailbox", &r.mailbox},
            {"server", &r.server}, {"uid", &r.uid}, {"messageId", &r.messageId},
            {"sender", &r.sender}, {"subject", &r.subject}, {"recipients", &r.recipients},
            {"detail", &r.detail}, {"actor", &r.actor}};
        for (const auto &[key, value] : fields) {
            if (!value->isEmpty())
                m.insert(QLatin1StringView(key), *value);
        }
        if (r.size >= 0)
            m.insert(QStringLiteral("size"), r.size);
        records.append(m);
    }
    QCborMap out;
    out.insert(QStringLiteral("name"), message.message);
    out.insert(QStringLiteral("where"), trackedLocation(message.records));
    out.insert(QStringLiteral("records"), records);
    return out;
}

TrackedMessage trackedFromCbor(const QCborMap &map)
{
    TrackedMessage out;
    out.message = map.value(QStringLiteral("name")).toString();
    for (const QCborValue &v : map.value(QStringLiteral("records")).toArray()) {
        const QCborMap m = v.toMap();
        TrackingRecord r;
        r.time = m.value(QStringLiteral("time")).toDateTime().toMSecsSinceEpoch();
        r.kind = trackingKindFromName(m.value(QStringLiteral("kind")).toString())
                     .value_or(TrackingRecord::Kind::Action);
        const std::pair<const char *, QString *> fields[] = {{"mailbox", &r.mailbox},
            {"server", &r.server}, {"uid", &r.uid}, {"messageId", &r.messageId},
            {"sender", &r.sender}, {"subject", &r.subject}, {"recipients", &r.recipients},
            {"detail", &r.detail}, {"actor", &r.actor}};
        for (const auto &[key, value] : fields)
            *value = m.value(QLatin1StringView(key)).toString();
        r.size = m.value(QStringLiteral("size")).toInteger(-1);
        out.records.append(std::move(r));
    }
    return out;
}

} // namespace Control

TrackingRequests::TrackingRequests(ServiceHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{ }

Control::Handlers TrackingRequests::handlers()
{
    return {{Control::Method::Track,
        [this](Control::Session *s, const Control::Message &r) { track(s, r); }}};
}

void TrackingRequests::track(Control::Session *session, const Control::Message &request)
{
    const std::shared_ptr<MessageJournal> journal = m_host->connector()->journal();
    if (!journal) {
        session->fail(
            request.id, Error {ErrorCode::NotFound, tr("the service has no message journal yet")});
        return;
    }
    const TrackingQuery query = Control::trackingQueryFromCbor(request.body);
    const quint64 id = request.id;
    // Parented to the session: a client that leaves takes its pending answer with it.
    auto *watcher = new QFutureWatcher<std::pair<Result<QList<TrackedMessage>>, qint64>>(session);
    connect(watcher, &QFutureWatcherBase::finished, session, [watcher, session, id] {
        const auto [found, elapsedMs] = watcher->result();
        watcher->deleteLater();
        if (!found) {
            session->fail(id, found.error());
            return;
        }
        QCborArray messages;
        for (const TrackedMessage &m : *found)
            messages.append(Control::toCbor(m));
        QCborMap r;
        r.insert(QStringLiteral("messages"), messages);
        r.insert(QStringLiteral("elapsedMs"), elapsedMs);
        session->reply(id, r);
    });
    watcher->setFuture(QtConcurrent::run([journal, query] {
        QElapsedTimer t;
        t.start();
        Result<QList<TrackedMessage>> found = journal->search(query);
        return std::pair {std::move(found), t.elapsed()};
    }));
}

} // namespace Pop3Connector

#include "service/spoolrequests.h"

#include "base/clock.h"
#include "base/durablefs.h"
#include "pipeline/dispatch/pickupfiles.h"
#include "pipeline/transfer/storedrouting.h"
#include "service/controlmessages.h"
#include "spool/messagejournal.h"
#include "spool/spoolbrowser.h"

#include <QCborArray>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>

namespace Pop3Connector {

namespace {

using Control::invalidRequest;

constexpr int kMaxPage = 1000;
// An exported message travels in one reply; the rest of the frame is the reply around it.
constexpr qint64 kMaxExport = Control::kMaxServiceFrame - 1024 * 1024;

const QString kFolder = QStringLiteral("folder");
const QString kName = QStringLiteral("name");
const QString kNames = QStringLiteral("names");

// A spool message's name as a client may give it: the connector's names, never a path.
bool isMessageName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"));
    return re.match(name).hasMatch();
}

// Where message `name` is: the folder the request names, or the one that holds it.
Result<SpoolFolder> locate(const Spool &spool, const QCborMap &params, const QString &name)
{
    if (!isMessageName(name))
        return invalidRequest(
            SpoolRequests::tr("\"%1\" is not the name of a spool message").arg(name.left(80)));
    if (params.contains(kFolder)) {
        const std::optional<SpoolFolder> f =
            Control::folderFromKey(params.value(kFolder).toString());
        if (!f) {
            return invalidRequest(
                SpoolRequests::tr("there is no spool folder \"%1\"; the folders are "
                                  "incoming, failed, pickup and badmail")
                    .arg(params.value(kFolder).toString().left(40)));
        }
        return *f;
    }
    QList<SpoolFolder> found;
    for (SpoolFolder f : Spool::folders()) {
        if (QFileInfo::exists(spool.messagePath(f, name)))
            found.append(f);
    }
    if (found.isEmpty()) {
        return Error {
            ErrorCode::NotFound, SpoolRequests::tr("no spool folder holds a message %1").arg(name)};
    }
    if (found.size() > 1)
        return invalidRequest(
            SpoolRequests::tr("message %1 is in more than one folder; name the folder").arg(name));
    return found.first();
}

// The folder of the message `request` names, which must hold it now; else the client is told
// why and there is nothing.
std::optional<SpoolFolder> locateExisting(
    const Spool &spool, Control::Session *session, const Control::Message &request, QString *name)
{
    *name = request.body.value(kName).toString();
    Result<SpoolFolder> folder = locate(spool, request.body, *name);
    if (folder && !QFileInfo::exists(spool.messagePath(*folder, *name))) {
        folder = Error {ErrorCode::NotFound,
            SpoolRequests::tr("message %1 is not in %2").arg(*name, Spool::folderName(*folder))};
    }
    if (!folder) {
        session->fail(request.id, folder.error());
        return std::nullopt;
    }
    return *folder;
}

} // namespace

SpoolRequests::SpoolRequests(ServiceHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{
    // Changes that waited for a stage run as it ends, before the next one starts.
    connect(m_host, &ServiceHost::stageActive, &m_actions, &SpoolActions::setStageActive);
    connect(m_host, &ServiceHost::reconfigured, &m_actions, &SpoolActions::resetStages);
}

Control::Handlers SpoolRequests::handlers()
{
    const auto changing = [this](Change c) {
        return [this, c](Session *session, const Message &request) { change(session, request, c); };
    };
    return {
        {Control::Method::SpoolList, [this](Session *s, const Message &r) { list(s, r); }},
        {Control::Method::SpoolPreview, [this](Session *s, const Message &r) { preview(s, r); }},
        {Control::Method::SpoolExport,
            [this](Session *s, const Message &r) { exportMessage(s, r); }},
        {Control::Method::SpoolRequeue, changing(Change::Requeue)},
        {Control::Method::SpoolDelete, changing(Change::Delete)},
        {Control::Method::SpoolSendToUndeliverable, changing(Change::SendToUndeliverable)},
    };
}

void SpoolRequests::list(Session *session, const Message &request)
{
    const std::optional<SpoolFolder> folder =
        Control::folderFromKey(request.body.value(kFolder).toString());
    if (!folder) {
        session->fail(request.id,
            invalidRequest(tr("spoolList takes a folder: incoming, failed, pickup or badmail")));
        return;
    }
    const qint64 offset =
        std::max<qint64>(0, request.body.value(QStringLiteral("offset")).toInteger());
    const qint64 limit =
        std::clamp<qint64>(request.body.value(QStringLiteral("limit")).toInteger(100), 0, kMaxPage);
    const SpoolBrowser browser(m_host->connector()->spool());
    const QStringList names = browser.names(*folder);
    QCborArray messages;
    for (qint64 i = offset; i < std::min<qint64>(names.size(), offset + limit); ++i)
        messages.append(Control::toCbor(browser.summary(*folder, names[i])));
    QCborMap r;
    r.insert(kFolder, Control::folderKey(*folder));
    r.insert(QStringLiteral("total"), names.size());
    r.insert(QStringLiteral("offset"), offset);
    r.insert(QStringLiteral("messages"), messages);
    session->reply(request.id, r);
}

void SpoolRequests::preview(Session *session, const Message &request)
{
    const Spool &spool = m_host->connector()->spool();
    QString name;
    const std::optional<SpoolFolder> folder = locateExisting(spool, session, request, &name);
    if (!folder)
        return;
    const SpoolBrowser browser(spool);
    QCborMap r = Control::toCbor(browser.summary(*folder, name));
    r.insert(QStringLiteral("text"), browser.preview(*folder, name));
    r.insert(QStringLiteral("body"), browser.previewBody(*folder, name));
    session->reply(request.id, r);
}

void SpoolRequests::exportMessage(Session *session, const Message &request)
{
    const Spool &spool = m_host->connector()->spool();
    QString name;
    const std::optional<SpoolFolder> folder = locateExisting(spool, session, request, &name);
    if (!folder)
        return;
    const qint64 offset = SpoolBrowser(spool).messageOffset(*folder, name);
    Result<QByteArray> bytes = DurableFs::readFile(spool.messagePath(*folder, name), kMaxExport);
    if (!bytes) {
        session->fail(request.id, bytes.error());
        return;
    }
    const QString who = session->peer().describe();
    track({action(name, *folder, QStringLiteral("export"), who)});
    m_host->raise(EventId::MessageExported,
        tr("Message %1 of %2 was exported by %3.").arg(name, Spool::folderName(*folder), who),
        SpoolBrowser(spool).summary(*folder, name).mailbox, name);
    QCborMap r;
    r.insert(kFolder, Control::folderKey(*folder));
    r.insert(kName, name);
    r.insert(QStringLiteral("bytes"), bytes->mid(offset));
    session->reply(request.id, r);
}

void SpoolRequests::change(Session *session, const Message &request, Change change)
{
    QStringList names;
    if (request.body.contains(kNames)) {
        for (const QCborValue &n : request.body.value(kNames).toArray())
            names.append(n.toString());
    } else if (request.body.contains(kName)) {
        names.append(request.body.value(kName).toString());
    }
    if (names.isEmpty()) {
        session->fail(request.id, invalidRequest(tr("name the messages (names)")));
        return;
    }
    if (change == Change::Requeue && request.body.value(QStringLiteral("check")).toBool()) {
        session->reply(request.id, forecastRequeue(names, request.body));
        return;
    }
    if (change == Change::SendToUndeliverable
        && m_host->configuration().connector.undeliverableMailbox.isEmpty()) {
        session->fail(request.id,
            invalidRequest(tr("no undeliverable-mail mailbox is configured ([connector] "
                              "undeliverable_mailbox)")));
        return;
    }
    // Where each message is now, and every folder the change will touch. The change acts on
    // this spool even when a new configuration names another before it runs.
    const Spool spool = m_host->connector()->spool();
    QList<std::pair<QString, Result<SpoolFolder>>> targets;
    QSet<SpoolFolder> folders;
    for (const QString &name : std::as_const(names)) {
        Result<SpoolFolder> f = locate(spool, request.body, name);
        if (f) {
            folders.insert(*f);
            if (change == Change::Requeue)
                folders.insert(
                    *f == SpoolFolder::Failed ? SpoolFolder::Incoming : SpoolFolder::PickUp);
            if (change == Change::SendToUndeliverable)
                folders.insert(SpoolFolder::PickUp);
        }
        targets.append({name, std::move(f)});
    }
    QElapsedTimer waited;
    waited.start();
    const QString who = session->peer().describe();
    const quint64 id = request.id;
    m_actions.enqueue(folders, session, [this, session, id, change, targets, spool, who, waited] {
        QCborArray results;
        int failed = 0;
        QList<TrackingRecord> actions;
        static const QString kWhat[] = {
            QStringLiteral("requeue"), QStringLiteral("delete"), QStringLiteral("undeliverable")};
        for (const auto &[name, folder] : targets) {
            QCborMap result;
            result.insert(kName, name);
            const Phrase error =
                folder ? apply(spool, change, *folder, name, who) : Phrase(folder.error().message);
            if (folder)
                result.insert(kFolder, Control::folderKey(*folder));
            result.insert(QStringLiteral("ok"), error.isEmpty());
            if (error.isEmpty())
                actions.append(action(name, *folder, kWhat[int(change)], who));
            if (!error.isEmpty()) {
                Control::insertError(result, error);
                ++failed;
            }
            results.append(result);
        }
        track(actions);
        // What was put back on its way goes now, not at the next scheduled cycle.
        if (change != Change::Delete && failed < targets.size()) {
            m_host->connector()->runCycle(change == Change::Requeue
                    ? Stages(Stage::Transfer) | Stage::Dispatch
                    : Stages(Stage::Dispatch));
        }
        QCborMap r;
        r.insert(QStringLiteral("results"), results);
        r.insert(QStringLiteral("failed"), failed);
        r.insert(QStringLiteral("waitedMs"), waited.elapsed());
        session->reply(id, r);
    });
}

// A message in Failed Mail whose cause is not fixed (no rule for its recipients, no
// undeliverable-mail mailbox, a mailbox no longer configured) would only go back there; the
// administrator hears so before asking for it. Routing is decided as transfer will decide it.
QCborMap SpoolRequests::forecastRequeue(const QStringList &names, const QCborMap &params) const
{
    const Spool &spool = m_host->connector()->spool();
    QCborArray results;
    int failing = 0;
    for (const QString &name : names) {
        QCborMap result;
        result.insert(kName, name);
        const Result<SpoolFolder> folder = locate(spool, params, name);
        Phrase error = folder ? Phrase() : Phrase(folder.error().message);
        if (folder) {
            result.insert(kFolder, Control::folderKey(*folder));
            if (*folder == SpoolFolder::Failed) {
                const StoredRouting routed =
                    StoredRouting::of(spool, *folder, name, m_host->configuration());
                if (routed.failed())
                    error = routed.failure();
            }
        }
        result.insert(QStringLiteral("ok"), error.isEmpty());
        if (!error.isEmpty()) {
            Control::insertError(result, error);
            ++failing;
        }
        results.append(result);
    }
    return {{QStringLiteral("results"), results}, {QStringLiteral("failed"), failing}};
}

TrackingRecord SpoolRequests::action(
    const QString &name, SpoolFolder folder, const QString &what, const QString &who)
{
    TrackingRecord r;
    r.time = Clock::nowUtc().toMSecsSinceEpoch();
    r.kind = TrackingRecord::Kind::Action;
    r.message = name;
    r.mailbox = Spool::folderName(folder);
    r.detail = what;
    r.actor = who;
    return r;
}

void SpoolRequests::track(const QList<TrackingRecord> &actions)
{
    const std::shared_ptr<MessageJournal> journal = m_host->connector()->journal();
    if (!journal || actions.isEmpty())
        return;
    Status written = journal->append(actions);
    if (written)
        written = journal->sync();
    if (!written && journal->tellFailure())
        m_host->raise(EventId::TrackingJournalFailed, journalFailure(written.error()));
}

Phrase SpoolRequests::apply(
    const Spool &spool, Change change, SpoolFolder folder, const QString &name, const QString &who)
{
    const SpoolBrowser browser(spool);
    const QString from = Spool::folderName(folder);
    const QString mailbox = browser.summary(folder, name).mailbox;
    const char *context = staticMetaObject.className();
    switch (change) {
    case Change::Requeue:
        if (folder == SpoolFolder::BadMail
            && m_host->configuration().delivery.transport == Transport::Pickup) {
            // The other server takes PickUp's files as they appear: the file is checked, and
            // written in its format, while still in BadMail, where nobody takes it.
            if (const Status ready = PickupFiles(spool).handOver(folder, name); !ready) {
                return Phrase(context,
                    QT_TR_NOOP("message %1 stays in %2: the mail server that reads PickUp "
                               "(transport = pickup) could not take it as it is (%3)"))
                    .arg(name, from, ready.error().message);
            }
        }
        if (const Phrase error = browser.requeue(folder, name); !error.isEmpty())
            return error;
        m_host->raise(EventId::MessageRequeued,
            Phrase(context, QT_TR_NOOP("Message %1 was requeued from %2 by %3."))
                .arg(name, from, who),
            mailbox, name);
        return {};
    case Change::Delete:
        if (!QFileInfo::exists(spool.messagePath(folder, name)))
            return Phrase(context, QT_TR_NOOP("message %1 is no longer in %2")).arg(name, from);
        if (const Phrase error = browser.remove(folder, name); !error.isEmpty())
            return error;
        m_host->raise(EventId::MessageDeleted,
            Phrase(context, QT_TR_NOOP("Message %1 was deleted from %2 by %3."))
                .arg(name, from, who),
            mailbox, name);
        return {};
    case Change::SendToUndeliverable: {
        const QString to = m_host->configuration().connector.undeliverableMailbox;
        if (const Phrase error = browser.wrapForUndeliverable(folder, name, to); !error.isEmpty())
            return error;
        m_host->raise(EventId::MessageWrapped,
            Phrase(context, QT_TR_NOOP("Message %1 of %2 was sent to %3 as an attachment by %4."))
                .arg(name, from, to, who),
            mailbox, name);
        return {};
    }
    }
    Q_UNREACHABLE();
}

} // namespace Pop3Connector

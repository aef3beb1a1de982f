#include "service/controlservice.h"

#include "base/durablefs.h"
#include "service/controlendpoint.h"
#include "service/notifier.h"
#include "service/passwordstore.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace Pop3Connector {

namespace {

using Control::invalidRequest;

constexpr qint64 kMaxConfiguration = 512 * 1024;

const QString kName = QStringLiteral("name");
const QString kMailbox = QStringLiteral("mailbox");

QCborValue time(const QDateTime &t)
{
    return t.isValid() ? QCborValue(t.toUTC()) : QCborValue(QCborValue::Null);
}

int countMessages(const Spool &spool, SpoolFolder folder)
{
    return int(QDir(spool.folderPath(folder))
                   .entryList({QStringLiteral("*.eml")}, QDir::Files | QDir::System)
                   .size());
}

} // namespace

ControlService::ControlService(ServiceHost *host, Control::Server *server, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_server(server)
    , m_feed(host, server)
    , m_spool(host)
    , m_passwords(host)
    , m_diagnostics(host, server, &m_feed)
    , m_signIns(host)
    , m_tracking(host)
{
    const auto own = [this](void (ControlService::*method)(Session *, const Message &)) {
        return [this, method](Session *s, const Message &r) { (this->*method)(s, r); };
    };
    m_handlers = {
        {Control::Method::Status, own(&ControlService::status)},
        {Control::Method::RetrieveNow, own(&ControlService::retrieveNow)},
        {Control::Method::Cancel, own(&ControlService::cancel)},
        {Control::Method::Delivery, own(&ControlService::delivery)},
        {Control::Method::Configuration, own(&ControlService::configuration)},
        {Control::Method::SetConfiguration, own(&ControlService::setConfiguration)},
        {Control::Method::Events, own(&ControlService::events)},
        {Control::Method::Subscribe, own(&ControlService::subscribe)},
    };
    m_handlers.insert(m_spool.handlers());
    m_handlers.insert(m_passwords.handlers());
    m_handlers.insert(m_diagnostics.handlers());
    m_handlers.insert(m_signIns.handlers());
    m_handlers.insert(m_tracking.handlers());
    wire();
}

ControlService::~ControlService() = default;

void ControlService::wire()
{
    connect(m_server, &Control::Server::requested, this, &ControlService::onRequest);
    connect(m_server, &Control::Server::peerRefused, this, [this](const Control::Peer &peer) {
        m_host->raise(EventId::ControlClientRefused,
            Phrase(staticMetaObject.className(),
                QT_TR_NOOP("The control channel refused %1: only root, the service's user and "
                           "members of the "
                           "group %2 may administer the service."))
                .arg(peer.describe(), m_host->configuration().connector.controlGroup));
    });
    connect(m_server, &Control::Server::sessionDropped, this,
        [this](const Control::Peer &peer, qint64 unread) {
            m_host->raise(EventId::ControlClientDropped,
                Phrase(staticMetaObject.className(),
                    QT_TR_NOOP("The control connection of %1 was closed: %2 KB of notifications "
                               "were waiting "
                               "unread."))
                    .arg(peer.describe())
                    .arg(unread / 1024));
        });
    connect(m_host, &ServiceHost::reconfigured, this, [this](const QString &error) {
        if (!error.isEmpty()) {
            m_host->raise(EventId::ConfigurationInvalid,
                Phrase(staticMetaObject.className(),
                    QT_TR_NOOP(
                        "The new configuration could not be applied: %1 The service goes on with "
                        "the previous one."))
                    .arg(error));
        }
    });
}

Status ControlService::listen()
{
    const Configuration &c = m_host->configuration();
    Control::Server::Settings s;
    s.path = Control::socketPath(c);
    s.groupName = c.connector.controlGroup;
    s.policy = Control::accessPolicyFor(c.connector.controlGroup);
    s.limits.backlogBytes = qint64(c.connector.controlBacklogKb) * 1024;
    Control::Peer self;
    self.uid = ::geteuid();
    s.hello.insert(QStringLiteral("service"), QCoreApplication::applicationName());
    s.hello.insert(QStringLiteral("version"), QCoreApplication::applicationVersion());
    s.hello.insert(QStringLiteral("protocol"), Control::kVersion);
    s.hello.insert(QStringLiteral("pid"), qint64(::getpid()));
    s.hello.insert(QStringLiteral("user"), self.userName());
    s.hello.insert(QStringLiteral("configuration"), c.path);
    return m_server->listen(s);
}

void ControlService::onRequest(Session *session, const Message &request)
{
    const auto handler = m_handlers.constFind(request.name);
    if (handler == m_handlers.constEnd()) {
        // A method of a later version: the client learns it, and the connection stays.
        session->fail(request.id,
            invalidRequest(
                tr("this service has no method \"%1\"; it speaks version %2 of the control "
                   "protocol")
                    .arg(request.name)
                    .arg(Control::kVersion)));
        return;
    }
    handler.value()(session, request);
}

// --- the service ---------------------------------------------------------------------------

void ControlService::status(Session *session, const Message &request)
{
    const Configuration &c = m_host->configuration();
    Connector *connector = m_host->connector();
    const Spool &spool = connector->spool();
    QCborMap r;
    r.insert(QStringLiteral("service"), QCoreApplication::applicationName());
    r.insert(QStringLiteral("version"), QCoreApplication::applicationVersion());
    r.insert(QStringLiteral("pid"), qint64(::getpid()));
    Control::Peer self;
    self.uid = ::geteuid();
    r.insert(QStringLiteral("user"), self.userName());
    r.insert(QStringLiteral("configuration"), c.path);
    r.insert(QStringLiteral("spool"), spool.root());
    r.insert(QStringLiteral("passwordStore"), passwordStoreDescription(c));
    r.insert(QStringLiteral("cycleRunning"), connector->isCycleRunning());
    r.insert(QStringLiteral("cycle"), qint64(m_feed.cyclesStarted()));
    r.insert(QStringLiteral("schedule"), c.connector.scheduleEnabled);
    r.insert(QStringLiteral("intervalMinutes"), c.connector.intervalMinutes);
    r.insert(QStringLiteral("nextRun"), time(connector->nextScheduledRun()));
    r.insert(QStringLiteral("delivery"), m_host->isDispatchEnabled());
    r.insert(QStringLiteral("configurationPending"), m_host->hasPendingConfiguration());
    QCborArray stages;
    for (Stage s : {Stage::Download, Stage::Transfer, Stage::Dispatch}) {
        QCborMap stage;
        stage.insert(kName, ControlFeed::stageKey(s));
        stage.insert(QStringLiteral("active"), m_feed.activeStages().testFlag(s));
        stages.append(stage);
    }
    r.insert(QStringLiteral("stages"), stages);
    QCborArray mailboxes;
    for (const MailboxSettings &m : c.mailboxes) {
        QCborMap box;
        box.insert(kName, m.name);
        box.insert(QStringLiteral("enabled"), m.enabled);
        box.insert(QStringLiteral("host"), m.host);
        const std::optional<RetrievalReport> last = m_feed.lastResult(m.name);
        if (last)
            box.insert(QStringLiteral("last"), Control::toCbor(*last));
        // What the manager needs for its "Sign in…" and "Sign in again" buttons.
        if (m.usesOAuth()) {
            box.insert(QStringLiteral("oauth"), true);
            box.insert(QStringLiteral("signInNeeded"),
                last && last->failureId == EventId::OAuthSignInNeeded);
        }
        if (const std::optional<MailboxProgress> progress = m_feed.progress(m.name))
            box.insert(QStringLiteral("progress"), Control::toCbor(*progress));
        mailboxes.append(box);
    }
    r.insert(QStringLiteral("mailboxes"), mailboxes);
    QCborMap folders;
    for (SpoolFolder f : Spool::folders())
        folders.insert(Control::folderKey(f), countMessages(spool, f));
    r.insert(QStringLiteral("folders"), folders);
    if (m_feed.lastCycle().id > 0)
        r.insert(QStringLiteral("lastCycle"), Control::toCbor(m_feed.lastCycle()));
    r.insert(QStringLiteral("spoolActionsWaiting"), m_spool.waiting());
    // What the administrator's reports follow, for a tray icon and desktop notifications.
    QCborArray problems;
    for (const ProblemRecord &p : Notifier::openProblems(spool)) {
        problems.append(QCborMap {{QStringLiteral("key"), p.problem.key},
            {QStringLiteral("subject"), p.problem.subject},
            {QStringLiteral("event"), int(p.problem.eventId)},
            {QStringLiteral("text"), p.problem.text}, {QStringLiteral("since"), time(p.since)},
            {QStringLiteral("reported"), p.told}});
    }
    r.insert(QStringLiteral("problems"), problems);
    session->reply(request.id, r);
}

void ControlService::retrieveNow(Session *session, const Message &request)
{
    const QString mailbox = request.body.value(kMailbox).toString();
    QStringList mailboxes;
    if (!mailbox.isEmpty()) {
        const MailboxSettings *m = m_host->configuration().mailbox(mailbox);
        if (!m) {
            session->fail(request.id,
                {ErrorCode::NotFound,
                    tr("the configuration has no mailbox %1").arg(mailbox.left(80))});
            return;
        }
        if (!m->enabled) {
            session->fail(request.id,
                invalidRequest(tr("mailbox %1 is disabled (enabled = false)").arg(mailbox)));
            return;
        }
        mailboxes.append(mailbox);
    }
    Connector *connector = m_host->connector();
    const bool queued = connector->isCycleRunning();
    connector->runCycle(kAllStages, mailboxes);
    QCborMap r;
    // The cycle this request runs in: the next one to start, whether one runs now or not.
    r.insert(QStringLiteral("cycle"), qint64(m_feed.cyclesStarted() + 1));
    r.insert(QStringLiteral("queued"), queued);
    session->reply(request.id, r);
}

void ControlService::cancel(Session *session, const Message &request)
{
    const bool running = m_host->connector()->isCycleRunning();
    m_host->connector()->cancelCycle();
    QCborMap r;
    r.insert(QStringLiteral("cancelled"), running);
    session->reply(request.id, r);
}

void ControlService::delivery(Session *session, const Message &request)
{
    const QCborValue enabled = request.body.value(QStringLiteral("enabled"));
    if (!enabled.isBool()) {
        session->fail(request.id, invalidRequest(tr("delivery takes enabled: true or false")));
        return;
    }
    m_host->setDispatchEnabled(enabled.toBool());
    QCborMap r;
    r.insert(QStringLiteral("enabled"), m_host->isDispatchEnabled());
    session->reply(request.id, r);
}

// --- the configuration ---------------------------------------------------------------------

void ControlService::configuration(Session *session, const Message &request)
{
    const QString path = m_host->configuration().path;
    // A service started on the defaults has no file yet: its text is empty, every key default.
    struct stat st = {};
    const bool missing = ::stat(QFile::encodeName(path).constData(), &st) != 0 && errno == ENOENT;
    const Result<QByteArray> text =
        missing ? Result<QByteArray>(QByteArray()) : DurableFs::readFile(path, kMaxConfiguration);
    if (!text) {
        session->fail(request.id, text.error());
        return;
    }
    QCborMap r;
    r.insert(QStringLiteral("path"), path);
    r.insert(QStringLiteral("text"), QString::fromUtf8(*text));
    r.insert(QStringLiteral("exists"), !missing);
    r.insert(QStringLiteral("problems"),
        Control::toCbor(ConfigurationFile::loadOrDefaults(path).problems));
    session->reply(request.id, r);
}

// The new text is written beside the file, checked there as --check-config checks a file (so
// that relative paths mean what they will), and only then renamed over the file.
void ControlService::setConfiguration(Session *session, const Message &request)
{
    const QByteArray text = request.body.value(QStringLiteral("text")).toString().toUtf8();
    if (text.isEmpty() || text.size() > kMaxConfiguration) {
        session->fail(request.id,
            invalidRequest(tr("setConfiguration takes the whole INI file as text, at most %1 KB")
                               .arg(kMaxConfiguration / 1024)));
        return;
    }
    const QString path = m_host->configuration().path;
    const QString scratch = path + QStringLiteral(".new");
    // A service started on the defaults writes its first file, in a folder only its user reads
    // (each new folder 0700, made durable in its parent; one that exists is left as it is).
    Status s = DurableFs::makeDirectory(QFileInfo(path).absolutePath());
    Result<DurableFs::File> file = s
        ? DurableFs::File::open(scratch, DurableFs::File::Mode::Replace)
        : Result<DurableFs::File>(s.error());
    if (s && !file)
        s = file.error();
    if (s)
        s = file.value().write(text);
    if (s)
        s = file.value().sync();
    if (s)
        s = file.value().close();
    if (!s) {
        DurableFs::discard(scratch);
        session->fail(request.id, s.error());
        return;
    }
    ConfigLoadResult checked = ConfigurationFile::load(scratch);
    if (!checked.ok()) {
        DurableFs::discard(scratch);
        for (ConfigProblem &p : checked.problems)
            p.file = path;
        QCborMap r;
        r.insert(QStringLiteral("written"), false);
        r.insert(QStringLiteral("problems"), Control::toCbor(checked.problems));
        session->reply(request.id, r);
        return;
    }
    // The file keeps the mode administrators gave it (group-readable, so that clients find the
    // socket), never more than 0640: it names hosts and users.
    struct stat st = {};
    const mode_t mode =
        ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 0640) : 0600;
    ::chmod(QFile::encodeName(scratch).constData(), mode);
    s = DurableFs::rename(scratch, path);
    if (s)
        s = DurableFs::syncDirectory(QFileInfo(path).absolutePath());
    if (!s) {
        DurableFs::discard(scratch);
        session->fail(request.id, s.error());
        return;
    }
    checked.configuration.path = path;
    QStringList restart;
    const ServiceHost::Applied applied = m_host->reconfigure(checked.configuration, &restart);
    QString said =
        tr("The configuration %1 was changed by %2").arg(path, session->peer().describe());
    said += applied == ServiceHost::Applied::Now ? tr("; it applies now.")
                                                 : tr("; it applies when the running cycle ends.");
    if (!restart.isEmpty())
        said +=
            u' ' + tr("Restart the service to apply: %1.").arg(restart.join(QStringLiteral(", ")));
    m_host->raise(EventId::ConfigurationChanged, said);
    QCborMap r;
    r.insert(QStringLiteral("written"), true);
    r.insert(QStringLiteral("problems"), QCborArray());
    r.insert(QStringLiteral("applied"),
        applied == ServiceHost::Applied::Now ? QStringLiteral("now")
                                             : QStringLiteral("afterCycle"));
    r.insert(QStringLiteral("restartNeeded"), QCborArray::fromStringList(restart));
    session->reply(request.id, r);
}

// --- events and subscriptions --------------------------------------------------------------

void ControlService::events(Session *session, const Message &request)
{
    QCborMap r;
    r.insert(QStringLiteral("events"),
        m_feed.recentEvents(request.body.value(QStringLiteral("limit")).toInteger(100)));
    session->reply(request.id, r);
}

// With `history`, the reply holds the most recent events up to now and the subscription starts
// right after them: nothing is missed, nothing told twice.
void ControlService::subscribe(Session *session, const Message &request)
{
    QStringList topics;
    for (const QCborValue &t : request.body.value(QStringLiteral("topics")).toArray()) {
        if (!Control::Topic::all().contains(t.toString())) {
            session->fail(request.id,
                invalidRequest(tr("there is no topic \"%1\"; the topics are %2")
                                   .arg(t.toString().left(40),
                                       Control::Topic::all().join(QStringLiteral(", ")))));
            return;
        }
        topics.append(t.toString());
    }
    session->subscribe(topics);
    QCborMap r;
    r.insert(QStringLiteral("topics"), QCborArray::fromStringList(topics));
    if (request.body.contains(QStringLiteral("history"))) {
        r.insert(QStringLiteral("events"),
            m_feed.recentEvents(request.body.value(QStringLiteral("history")).toInteger()));
    }
    session->reply(request.id, r);
}

} // namespace Pop3Connector

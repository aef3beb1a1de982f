#include "service/controlservice.h"

#include "base/durablefs.h"
#include "config/credentials.h"
#include "oauth/tokenbroker.h"
#include "service/connectiontest.h"
#include "service/controlendpoint.h"
#include "service/passwordstore.h"
#include "spool/spoolbrowser.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStorageInfo>

#include <sys/stat.h>
#include <unistd.h>

namespace Pop3Connector {

namespace {

using Control::Session;

constexpr int kMaxPage = 1000;
constexpr int kMaxTranscriptLines = 2000;
constexpr qint64 kMaxConfiguration = 512 * 1024;
// An exported message travels in one reply; the rest of the frame is the reply around it.
constexpr qint64 kMaxExport = Control::kMaxServiceFrame - 1024 * 1024;

const QString kFolder = QStringLiteral("folder");
const QString kName = QStringLiteral("name");
const QString kNames = QStringLiteral("names");
const QString kMailbox = QStringLiteral("mailbox");

Error invalid(const QString &text)
{
    return {ErrorCode::InvalidInput, text};
}

QCborValue time(const QDateTime &t)
{
    return t.isValid() ? QCborValue(t.toUTC()) : QCborValue(QCborValue::Null);
}

QCborArray problemsOf(const QList<ConfigProblem> &problems)
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
        return invalid(
            ControlService::tr("\"%1\" is not the name of a spool message").arg(name.left(80)));
    if (params.contains(kFolder)) {
        const std::optional<SpoolFolder> f =
            Control::folderFromKey(params.value(kFolder).toString());
        if (!f) {
            return invalid(ControlService::tr("there is no spool folder \"%1\"; the folders are "
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
        return Error {ErrorCode::NotFound,
            ControlService::tr("no spool folder holds a message %1").arg(name)};
    }
    if (found.size() > 1)
        return invalid(
            ControlService::tr("message %1 is in more than one folder; name the folder").arg(name));
    return found.first();
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
    , m_actions(this)
{
    m_handlers = {
        {Control::Method::Status, &ControlService::status},
        {Control::Method::RetrieveNow, &ControlService::retrieveNow},
        {Control::Method::Cancel, &ControlService::cancel},
        {Control::Method::Delivery, &ControlService::delivery},
        {Control::Method::Configuration, &ControlService::configuration},
        {Control::Method::SetConfiguration, &ControlService::setConfiguration},
        {Control::Method::SetPassword, &ControlService::setPassword},
        {Control::Method::ClearPassword, &ControlService::clearPassword},
        {Control::Method::StoreSignIn, &ControlService::storeSignIn},
        {Control::Method::TestConnection, &ControlService::testConnection},
        {Control::Method::SpoolList, &ControlService::spoolList},
        {Control::Method::SpoolPreview, &ControlService::spoolPreview},
        {Control::Method::SpoolRequeue, &ControlService::spoolRequeue},
        {Control::Method::SpoolDelete, &ControlService::spoolDelete},
        {Control::Method::SpoolExport, &ControlService::spoolExport},
        {Control::Method::SpoolSendToUndeliverable, &ControlService::spoolSendToUndeliverable},
        {Control::Method::Events, &ControlService::events},
        {Control::Method::Subscribe, &ControlService::subscribe},
        {Control::Method::Diagnostics, &ControlService::diagnostics},
    };
    wire();
}

ControlService::~ControlService() = default;

void ControlService::wire()
{
    connect(m_server, &Control::Server::requested, this, &ControlService::onRequest);
    connect(m_server, &Control::Server::peerRefused, this, [this](const Control::Peer &peer) {
        raise(EventId::ControlClientRefused,
            tr("The control channel refused %1: only root, the service's user and members of the "
               "group %2 may administer the service.")
                .arg(peer.describe(), m_host->configuration().connector.controlGroup));
    });
    connect(m_server, &Control::Server::sessionDropped, this,
        [this](const Control::Peer &peer, qint64 unread) {
            raise(EventId::ControlClientDropped,
                tr("The control connection of %1 was closed: %2 KB of notifications were waiting "
                   "unread.")
                    .arg(peer.describe())
                    .arg(unread / 1024));
        });

    // Spool actions that waited for a stage run as it ends, before the next one starts.
    connect(m_host, &ServiceHost::stageActive, &m_actions, &SpoolActions::setStageActive);
    connect(m_host, &ServiceHost::reconfigured, this, [this](const QString &error) {
        m_actions.resetStages();
        if (!error.isEmpty()) {
            raise(EventId::ConfigurationInvalid,
                tr("The new configuration could not be applied: %1 The service goes on with "
                   "the previous one.")
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

void ControlService::raise(
    EventId id, const QString &text, const QString &mailbox, const QString &message)
{
    m_host->connector()->eventLog()->post(Event::make(id, text, mailbox, message));
}

void ControlService::onRequest(Session *session, const Message &request)
{
    const auto handler = m_handlers.constFind(request.name);
    if (handler == m_handlers.constEnd()) {
        // A method of a later version: the client learns it, and the connection stays.
        session->fail(request.id,
            invalid(tr("this service has no method \"%1\"; it speaks version %2 of the control "
                       "protocol")
                        .arg(request.name)
                        .arg(Control::kVersion)));
        return;
    }
    (this->*handler.value())(session, request);
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
        if (const std::optional<RetrievalReport> last = m_feed.lastResult(m.name))
            box.insert(QStringLiteral("last"), Control::toCbor(*last));
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
    r.insert(QStringLiteral("spoolActionsWaiting"), m_actions.waiting());
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
            session->fail(
                request.id, invalid(tr("mailbox %1 is disabled (enabled = false)").arg(mailbox)));
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
        session->fail(request.id, invalid(tr("delivery takes enabled: true or false")));
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
    const Result<QByteArray> text = DurableFs::readFile(path, kMaxConfiguration);
    if (!text) {
        session->fail(request.id, text.error());
        return;
    }
    QCborMap r;
    r.insert(QStringLiteral("path"), path);
    r.insert(QStringLiteral("text"), QString::fromUtf8(*text));
    r.insert(QStringLiteral("problems"), problemsOf(ConfigurationFile::load(path).problems));
    session->reply(request.id, r);
}

// The new text is written beside the file, checked there as --check-config checks a file (so
// that relative paths mean what they will), and only then renamed over the file.
void ControlService::setConfiguration(Session *session, const Message &request)
{
    const QByteArray text = request.body.value(QStringLiteral("text")).toString().toUtf8();
    if (text.isEmpty() || text.size() > kMaxConfiguration) {
        session->fail(request.id,
            invalid(tr("setConfiguration takes the whole INI file as text, at most %1 KB")
                        .arg(kMaxConfiguration / 1024)));
        return;
    }
    const QString path = m_host->configuration().path;
    const QString scratch = path + QStringLiteral(".new");
    Result<DurableFs::File> file = DurableFs::File::open(scratch, DurableFs::File::Mode::Replace);
    Status s = file ? Status() : Status(file.error());
    if (s)
        s = file.value().write(text);
    if (s)
        s = file.value().sync();
    if (s)
        s = file.value().close();
    if (!s) {
        (void)DurableFs::remove(scratch);
        session->fail(request.id, s.error());
        return;
    }
    ConfigLoadResult checked = ConfigurationFile::load(scratch);
    if (!checked.ok()) {
        (void)DurableFs::remove(scratch);
        for (ConfigProblem &p : checked.problems)
            p.file = path;
        QCborMap r;
        r.insert(QStringLiteral("written"), false);
        r.insert(QStringLiteral("problems"), problemsOf(checked.problems));
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
        (void)DurableFs::remove(scratch);
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
    raise(EventId::ConfigurationChanged, said);
    QCborMap r;
    r.insert(QStringLiteral("written"), true);
    r.insert(QStringLiteral("problems"), QCborArray());
    r.insert(QStringLiteral("applied"),
        applied == ServiceHost::Applied::Now ? QStringLiteral("now")
                                             : QStringLiteral("afterCycle"));
    r.insert(QStringLiteral("restartNeeded"), QCborArray::fromStringList(restart));
    session->reply(request.id, r);
}

// --- passwords -----------------------------------------------------------------------------

Result<QString> ControlService::passwordKey(const QString &name) const
{
    if (name == DeliverySettings::keychainKey()) {
        if (!m_host->configuration().delivery.passwordFile.isEmpty()) {
            return invalid(tr("the delivery login reads its password from %1 (password_file); "
                              "change that file, or remove password_file")
                               .arg(m_host->configuration().delivery.passwordFile));
        }
        return DeliverySettings::keychainKey();
    }
    const MailboxSettings *m = m_host->configuration().mailbox(name);
    if (!m) {
        return Error {ErrorCode::NotFound,
            tr("the configuration has no mailbox %1 (and it is not \"delivery\")")
                .arg(name.left(80))};
    }
    if (!m->passwordFile.isEmpty()) {
        return invalid(tr("mailbox %1 reads its password from %2 (password_file); change that "
                          "file, or remove password_file")
                           .arg(name, m->passwordFile));
    }
    return m->keychainKey();
}

void ControlService::setPassword(Session *session, const Message &request)
{
    const QString name = request.body.value(QStringLiteral("key")).toString();
    const QByteArray secret = request.body.value(QStringLiteral("secret")).toString().toUtf8();
    const Result<QString> key = passwordKey(name);
    if (!key) {
        session->fail(request.id, key.error());
        return;
    }
    if (secret.isEmpty() || secret.contains('\n') || secret.contains('\r')) {
        session->fail(request.id, invalid(tr("a password is one line, not empty")));
        return;
    }
    const QString where = passwordStoreDescription(m_host->configuration());
    const QString who = session->peer().describe();
    m_host->secrets()->write(*key, secret, session,
        [this, session, id = request.id, name, where, who](const QString &error) {
            if (!error.isEmpty()) {
                session->fail(id,
                    {ErrorCode::Io,
                        tr("the password could not be stored in %1: %2").arg(where, error)});
                return;
            }
            raise(EventId::PasswordChanged,
                tr("The password of %1 was stored in %2 by %3.").arg(name, where, who),
                name == DeliverySettings::keychainKey() ? QString() : name);
            QCborMap r;
            r.insert(QStringLiteral("store"), where);
            session->reply(id, r);
        });
}

// The refresh token of an OAuth 2.0 sign-in that a client made (pop3connectorctl authorize, the
// manager's "Sign in…"): stored under the mailbox's refreshTokenKey(), where the service's
// TokenBroker reads it, and what the broker remembered of the old one dropped.
void ControlService::storeSignIn(Session *session, const Message &request)
{
    const QString name = request.body.value(QStringLiteral("mailbox")).toString();
    const QByteArray token = request.body.value(QStringLiteral("refreshToken")).toString().toUtf8();
    const Configuration &c = m_host->configuration();
    const MailboxSettings *m = c.mailbox(name);
    const bool delivery = name == DeliverySettings::keychainKey();
    if (!m && !delivery) {
        session->fail(request.id,
            {ErrorCode::NotFound,
                tr("the configuration has no mailbox %1 (and it is not \"delivery\")")
                    .arg(name.left(80))});
        return;
    }
    if (delivery ? !c.delivery.usesOAuth() : !m->usesOAuth()) {
        session->fail(request.id,
            invalid(tr("%1 logs in with a password; set auth = xoauth2 or oauthbearer in its "
                       "section first")
                        .arg(name)));
        return;
    }
    const QString key = delivery ? DeliverySettings::refreshTokenKey() : m->refreshTokenKey();
    if (token.isEmpty() || token.contains('\n') || token.contains('\r')) {
        session->fail(request.id, invalid(tr("a refresh token is one line, not empty")));
        return;
    }
    const QString where = passwordStoreDescription(m_host->configuration());
    const QString who = session->peer().describe();
    m_host->secrets()->write(key, token, session,
        [this, session, id = request.id, name, key, where, who](const QString &error) {
            if (!error.isEmpty()) {
                session->fail(id,
                    {ErrorCode::Io,
                        tr("the sign-in could not be stored in %1: %2").arg(where, error)});
                return;
            }
            if (Connector *c = m_host->connector())
                c->tokenBroker()->signedIn(key);
            raise(EventId::OAuthSignedIn,
                tr("The sign-in of %1 was stored in %2 by %3.").arg(name, where, who),
                name == DeliverySettings::keychainKey() ? QString() : name);
            QCborMap r;
            r.insert(QStringLiteral("store"), where);
            session->reply(id, r);
        });
}

void ControlService::clearPassword(Session *session, const Message &request)
{
    const QString name = request.body.value(QStringLiteral("key")).toString();
    const Result<QString> key = passwordKey(name);
    if (!key) {
        session->fail(request.id, key.error());
        return;
    }
    const QString where = passwordStoreDescription(m_host->configuration());
    const QString who = session->peer().describe();
    m_host->secrets()->remove(
        *key, session, [this, session, id = request.id, name, where, who](const QString &error) {
            if (!error.isEmpty()) {
                session->fail(id,
                    {ErrorCode::Io,
                        tr("the password could not be removed from %1: %2").arg(where, error)});
                return;
            }
            raise(EventId::PasswordChanged,
                tr("The password of %1 was removed from %2 by %3.").arg(name, where, who),
                name == DeliverySettings::keychainKey() ? QString() : name);
            session->reply(id);
        });
}

// The test runs as the service: its network, its certificates, its password.
void ControlService::testConnection(Session *session, const Message &request)
{
    const QString name = request.body.value(kMailbox).toString();
    const MailboxSettings *found = m_host->configuration().mailbox(name);
    if (!found) {
        session->fail(request.id,
            {ErrorCode::NotFound, tr("the configuration has no mailbox %1").arg(name.left(80))});
        return;
    }
    const MailboxSettings mailbox = *found;
    const int timeoutMs = m_host->configuration().connector.timeoutSeconds * 1000;
    const quint64 id = request.id;
    auto run = [this, session, id, mailbox, timeoutMs](const Result<QByteArray> &password) {
        if (!password) {
            session->fail(id, password.error());
            return;
        }
        auto *test = new ConnectionTest(mailbox, *password, timeoutMs, session);
        auto transcript = std::make_shared<QCborArray>();
        connect(test, &ConnectionTest::transcriptLine, session,
            [transcript](TranscriptDirection direction, const QByteArray &line) {
                if (transcript->size() >= kMaxTranscriptLines)
                    return;
                QCborMap l;
                l.insert(QStringLiteral("direction"),
                    direction == TranscriptDirection::Client       ? QStringLiteral("client")
                        : direction == TranscriptDirection::Server ? QStringLiteral("server")
                                                                   : QStringLiteral("note"));
                l.insert(QStringLiteral("line"), QString::fromUtf8(line));
                transcript->append(l);
            });
        connect(test, &ConnectionTest::finished, session,
            [session, id, test, transcript](const RetrievalReport &report) {
                QCborMap r = Control::toCbor(report);
                r.insert(QStringLiteral("succeeded"),
                    report.outcome == RetrievalReport::Outcome::Succeeded);
                if (report.outcome != RetrievalReport::Outcome::Succeeded)
                    r.insert(QStringLiteral("fix"), describe(report.failureId).fix);
                r.insert(QStringLiteral("transcript"), *transcript);
                session->reply(id, r);
                test->deleteLater();
            });
        test->start();
    };
    // A mailbox that signs in with OAuth is tested with the service's own access token.
    if (Connector *c = m_host->connector(); c && mailbox.usesOAuth())
        c->tokenBroker()->accessToken(OAuthAccount::of(mailbox), session, run);
    else
        CredentialResolver(m_host->secrets()).resolve(mailbox, session, run);
}

// --- the spool -----------------------------------------------------------------------------

void ControlService::spoolList(Session *session, const Message &request)
{
    const std::optional<SpoolFolder> folder =
        Control::folderFromKey(request.body.value(kFolder).toString());
    if (!folder) {
        session->fail(request.id,
            invalid(tr("spoolList takes a folder: incoming, failed, pickup or badmail")));
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

void ControlService::spoolPreview(Session *session, const Message &request)
{
    const Spool &spool = m_host->connector()->spool();
    const QString name = request.body.value(kName).toString();
    const Result<SpoolFolder> folder = locate(spool, request.body, name);
    if (!folder) {
        session->fail(request.id, folder.error());
        return;
    }
    if (!QFileInfo::exists(spool.messagePath(*folder, name))) {
        session->fail(request.id,
            {ErrorCode::NotFound,
                tr("message %1 is not in %2").arg(name, Spool::folderName(*folder))});
        return;
    }
    const SpoolBrowser browser(spool);
    QCborMap r = Control::toCbor(browser.summary(*folder, name));
    r.insert(QStringLiteral("text"), browser.preview(*folder, name));
    session->reply(request.id, r);
}

void ControlService::spoolExport(Session *session, const Message &request)
{
    const Spool &spool = m_host->connector()->spool();
    const QString name = request.body.value(kName).toString();
    const Result<SpoolFolder> folder = locate(spool, request.body, name);
    if (!folder) {
        session->fail(request.id, folder.error());
        return;
    }
    const SpoolBrowser browser(spool);
    const qint64 offset = browser.messageOffset(*folder, name);
    Result<QByteArray> bytes = DurableFs::readFile(spool.messagePath(*folder, name), kMaxExport);
    if (!bytes) {
        session->fail(request.id, bytes.error());
        return;
    }
    QCborMap r;
    r.insert(kFolder, Control::folderKey(*folder));
    r.insert(kName, name);
    r.insert(QStringLiteral("bytes"), bytes->mid(offset));
    session->reply(request.id, r);
}

void ControlService::spoolRequeue(Session *session, const Message &request)
{
    changeSpool(session, request, Change::Requeue);
}

void ControlService::spoolDelete(Session *session, const Message &request)
{
    changeSpool(session, request, Change::Delete);
}

void ControlService::spoolSendToUndeliverable(Session *session, const Message &request)
{
    changeSpool(session, request, Change::SendToUndeliverable);
}

void ControlService::changeSpool(Session *session, const Message &request, Change change)
{
    QStringList names;
    if (request.body.contains(kNames)) {
        for (const QCborValue &n : request.body.value(kNames).toArray())
            names.append(n.toString());
    } else if (request.body.contains(kName)) {
        names.append(request.body.value(kName).toString());
    }
    if (names.isEmpty()) {
        session->fail(request.id, invalid(tr("name the messages (names)")));
        return;
    }
    if (change == Change::SendToUndeliverable
        && m_host->configuration().connector.undeliverableMailbox.isEmpty()) {
        session->fail(request.id,
            invalid(tr("no undeliverable-mail mailbox is configured ([connector] "
                       "undeliverable_mailbox)")));
        return;
    }
    // Where each message is now, and every folder the action will touch.
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
        const SpoolBrowser browser(spool);
        const QString undeliverable = m_host->configuration().connector.undeliverableMailbox;
        QCborArray results;
        int failed = 0;
        for (const auto &[name, folder] : targets) {
            QCborMap result;
            result.insert(kName, name);
            QString error = folder ? QString() : folder.error().message;
            if (folder) {
                const QString from = Spool::folderName(*folder);
                const QString mailbox = browser.summary(*folder, name).mailbox;
                switch (change) {
                case Change::Requeue:
                    error = browser.requeue(*folder, name);
                    if (error.isEmpty())
                        raise(EventId::MessageRequeued,
                            tr("Message %1 was requeued from %2 by %3.").arg(name, from, who),
                            mailbox, name);
                    break;
                case Change::Delete:
                    if (!QFileInfo::exists(spool.messagePath(*folder, name)))
                        error = tr("message %1 is no longer in %2").arg(name, from);
                    else
                        error = browser.remove(*folder, name);
                    if (error.isEmpty())
                        raise(EventId::MessageDeleted,
                            tr("Message %1 was deleted from %2 by %3.").arg(name, from, who),
                            mailbox, name);
                    break;
                case Change::SendToUndeliverable:
                    error = browser.wrapForUndeliverable(*folder, name, undeliverable);
                    if (error.isEmpty())
                        raise(EventId::MessageWrapped,
                            tr("Message %1 of %2 was sent to %3 as an attachment by %4.")
                                .arg(name, from, undeliverable, who),
                            mailbox, name);
                    break;
                }
                result.insert(kFolder, Control::folderKey(*folder));
            }
            result.insert(QStringLiteral("ok"), error.isEmpty());
            if (!error.isEmpty()) {
                result.insert(QStringLiteral("error"), error);
                ++failed;
            }
            results.append(result);
        }
        QCborMap r;
        r.insert(QStringLiteral("results"), results);
        r.insert(QStringLiteral("failed"), failed);
        r.insert(QStringLiteral("waitedMs"), waited.elapsed());
        session->reply(id, r);
    });
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
                invalid(tr("there is no topic \"%1\"; the topics are %2")
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

// --- diagnostics ---------------------------------------------------------------------------

void ControlService::diagnostics(Session *session, const Message &request)
{
    const Configuration &c = m_host->configuration();
    QCborMap r;
    QCborMap configuration;
    configuration.insert(QStringLiteral("path"), c.path);
    configuration.insert(
        QStringLiteral("problems"), problemsOf(ConfigurationFile::load(c.path).problems));
    r.insert(QStringLiteral("configuration"), configuration);

    const QStorageInfo storage(m_host->connector()->spool().root());
    QCborMap spool;
    spool.insert(QStringLiteral("root"), m_host->connector()->spool().root());
    spool.insert(QStringLiteral("freeBytes"), storage.bytesAvailable());
    r.insert(QStringLiteral("spool"), spool);

    QCborMap control;
    control.insert(QStringLiteral("socket"), m_server->path());
    control.insert(QStringLiteral("group"), c.connector.controlGroup);
    control.insert(
        QStringLiteral("groupExists"), Control::groupId(c.connector.controlGroup).has_value());
    control.insert(QStringLiteral("connections"), m_server->sessions().size());
    r.insert(QStringLiteral("control"), control);
    r.insert(QStringLiteral("passwordStore"), passwordStoreDescription(c));

    // Whether each password can be found, as the next cycle would look for it; never the
    // password itself.
    struct Check
    {
        QString name;
        std::function<void(const CredentialResolver &, QObject *, CredentialResolver::Done)>
            resolve;
    };
    QList<Check> checks;
    for (const MailboxSettings &m : c.mailboxes) {
        if (!m.enabled)
            continue;
        checks.append({m.name,
            [m](const CredentialResolver &cr, QObject *ctx, CredentialResolver::Done done) {
                cr.resolve(m, ctx, done);
            }});
    }
    if (!c.delivery.user.isEmpty() && c.delivery.transport != Transport::Pickup) {
        checks.append({DeliverySettings::keychainKey(),
            [d = c.delivery](const CredentialResolver &cr, QObject *ctx,
                CredentialResolver::Done done) { cr.resolve(d, ctx, done); }});
    }
    auto passwords = std::make_shared<QCborArray>();
    auto left = std::make_shared<int>(int(checks.size()));
    const auto finish = [session, id = request.id, r, passwords] {
        QCborMap out = r;
        out.insert(QStringLiteral("passwords"), *passwords);
        session->reply(id, out);
    };
    if (checks.isEmpty()) {
        finish();
        return;
    }
    const CredentialResolver resolver(m_host->secrets());
    for (const Check &check : std::as_const(checks)) {
        check.resolve(resolver, session,
            [passwords, left, finish, name = check.name](const Result<QByteArray> &pw) mutable {
                QCborMap p;
                p.insert(kName, name);
                p.insert(QStringLiteral("found"), pw.ok());
                if (!pw)
                    p.insert(QStringLiteral("problem"), pw.error().message);
                passwords->append(p);
                if (--*left == 0)
                    finish();
            });
    }
}

} // namespace Pop3Connector

#include "servicecontroller.h"

#include "config/configurationtext.h"
#include "service/controlendpoint.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace Pop3Connector {

namespace {

// Lost connections are noticed at once (the socket closes); a service started again is found
// within this.
constexpr int kReconnectMs = 1000;

QString problemsText(const QCborArray &problems)
{
    QStringList lines;
    for (const QCborValue &p : problems) {
        const QString text = p.toMap().value(QStringLiteral("text")).toString();
        lines.append(text.isEmpty() ? p.toMap().value(QStringLiteral("message")).toString() : text);
    }
    return lines.join(u'\n');
}

} // namespace

ServiceController::ServiceController(const QString &configPath, QObject *parent)
    : QObject(parent)
    , m_configPath(QFileInfo(configPath).absoluteFilePath())
    , m_client(QStringLiteral("pop3connector %1").arg(QCoreApplication::applicationVersion()))
{
    m_client.setReconnectInterval(kReconnectMs);
    connect(&m_client, &Control::Client::connected, this, &ServiceController::onConnected);
    connect(&m_client, &Control::Client::disconnected, this, &ServiceController::onDisconnected);
    connect(&m_client, &Control::Client::eventReceived, this, [this](const Event &event) {
        // What another client changed (a second manager, pop3connectorctl) shows here too.
        if (event.id == EventId::ConfigurationChanged)
            refreshConfiguration();
        if (event.id == EventId::ConfigurationChanged || event.id == EventId::DispatchStopped
            || event.id == EventId::DispatchStarted)
            refreshStatus();
        Q_EMIT eventLogged(event);
    });
    connect(&m_client, &Control::Client::progressReceived, this, &ServiceController::progressed);
    connect(
        &m_client, &Control::Client::stageChanged, this, [this](const QString &stage, bool active) {
            m_activeStages.insert(stage, active);
            Q_EMIT statusChanged();
        });
    connect(&m_client, &Control::Client::cycleStarted, this, [this] {
        m_cycleRunning = true;
        Q_EMIT cycleStarted();
        Q_EMIT statusChanged();
    });
    connect(&m_client, &Control::Client::cycleFinished, this,
        [this](const Control::CycleOutcome &cycle) {
            m_cycleRunning = false;
            for (const RetrievalReport &r : cycle.mailboxes) {
                m_lastResults.insert(r.mailbox, r);
                m_lastTimes.insert(r.mailbox, cycle.finished);
            }
            Q_EMIT cycleFinished(cycle);
            refreshStatus(); // the next run, a configuration that waited for the cycle
        });
    connect(
        &m_client, &Control::Client::folderChanged, this, [this](SpoolFolder folder, int count) {
            m_folders.insert(folder, count);
            Q_EMIT folderChanged(folder, count);
        });
    readFile();
}

ServiceController::~ServiceController()
{
    // The client closes its connection as it goes, and says so: not to this half-gone object.
    disconnect(&m_client, nullptr, this, nullptr);
}

void ServiceController::readFile()
{
    // Only to find the service: what the tabs show comes from the service once it answers.
    // A file not there yet gives the defaults the service starts on, so both find one socket.
    const ConfigLoadResult loaded = ConfigurationFile::loadOrDefaults(m_configPath);
    m_configuration = loaded.configuration;
    m_configuration.path = m_configPath;
    m_problems = loaded.problems;
}

void ServiceController::connectToService()
{
    m_client.connectToService(Control::socketPath(m_configuration));
}

QString ServiceController::howToStart() const
{
    return Control::howToStart(m_configuration);
}

bool ServiceController::canStartForUser() const
{
    return !ConfigurationFile::isSystemPath(m_configPath);
}

QString ServiceController::startForUser()
{
    const QString daemon =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("pop3connectord"));
    if (!QFileInfo(daemon).isExecutable())
        return tr("%1 is not there or cannot be run.").arg(daemon);
    // Its own process, not a child: it goes on when the manager is closed.
    if (!QProcess::startDetached(daemon, {QStringLiteral("--config"), m_configPath}))
        return tr("%1 could not be started.").arg(daemon);
    connectToService();
    return {};
}

void ServiceController::onConnected()
{
    m_unavailable.clear();
    const QCborMap &hello = m_client.serviceHello();
    m_info.pid = hello.value(QStringLiteral("pid")).toInteger();
    m_info.user = hello.value(QStringLiteral("user")).toString();
    m_info.version = hello.value(QStringLiteral("version")).toString();
    QCborMap subscription;
    subscription.insert(
        QStringLiteral("topics"), QCborArray::fromStringList(Control::Topic::all()));
    subscription.insert(QStringLiteral("history"), 500);
    m_client.request(
        Control::Method::Subscribe, subscription, this, [this](const Result<QCborMap> &reply) {
            if (!reply)
                return;
            QList<Event> events;
            for (const QCborValue &e : reply->value(QStringLiteral("events")).toArray())
                events.append(Control::eventFromCbor(e.toMap()));
            Q_EMIT historyLoaded(events);
        });
    refreshConfiguration();
    refreshStatus();
    Q_EMIT serviceStateChanged(true);
}

void ServiceController::onDisconnected(const Error &reason)
{
    // Tried again every second: said once, until the reason changes.
    const QString said = reason.message.isEmpty() ? tr("no service answers") : reason.message;
    const bool news = m_unavailable != said;
    m_unavailable = said;
    m_info = {};
    m_cycleRunning = false;
    m_activeStages.clear();
    m_nextRun = {};
    if (news)
        Q_EMIT serviceStateChanged(false);
}

void ServiceController::refreshStatus()
{
    m_client.request(Control::Method::Status, {}, this, [this](const Result<QCborMap> &reply) {
        if (reply)
            applyStatus(*reply);
    });
}

void ServiceController::applyStatus(const QCborMap &s)
{
    m_info.pid = s.value(QStringLiteral("pid")).toInteger();
    m_info.user = s.value(QStringLiteral("user")).toString();
    m_info.version = s.value(QStringLiteral("version")).toString();
    m_info.passwordStore = s.value(QStringLiteral("passwordStore")).toString();
    m_cycleRunning = s.value(QStringLiteral("cycleRunning")).toBool();
    m_dispatchEnabled = s.value(QStringLiteral("delivery")).toBool();
    const QCborValue next = s.value(QStringLiteral("nextRun"));
    m_nextRun = next.isDateTime() ? next.toDateTime() : QDateTime();
    for (const QCborValue &v : s.value(QStringLiteral("stages")).toArray()) {
        const QCborMap stage = v.toMap();
        m_activeStages.insert(stage.value(QStringLiteral("name")).toString(),
            stage.value(QStringLiteral("active")).toBool());
    }
    const QCborMap folders = s.value(QStringLiteral("folders")).toMap();
    for (auto it = folders.cbegin(); it != folders.cend(); ++it) {
        if (const std::optional<SpoolFolder> f = Control::folderFromKey(it.key().toString())) {
            m_folders.insert(*f, int(it.value().toInteger()));
            Q_EMIT folderChanged(*f, int(it.value().toInteger()));
        }
    }
    m_openProblems.clear();
    for (const QCborValue &v : s.value(QStringLiteral("problems")).toArray()) {
        const QCborMap p = v.toMap();
        const QCborValue since = p.value(QStringLiteral("since"));
        m_openProblems.append({p.value(QStringLiteral("key")).toString(),
            p.value(QStringLiteral("subject")).toString(),
            p.value(QStringLiteral("text")).toString(),
            since.isDateTime() ? since.toDateTime()
                               : QDateTime::fromString(since.toString(), Qt::ISODateWithMs)});
    }
    const QCborMap lastCycle = s.value(QStringLiteral("lastCycle")).toMap();
    const QDateTime finished = Control::cycleFromCbor(lastCycle).finished;
    for (const QCborValue &v : s.value(QStringLiteral("mailboxes")).toArray()) {
        const QCborMap box = v.toMap();
        if (box.contains(QStringLiteral("last"))) {
            const RetrievalReport r =
                Control::retrievalFromCbor(box.value(QStringLiteral("last")).toMap());
            m_lastResults.insert(r.mailbox, r);
            if (finished.isValid() && !m_lastTimes.contains(r.mailbox))
                m_lastTimes.insert(r.mailbox, finished);
        }
    }
    Q_EMIT statusChanged();
}

void ServiceController::refreshConfiguration()
{
    m_client.request(
        Control::Method::Configuration, {}, this, [this](const Result<QCborMap> &reply) {
            if (!reply)
                return;
            const QString path = reply->value(QStringLiteral("path")).toString();
            const ConfigLoadResult parsed = ConfigurationFile::parse(
                reply->value(QStringLiteral("text")).toString().toUtf8(), path);
            m_configuration = parsed.configuration;
            m_configuration.path = path;
            m_problems = parsed.problems;
            Q_EMIT configurationChanged();
        });
}

void ServiceController::retrieveNow(const QString &mailbox)
{
    QCborMap params;
    if (!mailbox.isEmpty())
        params.insert(QStringLiteral("mailbox"), mailbox);
    m_client.request(Control::Method::RetrieveNow, params, this, {});
}

void ServiceController::cancelCycle()
{
    m_client.request(Control::Method::Cancel, {}, this, {});
}

void ServiceController::setDispatchEnabled(bool enabled)
{
    QCborMap params;
    params.insert(QStringLiteral("enabled"), enabled);
    m_client.request(
        Control::Method::Delivery, params, this, [this](const Result<QCborMap> &reply) {
            if (reply)
                m_dispatchEnabled = reply->value(QStringLiteral("enabled")).toBool();
            Q_EMIT statusChanged();
        });
}

void ServiceController::save(const Configuration &configuration, QObject *context, Done done)
{
    // The file as it is now (an administrator may have edited it since), changed where the
    // manager changed something: their comments and layout stay.
    m_client.request(Control::Method::Configuration, {}, context,
        [this, configuration, context, done](const Result<QCborMap> &current) {
            if (!current) {
                done(current.error().message);
                return;
            }
            const QByteArray text = ConfigurationText::rewrite(
                current->value(QStringLiteral("text")).toString().toUtf8(),
                current->value(QStringLiteral("path")).toString(), configuration);
            QCborMap params;
            params.insert(QStringLiteral("text"), QString::fromUtf8(text));
            m_client.request(Control::Method::SetConfiguration, params, context,
                [this, done](const Result<QCborMap> &reply) {
                    if (!reply) {
                        done(reply.error().message);
                        return;
                    }
                    if (!reply->value(QStringLiteral("written")).toBool()) {
                        done(problemsText(reply->value(QStringLiteral("problems")).toArray()));
                        return;
                    }
                    refreshConfiguration();
                    refreshStatus();
                    done({});
                });
        });
}

void ServiceController::setPassword(
    const QString &key, const QByteArray &secret, QObject *context, Done done)
{
    QCborMap params;
    params.insert(QStringLiteral("key"), key);
    params.insert(QStringLiteral("secret"), QString::fromUtf8(secret));
    m_client.request(Control::Method::SetPassword, params, context,
        [done](const Result<QCborMap> &reply) { done(reply ? QString() : reply.error().message); });
}

void ServiceController::clearPassword(const QString &key, QObject *context, Done done)
{
    QCborMap params;
    params.insert(QStringLiteral("key"), key);
    m_client.request(Control::Method::ClearPassword, params, context,
        [done](const Result<QCborMap> &reply) { done(reply ? QString() : reply.error().message); });
}

void ServiceController::request(
    const QString &method, const QCborMap &params, QObject *context, Reply done, int timeoutMs)
{
    m_client.request(method, params, context, std::move(done), timeoutMs);
}

} // namespace Pop3Connector

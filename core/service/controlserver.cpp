#include "service/controlserver.h"

#include "base/durablefs.h"
#include "base/posixfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTimer>

#include <cerrno>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace Pop3Connector::Control {

namespace {

// Whether a service accepts connections on `path` now (a plain connect(2), which a Unix
// domain socket answers at once).
bool someoneListens(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    if (size_t(native.size()) >= sizeof address.sun_path)
        return false;
    std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
    const Posix::Descriptor fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (fd.get() < 0)
        return false;
    return ::connect(fd.get(), reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0
        || errno == EAGAIN;
}

} // namespace

Server::Server(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Peer>();
}

Server::~Server()
{
    close();
}

Status Server::listen(const Settings &settings)
{
    close();
    m_settings = settings;
    const QString &path = settings.path;
    if (QFile::encodeName(path).size() >= qsizetype(sizeof(sockaddr_un::sun_path))) {
        return Error {ErrorCode::InvalidInput,
            tr("the control socket path %1 is longer than a socket path may be; set a shorter "
               "[connector] control_socket")
                .arg(path)};
    }
    if (Status s = DurableFs::makeDirectory(QFileInfo(path).absolutePath()); !s)
        return s;
    if (QFileInfo::exists(path) || QFileInfo(path).isSymLink()) {
        if (someoneListens(path)) {
            return Error {ErrorCode::AlreadyExists,
                tr("another service answers on the control socket %1; stop it, or give this "
                   "configuration a control_socket of its own")
                    .arg(path)};
        }
        QLocalServer::removeServer(path); // what a service that is gone left behind
    }
    m_server = new QLocalServer(this);
    // Qt binds the socket in a private folder, sets its mode and only then renames it into
    // place, so it is never reachable with a wider mode.
    const std::optional<gid_t> group = settings.policy.administrators;
    m_server->setSocketOptions(group
            ? QLocalServer::UserAccessOption | QLocalServer::GroupAccessOption
            : QLocalServer::UserAccessOption);
    if (!m_server->listen(path)) {
        const QString error = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return Error {
            ErrorCode::Io, tr("cannot create the control socket %1: %2").arg(path, error)};
    }
    if (group) {
        const QByteArray native = QFile::encodeName(path);
        if (::lchown(native.constData(), uid_t(-1), *group) != 0) {
            // Not a member of that group itself: no group may reach the socket then.
            ::chmod(native.constData(), 0600);
        }
    }
    connect(m_server, &QLocalServer::newConnection, this, &Server::onNewConnection);
    return {};
}

void Server::close()
{
    for (Session *s : std::as_const(m_sessions)) {
        disconnect(s, nullptr, this, nullptr);
        s->deleteLater();
    }
    m_sessions.clear();
    if (m_server) {
        m_server->close(); // removes the socket file
        delete m_server;
        m_server = nullptr;
    }
}

void Server::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        const Result<Peer> peer = peerOf(socket->socketDescriptor());
        if (!peer) {
            refuse(socket, peer.error());
            continue;
        }
        if (!isAllowed(*peer, m_settings.policy)) {
            refuse(socket,
                {ErrorCode::PermissionDenied,
                    tr("%1 may not administer this service; root, the service's own user and "
                       "members of the group %2 may (adduser USER %2, then log in again)")
                        .arg(peer->describe(), m_settings.groupName)});
            // Told once a minute per user: a program connecting in a loop does not fill the log.
            const QDateTime now = QDateTime::currentDateTimeUtc();
            const QDateTime last = m_lastRefusal.value(peer->uid);
            if (!last.isValid() || last.secsTo(now) >= 60) {
                m_lastRefusal.insert(peer->uid, now);
                Q_EMIT peerRefused(*peer);
            }
            continue;
        }
        if (m_sessions.size() >= m_settings.maxSessions) {
            refuse(socket,
                {ErrorCode::LimitExceeded,
                    tr("the service has %1 control connections open, as many as it takes; close "
                       "some")
                        .arg(m_sessions.size())});
            continue;
        }
        auto *session = new Session(socket, *peer, m_settings.limits, m_settings.hello, this);
        m_sessions.append(session);
        connect(session, &Session::requested, this, &Server::requested);
        connect(session, &Session::subscriptionsChanged, this, &Server::subscriptionsChanged);
        connect(session, &Session::dropped, this,
            [this](Session *s, qint64 unread) { Q_EMIT sessionDropped(s->peer(), unread); });
        connect(session, &Session::closed, this, [this](Session *s) {
            m_sessions.removeOne(s);
            Q_EMIT subscriptionsChanged();
        });
    }
}

void Server::refuse(QLocalSocket *socket, const Error &error)
{
    // Nothing is read from a refused peer: it is told why, and the connection closes.
    socket->setParent(this);
    socket->write(encodeFrame(Message::protocolError(error)));
    connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(2000, socket, [socket] { socket->abort(); });
    socket->disconnectFromServer();
}

void Server::notify(const QString &topic, const QCborMap &body)
{
    if (!hasSubscribers(topic))
        return;
    const QByteArray frame = encodeFrame(Message::notification(topic, body));
    // A session may drop itself while being told; go over a copy.
    const QList<Session *> sessions = m_sessions;
    for (Session *s : sessions) {
        if (s->isSubscribed(topic))
            s->notify(frame);
    }
}

bool Server::hasSubscribers(const QString &topic) const
{
    for (const Session *s : m_sessions) {
        if (s->isSubscribed(topic))
            return true;
    }
    return false;
}

} // namespace Pop3Connector::Control

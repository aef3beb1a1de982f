#include "service/controlclient.h"

#include <QCborArray>
#include <QElapsedTimer>
#include <QLocalSocket>

namespace Pop3Connector::Control {

namespace {

constexpr int kHelloTimeoutMs = 10000;

} // namespace

Client::Client(QString name, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_helloTimer(this)
    , m_reconnect(this)
{
    m_helloTimer.setSingleShot(true);
    connect(&m_helloTimer, &QTimer::timeout, this, [this] {
        onSocketGone({ErrorCode::Protocol,
            tr("the service on %1 did not say hello within %2 seconds")
                .arg(m_path)
                .arg(kHelloTimeoutMs / 1000)});
    });
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, [this] {
        if (m_state == State::Disconnected && !m_closing)
            connectToService(m_path);
    });
}

Client::~Client()
{
    m_closing = true;
    if (m_socket)
        m_socket->abort();
}

void Client::connectToService(const QString &socketPath)
{
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
        // Requests sent on the old connection will get no reply.
        failAll({ErrorCode::Cancelled, tr("the control connection was replaced")});
    }
    m_closing = false;
    m_path = socketPath;
    m_state = State::Connecting;
    m_decoder = FrameDecoder(kMaxServiceFrame);
    m_serviceHello = {};
    m_socket = new QLocalSocket(this);
    connect(m_socket, &QLocalSocket::connected, this, &Client::onConnected);
    connect(m_socket, &QLocalSocket::readyRead, this, &Client::onReadyRead);
    connect(m_socket, &QLocalSocket::disconnected, this, [this] {
        onSocketGone({ErrorCode::Io, tr("the service closed the control connection")});
    });
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError e) {
        switch (e) {
        case QLocalSocket::ServerNotFoundError:
        case QLocalSocket::ConnectionRefusedError:
            onSocketGone({ErrorCode::NotFound, tr("no service answers on %1").arg(m_path)});
            return;
        case QLocalSocket::SocketAccessError:
            onSocketGone({ErrorCode::PermissionDenied,
                tr("this user may not use the control socket %1; the service's administrators "
                   "are root, its own user and the members of its group (adduser USER "
                   "pop3connector, then log in again)")
                    .arg(m_path)});
            return;
        case QLocalSocket::PeerClosedError:
            onSocketGone({ErrorCode::Io, tr("the service closed the control connection")});
            return;
        default:
            onSocketGone({ErrorCode::Io,
                tr("the control connection to %1 failed: %2")
                    .arg(m_path, m_socket->errorString())});
            return;
        }
    });
    m_helloTimer.start(kHelloTimeoutMs);
    m_socket->connectToServer(socketPath);
}

void Client::disconnectFromService()
{
    m_closing = true;
    m_reconnect.stop();
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->disconnectFromServer();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_helloTimer.stop();
    const bool was = m_state != State::Disconnected;
    m_state = State::Disconnected;
    failAll({ErrorCode::Cancelled, tr("the control connection was closed")});
    if (was)
        Q_EMIT disconnected({ErrorCode::Cancelled, tr("the control connection was closed")});
}

void Client::onConnected()
{
    QCborMap about;
    about.insert(QStringLiteral("client"), m_name);
    m_socket->write(encodeFrame(Message::hello(about)));
}

void Client::onReadyRead()
{
    // A burst of notifications (an event per message of a large cycle) is handled a slice at a
    // time, the rest after the thread's other work: the manager's window never freezes for it.
    m_resumeQueued = false;
    QElapsedTimer slice;
    slice.start();
    while (m_socket && m_state != State::Disconnected) {
        Result<std::optional<Message>> next = m_decoder.next();
        if (!next) {
            onSocketGone({ErrorCode::Protocol,
                tr("the service sent what is not a control message: %1")
                    .arg(next.error().message)});
            return;
        }
        if (next->has_value()) {
            step(**next);
            if (slice.elapsed() >= kSliceMs && !m_resumeQueued) {
                m_resumeQueued = true;
                QMetaObject::invokeMethod(this, &Client::onReadyRead, Qt::QueuedConnection);
                return;
            }
            continue;
        }
        const QByteArray bytes = m_socket->readAll();
        if (bytes.isEmpty())
            return;
        m_decoder.append(bytes);
    }
}

void Client::step(const Message &message)
{
    if (message.type == Type::Error) {
        // The service's last word: a refusal, or what it found wrong with what was sent.
        onSocketGone(*message.error);
        return;
    }
    if (m_state == State::Connecting) {
        if (message.type != Type::Hello) {
            onSocketGone({ErrorCode::Protocol, tr("the service did not open with its hello")});
            return;
        }
        m_helloTimer.stop();
        m_serviceHello = message.body;
        m_state = State::Ready;
        if (!m_topics.isEmpty()) {
            QCborMap params;
            params.insert(QStringLiteral("topics"), QCborArray::fromStringList(m_topics));
            // Sent (Ready now) before the requests that waited, so none of their effects goes
            // unnotified.
            request(Method::Subscribe, params, nullptr, {});
        }
        const QList<quint64> order = std::exchange(m_order, {});
        for (quint64 id : order) {
            if (m_pending.contains(id))
                send(id, m_pending[id]);
        }
        Q_EMIT connected();
        return;
    }
    switch (message.type) {
    case Type::Reply:
        if (message.error)
            finish(message.id, *message.error);
        else
            finish(message.id, message.body);
        return;
    case Type::Notification:
        dispatchNotification(message);
        return;
    default:
        onSocketGone({ErrorCode::Protocol, tr("the service sent a message out of turn")});
        return;
    }
}

void Client::dispatchNotification(const Message &message)
{
    Q_EMIT notified(message.name, message.body);
    const QCborMap &b = message.body;
    if (message.name == Topic::Event) {
        Q_EMIT eventReceived(eventFromCbor(b));
    } else if (message.name == Topic::Progress) {
        Q_EMIT progressReceived(progressFromCbor(b));
    } else if (message.name == Topic::Stage) {
        Q_EMIT stageChanged(b.value(QStringLiteral("stage")).toString(),
            b.value(QStringLiteral("active")).toBool());
    } else if (message.name == Topic::Cycle) {
        if (b.value(QStringLiteral("state")).toString() == u"started")
            Q_EMIT cycleStarted(quint64(b.value(QStringLiteral("cycle")).toInteger()));
        else
            Q_EMIT cycleFinished(cycleFromCbor(b));
    } else if (message.name == Topic::Spool) {
        if (const std::optional<SpoolFolder> f =
                folderFromKey(b.value(QStringLiteral("folder")).toString()))
            Q_EMIT folderChanged(*f, int(b.value(QStringLiteral("count")).toInteger()));
    }
}

quint64 Client::request(
    const QString &method, const QCborMap &params, QObject *context, Reply done, int timeoutMs)
{
    const quint64 id = m_nextId++;
    Pending p;
    p.method = method;
    p.params = params;
    p.context = context;
    p.hasContext = context != nullptr;
    p.done = std::move(done);
    if (timeoutMs >= 0) {
        p.timer = new QTimer(this);
        p.timer->setSingleShot(true);
        connect(p.timer, &QTimer::timeout, this, [this, id, method, timeoutMs] {
            finish(id,
                Error {ErrorCode::Cancelled,
                    tr("the service did not answer %1 within %2 seconds")
                        .arg(method)
                        .arg(timeoutMs / 1000)});
        });
        p.timer->start(timeoutMs);
    }
    Pending &stored = m_pending.insert(id, std::move(p)).value();
    switch (m_state) {
    case State::Ready:
        send(id, stored);
        break;
    case State::Connecting:
        m_order.append(id);
        break;
    case State::Disconnected:
        QMetaObject::invokeMethod(
            this,
            [this, id] {
                finish(id, Error {ErrorCode::NotFound, tr("not connected to the service")});
            },
            Qt::QueuedConnection);
        break;
    }
    return id;
}

void Client::send(quint64 id, Pending &pending)
{
    pending.sent = true;
    m_socket->write(encodeFrame(Message::request(id, pending.method, pending.params)));
}

void Client::forget(quint64 id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    it->done = {};
}

void Client::subscribe(const QStringList &topics, QObject *context, Reply done, int history)
{
    for (const QString &t : topics) {
        if (!m_topics.contains(t))
            m_topics.append(t);
    }
    QCborMap params;
    params.insert(QStringLiteral("topics"), QCborArray::fromStringList(topics));
    if (history > 0)
        params.insert(QStringLiteral("history"), history);
    if (m_state == State::Disconnected)
        return; // sent with the next hello
    request(Method::Subscribe, params, context, std::move(done));
}

void Client::finish(quint64 id, const Result<QCborMap> &result)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending p = std::move(it.value());
    m_pending.erase(it);
    if (p.timer)
        p.timer->deleteLater();
    if (!p.done || (p.hasContext && !p.context))
        return;
    p.done(result);
}

void Client::failAll(const Error &error)
{
    const QList<quint64> ids = m_pending.keys();
    m_order.clear();
    for (quint64 id : ids)
        finish(id, error);
}

void Client::onSocketGone(const Error &reason)
{
    if (m_state == State::Disconnected)
        return;
    m_state = State::Disconnected;
    m_helloTimer.stop();
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    failAll(
        {reason.code == ErrorCode::NotFound ? ErrorCode::NotFound : ErrorCode::Io, reason.message});
    Q_EMIT disconnected(reason);
    if (m_reconnectMs > 0 && !m_closing)
        m_reconnect.start(m_reconnectMs);
}

} // namespace Pop3Connector::Control

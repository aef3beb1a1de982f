#include "service/controlsession.h"

#include <QCoreApplication>
#include <QLocalSocket>

namespace Pop3Connector::Control {

namespace {

// What the socket itself may hold beyond the queue: enough to keep a reading client busy, small
// enough that the queue, which the backlog bounds, holds the rest.
constexpr qint64 kSocketWindow = 256 * 1024;
// A client that was sent a protocol error has this long to read it before the connection drops.
constexpr int kClosingMs = 2000;

} // namespace

Session::Session(
    QLocalSocket *socket, Peer peer, Limits limits, QCborMap serviceHello, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_peer(std::move(peer))
    , m_limits(limits)
    , m_serviceHello(std::move(serviceHello))
    , m_timer(this)
    , m_frameTimer(this)
{
    m_socket->setParent(this);
    // Qt reads no more than this ahead of the session, so a paused session leaves the rest in
    // the kernel and the client's writes stall there.
    m_socket->setReadBufferSize(64 * 1024);
    connect(m_socket, &QLocalSocket::readyRead, this, &Session::onReadyRead);
    connect(m_socket, &QLocalSocket::bytesWritten, this, &Session::pump);
    connect(m_socket, &QLocalSocket::disconnected, this, &Session::finish);
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this] {
        if (m_socket->state() != QLocalSocket::ConnectedState)
            finish();
    });
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_state == State::AwaitingHello) {
            closeWithError({ErrorCode::Protocol,
                tr("no hello within %1 seconds; a client opens with hello")
                    .arg(m_limits.helloTimeoutMs / 1000)});
        } else {
            m_socket->abort();
            finish();
        }
    });
    m_timer.start(m_limits.helloTimeoutMs);
    m_frameTimer.setSingleShot(true);
    connect(&m_frameTimer, &QTimer::timeout, this, [this] {
        closeWithError({ErrorCode::Protocol,
            tr("a frame begun was not finished within %1 seconds")
                .arg(m_limits.frameTimeoutMs / 1000)});
    });
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &Session::onReadyRead, Qt::QueuedConnection);
}

Session::~Session() = default;

void Session::subscribe(const QStringList &topics)
{
    for (const QString &t : topics)
        m_topics.insert(t);
    Q_EMIT subscriptionsChanged();
}

void Session::onReadyRead()
{
    while (m_state != State::Closing) {
        // Replies the client has not taken yet: read nothing more until it does.
        if (m_queuedBytes >= m_limits.backlogBytes)
            return;
        Result<std::optional<Message>> next = m_decoder.next();
        if (!next) {
            closeWithError(next.error());
            return;
        }
        if (next->has_value()) {
            m_frameTimer.stop();
            step(**next);
            continue;
        }
        const QByteArray bytes = m_socket->read(64 * 1024);
        if (bytes.isEmpty()) {
            if (m_decoder.buffered() > 0 && !m_frameTimer.isActive())
                m_frameTimer.start(m_limits.frameTimeoutMs);
            return;
        }
        m_decoder.append(bytes);
    }
}

// docs/control-protocol.md "Frames and messages": hello first, then requests only.
void Session::step(const Message &message)
{
    switch (m_state) {
    case State::AwaitingHello:
        if (message.type != Type::Hello) {
            closeWithError(
                {ErrorCode::Protocol, tr("the first message must be a hello with the version")});
            return;
        }
        if (message.version != kVersion) {
            closeWithError({ErrorCode::Protocol,
                tr("this service speaks version %1 of the control protocol, the client %2; use "
                   "the pop3connectorctl and manager of the service's own version")
                    .arg(kVersion)
                    .arg(message.version)});
            return;
        }
        m_clientHello = message.body;
        m_timer.stop();
        m_state = State::Ready;
        send(encodeFrame(Message::hello(m_serviceHello)), false);
        return;
    case State::Ready:
        if (message.type != Type::Request) {
            closeWithError({ErrorCode::Protocol,
                message.type == Type::Hello
                    ? tr("a client says hello once; after it, it sends requests only")
                    : tr("after the hello a client sends requests only, never a reply, a "
                         "notification or an error")});
            return;
        }
        Q_EMIT requested(this, message);
        return;
    case State::Closing:
        return;
    }
}

void Session::reply(quint64 id, const QCborMap &result)
{
    if (m_state == State::Ready)
        send(encodeFrame(Message::reply(id, result)), false);
}

void Session::fail(quint64 id, const Error &error)
{
    if (m_state == State::Ready)
        send(encodeFrame(Message::failure(id, error)), false);
}

void Session::notify(const QByteArray &frame)
{
    if (m_state != State::Ready)
        return;
    send(frame, true);
    if (m_queuedNotificationBytes > m_limits.backlogBytes) {
        const qint64 unread = m_queuedNotificationBytes;
        m_state = State::Closing;
        m_queue.clear();
        m_queuedBytes = m_queuedNotificationBytes = 0;
        Q_EMIT dropped(this, unread);
        m_socket->abort();
        finish();
    }
}

void Session::closeWithError(const Error &error)
{
    if (m_state == State::Closing)
        return;
    // What was queued for the client is of no use to it now; the error is the last it reads.
    m_queue.clear();
    m_queuedBytes = m_queuedNotificationBytes = 0;
    send(encodeFrame(Message::protocolError(error)), false);
    m_state = State::Closing;
    m_frameTimer.stop();
    m_timer.start(kClosingMs);
    pump();
}

void Session::send(const QByteArray &frame, bool notification)
{
    m_queue.push_back({frame, notification});
    m_queuedBytes += frame.size();
    if (notification)
        m_queuedNotificationBytes += frame.size();
    pump();
}

void Session::pump()
{
    if (m_finished)
        return;
    while (!m_queue.empty() && m_socket->bytesToWrite() < kSocketWindow) {
        Frame frame = std::move(m_queue.front());
        m_queue.pop_front();
        m_queuedBytes -= frame.bytes.size();
        if (frame.notification)
            m_queuedNotificationBytes -= frame.bytes.size();
        if (m_socket->write(frame.bytes) != frame.bytes.size()) {
            m_socket->abort();
            finish();
            return;
        }
    }
    // What the socket holds goes to the kernel now, not on the event loop's next round: a
    // notification reaches its subscriber while the service is busy.
    if (m_socket->bytesToWrite() > 0)
        m_socket->flush();
    if (m_state == State::Closing) {
        if (m_queue.empty())
            m_socket->disconnectFromServer(); // after what is written has gone
        return;
    }
    // Room again: requests that waited are read now.
    if (m_queuedBytes < m_limits.backlogBytes
        && (m_decoder.buffered() > 0 || m_socket->bytesAvailable() > 0))
        QMetaObject::invokeMethod(this, &Session::onReadyRead, Qt::QueuedConnection);
}

void Session::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_state = State::Closing;
    m_timer.stop();
    m_frameTimer.stop();
    Q_EMIT closed(this);
    deleteLater();
}

} // namespace Pop3Connector::Control

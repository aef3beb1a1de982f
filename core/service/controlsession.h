#pragma once

#include "service/controlpeer.h"
#include "service/controlprotocol.h"

#include <QCborMap>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>

class QLocalSocket;

namespace Pop3Connector::Control {

// One client's connection to the service (docs/control-protocol.md), a state machine stepped by
// one function per message: the client's hello first (answered with the service's), then
// requests, which the server's owner answers in any order through reply() and fail(), and
// notifications on the topics the client subscribed to. Anything else ends the connection after
// a protocol error.
//
// Nothing a client does makes the service buffer without bound: what is sent waits in a queue
// that the socket takes from as the client reads; while replies wait beyond the backlog, no
// further request is read (the client's own writes then stall), and a client whose unread
// notifications pass the backlog is dropped (dropped()), never waited for. Lives on the
// service's thread.
class Session : public QObject
{
    Q_OBJECT
public:
    enum class State { AwaitingHello, Ready, Closing };

    struct Limits
    {
        qint64 backlogBytes = 8 * 1024 * 1024;
        int helloTimeoutMs = 10000;
        // A frame begun must be whole within this: a client cannot hold a buffer by sending
        // half of one.
        int frameTimeoutMs = 30000;
    };

    // Takes `socket`. `serviceHello`: the body of the service's hello.
    Session(QLocalSocket *socket, Peer peer, Limits limits, QCborMap serviceHello,
        QObject *parent = nullptr);
    ~Session() override;

    const Peer &peer() const { return m_peer; }
    State state() const { return m_state; }
    // The client's hello body (`client`: its name and version).
    const QCborMap &clientHello() const { return m_clientHello; }

    bool isSubscribed(const QString &topic) const { return m_topics.contains(topic); }
    void subscribe(const QStringList &topics);

    void reply(quint64 id, const QCborMap &result = {});
    void fail(quint64 id, const Pop3Connector::Error &error);
    // Queues an encoded notification frame (encoded once for every subscriber).
    void notify(const QByteArray &frame);
    // Sends a protocol error, then closes.
    void closeWithError(const Pop3Connector::Error &error);
    // Bytes waiting to be taken by the socket.
    qint64 queuedBytes() const { return m_queuedBytes; }

Q_SIGNALS:
    void requested(
        Pop3Connector::Control::Session *session, const Pop3Connector::Control::Message &request);
    void subscriptionsChanged();
    // The client did not read its notifications; the connection is being dropped.
    void dropped(Pop3Connector::Control::Session *session, qint64 unreadBytes);
    // The connection is gone; the session deletes itself after this.
    void closed(Pop3Connector::Control::Session *session);

private:
    struct Frame
    {
        QByteArray bytes;
        bool notification = false;
    };

    void onReadyRead();
    void step(const Message &message);
    void send(const QByteArray &frame, bool notification);
    void pump();
    void finish();

    QLocalSocket *m_socket;
    Peer m_peer;
    Limits m_limits;
    QCborMap m_serviceHello;
    QCborMap m_clientHello;
    State m_state = State::AwaitingHello;
    FrameDecoder m_decoder {kMaxClientFrame};
    QSet<QString> m_topics;
    std::deque<Frame> m_queue;
    qint64 m_queuedBytes = 0;
    qint64 m_queuedNotificationBytes = 0;
    QTimer m_timer; // the hello's deadline, then the closing's
    QTimer m_frameTimer; // the deadline of a frame begun
    bool m_finished = false;
};

} // namespace Pop3Connector::Control

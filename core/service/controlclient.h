#pragma once

#include "base/result.h"
#include "events/event.h"
#include "events/reports.h"
#include "service/controlmessages.h"
#include "service/controlprotocol.h"
#include "spool/spoolmonitor.h" // SpoolFolder as a signal argument

#include <QCborMap>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>

class QLocalSocket;

namespace Pop3Connector::Control {

// A client of the service's control channel (docs/control-protocol.md), for the manager and
// pop3connectorctl: connects to the socket, exchanges hellos, sends requests and hands each
// reply to its callback, and passes on the notifications of the topics it subscribed to, raw
// (notified()) and typed (eventReceived() ...). Asynchronous throughout: no call waits, so the
// manager drives it from its UI thread. After a lost connection it can connect again by itself
// and subscribe again to what it had subscribed to.
//
//     Client client(QStringLiteral("pop3connector 0.2"));
//     connect(&client, &Client::eventReceived, view, &EventView::append);
//     client.connectToService(socketPath(configuration));
//     client.subscribe(Topic::all(), view, {}, 500); // with the last 500 events
//     client.request(Method::Status, {}, view, [view](const Result<QCborMap> &status) { ... });
class Client : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Ready };
    // A reply's result, or its error: the service's (with its code and sentence), or the
    // client's own when the connection is lost (Io) or the reply is late (Cancelled).
    using Reply = std::function<void(const Pop3Connector::Result<QCborMap> &result)>;
    static constexpr int kDefaultTimeoutMs = 30000;
    static constexpr int kNoTimeout = -1;
    // The longest the client handles messages at once before letting its thread do other work.
    static constexpr int kSliceMs = 8;

    // `name`: the client's name and version, for the service's hello and its events.
    explicit Client(QString name, QObject *parent = nullptr);
    ~Client() override;

    // Connects and says hello; connected() follows, or disconnected() with why not (NotFound:
    // no service answers; PermissionDenied: this user may not use it).
    void connectToService(const QString &socketPath);
    // Closes the connection; requests still open fail (Cancelled), and no reconnection follows.
    void disconnectFromService();
    // After a lost connection, tries again every `intervalMs` (0, the default: never).
    void setReconnectInterval(int intervalMs) { m_reconnectMs = intervalMs; }

    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    QString socketPath() const { return m_path; }
    // The service's hello: `service`, `version`, `pid`, `user`, `protocol`.
    const QCborMap &serviceHello() const { return m_serviceHello; }

    // Sends a request (waiting for the hello if it is still under way) and returns its id.
    // `done` runs once, in this object's thread, unless `context` is gone by then.
    quint64 request(const QString &method, const QCborMap &params, QObject *context, Reply done,
        int timeoutMs = kDefaultTimeoutMs);
    // `done` will not run for this request.
    void forget(quint64 id);
    // Subscribes to `topics`, now and after every reconnection. With `history`, the reply's
    // `events` holds that many of the most recent events, none of which is also notified.
    void subscribe(
        const QStringList &topics, QObject *context = nullptr, Reply done = {}, int history = 0);

Q_SIGNALS:
    void connected();
    void disconnected(const Pop3Connector::Error &reason);
    void notified(const QString &topic, const QCborMap &body);
    void eventReceived(const Pop3Connector::Event &event);
    void progressReceived(const Pop3Connector::MailboxProgress &progress);
    // `stage`: "download", "transfer" or "dispatch".
    void stageChanged(const QString &stage, bool active);
    void cycleStarted(quint64 cycle);
    void cycleFinished(const Pop3Connector::Control::CycleOutcome &cycle);
    void folderChanged(Pop3Connector::SpoolFolder folder, int count);

private:
    struct Pending
    {
        QString method;
        QCborMap params;
        QPointer<QObject> context;
        bool hasContext = false;
        Reply done;
        QTimer *timer = nullptr;
        bool sent = false;
    };

    void onConnected();
    void onReadyRead();
    void onSocketGone(const Pop3Connector::Error &reason);
    void step(const Message &message);
    void send(quint64 id, Pending &pending);
    void finish(quint64 id, const Pop3Connector::Result<QCborMap> &result);
    void dispatchNotification(const Message &message);
    void failAll(const Pop3Connector::Error &error);

    QString m_name;
    QString m_path;
    QLocalSocket *m_socket = nullptr;
    State m_state = State::Disconnected;
    FrameDecoder m_decoder {kMaxServiceFrame};
    QCborMap m_serviceHello;
    quint64 m_nextId = 1;
    QHash<quint64, Pending> m_pending;
    QList<quint64> m_order; // requests waiting for the hello, in the order asked
    QStringList m_topics;
    QTimer m_helloTimer;
    QTimer m_reconnect;
    int m_reconnectMs = 0;
    bool m_closing = false;
    bool m_resumeQueued = false; // onReadyRead() will go on where a slice ended
};

} // namespace Pop3Connector::Control

#pragma once

#include "base/result.h"
#include "service/controlpeer.h"
#include "service/controlsession.h"

#include <QCborMap>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>

class QLocalServer;

namespace Pop3Connector::Control {

// The service's end of the control channel (docs/control-protocol.md): a Unix domain socket
// that only the service's user and its administrators' group can reach, and behind it a check of
// each peer's kernel credentials. An authorised peer gets a Session; anyone else a protocol error
// saying why, and nothing more is read from it (peerRefused()). Notifications go to the sessions
// subscribed to their topic, encoded once. Lives on the service's thread.
class Server : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QString path;
        AccessPolicy policy;
        QString groupName; // the administrators' group, for the socket file and for sentences
        Session::Limits limits;
        QCborMap hello; // the body of the service's hello
        int maxSessions = 512;
    };

    explicit Server(QObject *parent = nullptr);
    ~Server() override;

    // Creates the socket (its folder too, 0700, if missing): mode 0660 with the administrators'
    // group where that group exists, else 0600. A socket left by a service that is gone is
    // replaced; one where a service answers is not (AlreadyExists).
    [[nodiscard]] Status listen(const Settings &settings);
    // Stops listening, removes the socket and ends every session.
    void close();
    QString path() const { return m_settings.path; }

    // Sends a notification to each session subscribed to `topic`.
    void notify(const QString &topic, const QCborMap &body);
    bool hasSubscribers(const QString &topic) const;
    QList<Session *> sessions() const { return m_sessions; }

Q_SIGNALS:
    void requested(
        Pop3Connector::Control::Session *session, const Pop3Connector::Control::Message &request);
    // A peer that may not use the service connected. Told at most once a minute for each user.
    void peerRefused(const Pop3Connector::Control::Peer &peer);
    // A session that did not read its notifications was dropped.
    void sessionDropped(const Pop3Connector::Control::Peer &peer, qint64 unreadBytes);
    void subscriptionsChanged();

private:
    void onNewConnection();
    void refuse(QLocalSocket *socket, const Error &error);

    Settings m_settings;
    QLocalServer *m_server = nullptr;
    QList<Session *> m_sessions;
    QHash<uid_t, QDateTime> m_lastRefusal;
};

} // namespace Pop3Connector::Control

Q_DECLARE_METATYPE(Pop3Connector::Control::Peer)

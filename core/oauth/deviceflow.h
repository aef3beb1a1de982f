#pragma once

#include "oauth/tokenclient.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace Pop3Connector {

// The device authorization grant (RFC 8628), for a server without a browser: asks for a code,
// tells it (codeIssued), then polls the token endpoint at the interval the provider set until
// the user has signed in elsewhere, refused, or the code expired.
class DeviceFlow : public QObject
{
    Q_OBJECT
public:
    explicit DeviceFlow(OAuthClient client, QObject *parent = nullptr);

    void start();
    // Stops polling; finished() is not emitted.
    void cancel();

Q_SIGNALS:
    // What the user is to do: open `address` and enter `userCode` (`complete`, when the provider
    // gives one, already holds the code).
    void codeIssued(const QString &userCode, const QUrl &address, const QUrl &complete);
    // The tokens (reply.ok()), or why not: access_denied, expired_token, a failed request.
    void finished(const Pop3Connector::TokenReply &reply);

private:
    enum class State { Idle, Requesting, Polling, Finished };

    void poll();
    void onPolled(const TokenReply &reply);
    void finish(const TokenReply &reply);

    TokenClient m_client;
    State m_state = State::Idle;
    QByteArray m_deviceCode;
    int m_intervalMs = 5000;
    qint64 m_expiresMs = 0;
    QElapsedTimer m_age;
    QTimer m_timer {this};
};

} // namespace Pop3Connector

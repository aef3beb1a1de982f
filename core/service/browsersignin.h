#pragma once

#include "base/result.h"
#include "config/configuration.h"
#include "oauth/authorizationcodeflow.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

namespace Pop3Connector {

namespace Control {
class Client;
}

// What the manager's "Sign in…" and "Sign in again" buttons start: the browser flow
// (AuthorizationCodeFlow, PKCE and a loopback redirect on 127.0.0.1) for a mailbox or the
// delivery login, then the refresh token handed to the running service over the control channel
// (storeSignIn), so that it never passes through the manager's files. The caller opens the
// address browserWanted() gives (QDesktopServices::openUrl), then hears signedIn() or failed().
class BrowserSignIn : public QObject
{
    Q_OBJECT
public:
    // `name`: a mailbox's, or "delivery" for the delivery login (its [delivery] oauth_ keys).
    BrowserSignIn(const Configuration &configuration, QString name, Control::Client *service,
        QObject *parent = nullptr);

    // Listens on 127.0.0.1 and emits browserWanted(); an error when `name` does not sign in with
    // OAuth, names no authorization endpoint, or no port is free.
    [[nodiscard]] Status start();
    void cancel();

Q_SIGNALS:
    void browserWanted(const QUrl &url);
    // The service stored the sign-in.
    void signedIn();
    // Why not: the provider's words (PermissionDenied), the service's error.
    void failed(const Pop3Connector::Error &error);

private:
    void onTokens(const TokenReply &reply);

    QString m_name;
    bool m_oauth = false;
    QPointer<Control::Client> m_service;
    AuthorizationCodeFlow *m_flow = nullptr;
};

} // namespace Pop3Connector

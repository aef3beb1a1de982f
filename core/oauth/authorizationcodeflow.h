#pragma once

#include "base/result.h"
#include "oauth/tokenclient.h"

#include <QObject>

class QTcpServer;
class QTcpSocket;

namespace Pop3Connector {

// Sign-in in the system browser (RFC 8252): the authorization code grant with PKCE (RFC 7636)
// and a one-time listener on 127.0.0.1 for the redirect. The caller opens the address
// browserWanted() gives (the manager's "Sign in…" button: QDesktopServices); the listener
// takes the first request that carries our state, answers the browser with a short page, and
// trades the code for the tokens. No widgets here.
class AuthorizationCodeFlow : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kMaxRequest = 8 * 1024;

    // `loginHint`: the mailbox's user, to fill in the provider's sign-in page.
    AuthorizationCodeFlow(OAuthClient client, QString loginHint, QObject *parent = nullptr);
    ~AuthorizationCodeFlow() override;

    // Starts listening and emits browserWanted(). Errors: Io (no port on 127.0.0.1),
    // InvalidInput (no authorization endpoint).
    [[nodiscard]] Status start();
    // Stops listening; finished() is not emitted.
    void cancel();
    // Where the browser is sent back: http://127.0.0.1:PORT/ once started.
    QString redirectUri() const;

Q_SIGNALS:
    void browserWanted(const QUrl &url);
    // The tokens (reply.ok()), or why not: the provider's error (access_denied ...), the
    // token endpoint's.
    void finished(const Pop3Connector::TokenReply &reply);

private:
    enum class State { Idle, Listening, Exchanging, Finished };

    void onConnection();
    void onReadable(QTcpSocket *socket);
    void answerBrowser(QTcpSocket *socket, bool signedIn);
    void finish(const TokenReply &reply);

    TokenClient m_client;
    QString m_loginHint;
    State m_state = State::Idle;
    QTcpServer *m_server = nullptr;
    QString m_redirectUri;
    QByteArray m_verifier;
    QByteArray m_expectedState; // RFC 6749 §10.12
};

} // namespace Pop3Connector

#include "oauth/authorizationcodeflow.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

namespace Pop3Connector {

AuthorizationCodeFlow::AuthorizationCodeFlow(OAuthClient client, QString loginHint, QObject *parent)
    : QObject(parent)
    , m_client(std::move(client))
    , m_loginHint(std::move(loginHint))
{
    m_client.setParent(this);
}

AuthorizationCodeFlow::~AuthorizationCodeFlow()
{
    m_verifier.fill('\0');
}

Status AuthorizationCodeFlow::start()
{
    Q_ASSERT(m_state == State::Idle);
    const QUrl endpoint = m_client.client().authorizationUrl;
    if (!endpoint.isValid() || endpoint.isRelative()) {
        return Error {ErrorCode::InvalidInput,
            tr("the mailbox names no authorization endpoint (oauth_authorization_url)")};
    }
    m_server = new QTcpServer(this);
    // RFC 8252 §7.3: the loopback address itself, not "localhost", and any free port.
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        return Error {ErrorCode::Io,
            tr("no port on 127.0.0.1 for the sign-in's answer: %1").arg(m_server->errorString())};
    }
    connect(m_server, &QTcpServer::newConnection, this, &AuthorizationCodeFlow::onConnection);
    m_state = State::Listening;
    m_redirectUri = QStringLiteral("http://127.0.0.1:%1/").arg(m_server->serverPort());
    m_verifier = makeCodeVerifier();
    m_expectedState = makeState();
    const OAuthClient &c = m_client.client();
    Q_EMIT browserWanted(authorizationUrl({endpoint, c.clientId, redirectUri(), c.scopes,
        m_expectedState, codeChallengeS256(m_verifier), m_loginHint}));
    return {};
}

void AuthorizationCodeFlow::cancel()
{
    m_state = State::Finished;
    if (m_server)
        m_server->close();
}

QString AuthorizationCodeFlow::redirectUri() const
{
    return m_redirectUri;
}

void AuthorizationCodeFlow::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
    }
}

// The request line is all that is read: the browser's headers do not matter, and a request
// that does not end its line within kMaxRequest is dropped.
void AuthorizationCodeFlow::onReadable(QTcpSocket *socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > kMaxRequest)
            socket->abort();
        return;
    }
    const QByteArray line = socket->readLine(kMaxRequest).trimmed();
    if (m_state != State::Listening) {
        answerBrowser(socket, false);
        return;
    }
    const AuthorizationResponse answer = parseRedirectRequest(line, m_expectedState);
    // Another page's request (a favicon, a stray visit) leaves the listener waiting.
    if (answer.error == u"state_mismatch" || answer.error == u"malformed_request") {
        socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
        return;
    }
    m_server->close();
    answerBrowser(socket, answer.error.isEmpty());
    if (!answer.error.isEmpty()) {
        TokenReply r;
        r.error = answer.error;
        r.description = answer.description;
        finish(r);
        return;
    }
    m_state = State::Exchanging;
    m_client.exchangeCode(answer.code, m_verifier, m_redirectUri, [this](const TokenReply &reply) {
        if (m_state == State::Exchanging)
            finish(reply);
    });
}

void AuthorizationCodeFlow::answerBrowser(QTcpSocket *socket, bool signedIn)
{
    const QByteArray page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
        + tr("POP3 Connector").toUtf8() + "</title></head><body><p>"
        + (signedIn ? tr("Signed in. You can close this window and return to POP3 Connector.")
                    : tr("The sign-in did not complete. Close this window and see POP3 "
                         "Connector for the reason."))
              .toHtmlEscaped()
              .toUtf8()
        + "</p></body></html>";
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
        + QByteArray::number(page.size()) + "\r\nConnection: close\r\n\r\n" + page);
    socket->disconnectFromHost();
}

void AuthorizationCodeFlow::finish(const TokenReply &reply)
{
    m_state = State::Finished;
    m_verifier.fill('\0');
    Q_EMIT finished(reply);
}

} // namespace Pop3Connector

#include "fakeoauthprovider.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

namespace {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray response(int status, const QByteArray &body, const QByteArray &extraHeaders = {})
{
    const QByteArray reason = status == 200 ? "OK"
        : status == 302                     ? "Found"
        : status == 503                     ? "Service Unavailable"
                                            : "Bad Request";
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body;
}

QByteArray oauthError(const QString &error, const QString &description = {})
{
    QJsonObject o {{QStringLiteral("error"), error}};
    if (!description.isEmpty())
        o.insert(QStringLiteral("error_description"), description);
    return response(400, json(o));
}

QHash<QString, QString> formOf(const QByteArray &text)
{
    QHash<QString, QString> form;
    for (const QByteArray &pair : text.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        if (eq < 0)
            continue;
        QByteArray value = pair.mid(eq + 1);
        value.replace('+', ' ');
        form.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(pair.left(eq))),
            QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return form;
}

} // namespace

FakeOAuthProvider::FakeOAuthProvider(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeOAuthProvider::onConnection);
}

FakeOAuthProvider::~FakeOAuthProvider() = default;

QString FakeOAuthProvider::start()
{
    if (!m_server->listen(QHostAddress::LocalHost, 0))
        return m_server->errorString();
    return {};
}

Pop3Connector::MailboxSettings FakeOAuthProvider::mailbox(const QString &name, const QString &user,
    quint16 pop3Port, Pop3Connector::AuthMethod auth) const
{
    Pop3Connector::MailboxSettings m;
    m.name = name;
    m.host = QStringLiteral("127.0.0.1");
    m.port = pop3Port;
    m.security = Pop3Connector::Pop3Security::None;
    m.auth = auth;
    m.user = user;
    m.oauthClientId = clientId;
    m.oauthAuthorizationUrl = url(QStringLiteral("/authorize"));
    m.oauthTokenUrl = url(QStringLiteral("/token"));
    m.oauthDeviceUrl = url(QStringLiteral("/device"));
    m.oauthScopes = QStringLiteral("pop offline_access");
    return m;
}

QString FakeOAuthProvider::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->serverPort()).arg(path);
}

QByteArray FakeOAuthProvider::signIn(const QString &user)
{
    const int serial = ++m_serial;
    const QByteArray token = "rt-" + QByteArray::number(serial) + "-"
        + QCryptographicHash::hash(
            QByteArray::number(serial) + user.toUtf8(), QCryptographicHash::Sha1)
              .toHex()
              .left(16);
    m_refresh.insert(token, user);
    m_issued.append(token);
    return token;
}

void FakeOAuthProvider::revoke(const QByteArray &refreshToken)
{
    const QString user = m_refresh.take(refreshToken);
    for (auto it = m_access.begin(); it != m_access.end();) {
        if (it.value() == user)
            it = m_access.erase(it);
        else
            ++it;
    }
}

void FakeOAuthProvider::expireAccessTokens()
{
    m_access.clear();
}

QList<QByteArray> FakeOAuthProvider::secrets() const
{
    return m_issued;
}

void FakeOAuthProvider::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
    }
}

void FakeOAuthProvider::onReadable(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    qsizetype length = 0;
    for (const QByteArray &line : lines) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    if (buffer.size() < end + 4 + length)
        return;
    const QList<QByteArray> words = lines.first().trimmed().split(' ');
    Request request {words.value(0), words.value(1), buffer.mid(end + 4, length)};
    buffer.clear();
    socket->write(handle(request));
    socket->disconnectFromHost();
}

QByteArray FakeOAuthProvider::handle(const Request &request)
{
    const QUrl target(QString::fromLatin1(request.target));
    const QString path = target.path();
    const QHash<QString, QString> form = formOf(request.body);
    if (request.method == "POST" && path == u"/introspect") {
        // RFC 7662 §2.2, as Dovecot's oauth2 passdb reads it.
        ++introspections;
        const QByteArray token = form.value(QStringLiteral("token")).toUtf8();
        if (!m_access.contains(token))
            return response(200, json({{QStringLiteral("active"), false}}));
        return response(200,
            json({{QStringLiteral("active"), true},
                {QStringLiteral("username"), m_access.value(token)}}));
    }
    if (request.method == "POST" && path == u"/token") {
        if (unavailable) {
            ++refreshRequests;
            return response(503, "<html>Service Unavailable</html>");
        }
        if (form.value(QStringLiteral("client_id")) != clientId)
            return oauthError(QStringLiteral("invalid_client"));
        return token(form);
    }
    if (request.method == "POST" && path == u"/device") {
        if (form.value(QStringLiteral("client_id")) != clientId)
            return oauthError(QStringLiteral("invalid_client"));
        const QByteArray device = "dc-" + QByteArray::number(++m_serial);
        m_devices.insert(device, deviceUser);
        return response(200,
            json({{QStringLiteral("device_code"), QString::fromLatin1(device)},
                {QStringLiteral("user_code"), QStringLiteral("WDJB-MJHT")},
                {QStringLiteral("verification_uri"), url(QStringLiteral("/device"))},
                {QStringLiteral("expires_in"), 600}, {QStringLiteral("interval"), 1}}));
    }
    if (request.method == "GET" && path == u"/authorize") {
        // The user signs in at once; the browser goes back to the client's loopback address.
        const QUrlQuery q(target);
        const auto value = [&q](const char *key) {
            return q.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
        };
        if (value("client_id") != clientId || value("code_challenge_method") != u"S256")
            return oauthError(QStringLiteral("invalid_request"));
        const QByteArray code = "code-" + QByteArray::number(++m_serial);
        m_codes.insert(code, {deviceUser, value("code_challenge").toLatin1()});
        QUrl back(value("redirect_uri"));
        QUrlQuery answer;
        answer.addQueryItem(QStringLiteral("code"), QString::fromLatin1(code));
        answer.addQueryItem(QStringLiteral("state"), value("state"));
        back.setQuery(answer);
        return response(302, {}, "Location: " + back.toEncoded() + "\r\n");
    }
    return response(404, {});
}

QByteArray FakeOAuthProvider::token(const QHash<QString, QString> &form)
{
    const QString grant = form.value(QStringLiteral("grant_type"));
    if (grant == u"refresh_token") {
        ++refreshRequests;
        const QByteArray refresh = form.value(QStringLiteral("refresh_token")).toUtf8();
        if (!m_refresh.contains(refresh)) {
            return oauthError(QStringLiteral("invalid_grant"),
                QStringLiteral("AADSTS50173: The provided grant has expired due to it being "
                               "revoked."));
        }
        const QString user = m_refresh.value(refresh);
        QByteArray next;
        if (rotateRefreshTokens) {
            m_refresh.remove(refresh);
            next = signIn(user);
        }
        return issue(user, next);
    }
    if (grant == u"authorization_code") {
        const QByteArray code = form.value(QStringLiteral("code")).toUtf8();
        const auto [user, challenge] = m_codes.take(code);
        lastCodeVerifier = form.value(QStringLiteral("code_verifier")).toLatin1();
        const QByteArray expected =
            QCryptographicHash::hash(lastCodeVerifier, QCryptographicHash::Sha256)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        if (user.isEmpty() || expected != challenge)
            return oauthError(QStringLiteral("invalid_grant"), QStringLiteral("PKCE failed"));
        return issue(user, signIn(user));
    }
    if (grant == u"urn:ietf:params:oauth:grant-type:device_code") {
        ++devicePolls;
        const QByteArray device = form.value(QStringLiteral("device_code")).toUtf8();
        if (!m_devices.contains(device))
            return oauthError(QStringLiteral("expired_token"));
        if (devicePolls <= pendingPolls)
            return oauthError(QStringLiteral("authorization_pending"));
        const QString user = m_devices.take(device);
        return issue(user, signIn(user));
    }
    return oauthError(QStringLiteral("unsupported_grant_type"));
}

QByteArray FakeOAuthProvider::issue(const QString &user, const QByteArray &refreshToken)
{
    const int serial = ++m_serial;
    const QByteArray access = "at-" + QByteArray::number(serial) + "-"
        + QCryptographicHash::hash(QByteArray::number(serial) + "access", QCryptographicHash::Sha1)
              .toHex()
              .left(24);
    m_access.insert(access, user);
    m_issued.append(access);
    QJsonObject o {{QStringLiteral("access_token"), QString::fromLatin1(access)},
        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
        {QStringLiteral("expires_in"), expiresIn}};
    if (!refreshToken.isEmpty())
        o.insert(QStringLiteral("refresh_token"), QString::fromLatin1(refreshToken));
    return response(200, json(o));
}

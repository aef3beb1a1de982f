#include "oauth/oauthmessages.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <algorithm>

namespace Pop3Connector {

namespace {

constexpr qsizetype kMaxBody = 64 * 1024;
constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

// A provider's words for a sentence: printable and short.
QString printable(QString text)
{
    text.truncate(300);
    for (QChar &c : text) {
        if (!c.isPrint())
            c = u'?';
    }
    return text;
}

std::optional<QJsonObject> jsonObject(QByteArrayView body)
{
    if (body.size() > kMaxBody)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

// A number that some providers send as a string ("expires_in": "3599").
qint64 seconds(const QJsonValue &v)
{
    if (v.isDouble())
        return qMax<qint64>(0, v.toInteger());
    bool ok = false;
    const qint64 n = v.toString().toLongLong(&ok);
    return ok ? qMax<qint64>(0, n) : 0;
}

QByteArray randomBase64Url(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    return raw.toBase64(kBase64Url);
}

} // namespace

TokenReply parseTokenReply(QByteArrayView body)
{
    TokenReply r;
    const std::optional<QJsonObject> o = jsonObject(body);
    if (!o) {
        r.error = TokenReply::kMalformed;
        r.description = QCoreApplication::translate(
            "Pop3Connector", "the token endpoint did not answer with a JSON object");
        return r;
    }
    if (const QString error = o->value(QLatin1String("error")).toString(); !error.isEmpty()) {
        r.error = printable(error);
        r.description = printable(o->value(QLatin1String("error_description")).toString());
        return r;
    }
    r.accessToken = o->value(QLatin1String("access_token")).toString().toUtf8();
    const QString type = o->value(QLatin1String("token_type")).toString();
    // RFC 6749 §5.1: the type is case-insensitive; only a bearer token goes into XOAUTH2.
    // RFC 6750 §2.1: a b64token is printable ASCII; a control character would end XOAUTH2's
    // fields early.
    const bool printable = std::all_of(
        r.accessToken.cbegin(), r.accessToken.cend(), [](char c) { return c > 0x20 && c < 0x7f; });
    if (r.accessToken.isEmpty() || type.compare(u"Bearer", Qt::CaseInsensitive) != 0
        || !printable) {
        r = {};
        r.error = TokenReply::kMalformed;
        r.description = QCoreApplication::translate(
            "Pop3Connector", "the token endpoint's answer has no bearer access token");
        return r;
    }
    r.refreshToken = o->value(QLatin1String("refresh_token")).toString().toUtf8();
    r.expiresInSeconds = seconds(o->value(QLatin1String("expires_in")));
    return r;
}

Result<DeviceAuthorization> parseDeviceAuthorization(QByteArrayView body)
{
    const std::optional<QJsonObject> o = jsonObject(body);
    if (!o) {
        return Error {ErrorCode::Protocol,
            QCoreApplication::translate("Pop3Connector",
                "the device authorization endpoint did not answer with a JSON object")};
    }
    if (const QString error = o->value(QLatin1String("error")).toString(); !error.isEmpty()) {
        const QString description = o->value(QLatin1String("error_description")).toString();
        return Error {ErrorCode::Protocol,
            printable(description.isEmpty() ? error : error + QStringLiteral(": ") + description)};
    }
    DeviceAuthorization d;
    d.deviceCode = o->value(QLatin1String("device_code")).toString().toUtf8();
    d.userCode = printable(o->value(QLatin1String("user_code")).toString());
    QString uri = o->value(QLatin1String("verification_uri")).toString();
    if (uri.isEmpty())
        uri = o->value(QLatin1String("verification_url")).toString();
    d.verificationUri = QUrl(uri, QUrl::StrictMode);
    d.verificationUriComplete =
        QUrl(o->value(QLatin1String("verification_uri_complete")).toString(), QUrl::StrictMode);
    d.expiresInSeconds = seconds(o->value(QLatin1String("expires_in")));
    if (const qint64 interval = seconds(o->value(QLatin1String("interval"))); interval > 0)
        d.intervalSeconds = int(qMin<qint64>(interval, 300));
    const auto isWeb = [](const QUrl &u) {
        return u.isValid() && (u.scheme() == u"https" || u.scheme() == u"http");
    };
    if (d.deviceCode.isEmpty() || d.userCode.isEmpty() || !isWeb(d.verificationUri)
        || d.expiresInSeconds <= 0) {
        return Error {ErrorCode::Protocol,
            QCoreApplication::translate("Pop3Connector",
                "the device authorization endpoint's answer lacks the code or the address")};
    }
    if (!isWeb(d.verificationUriComplete))
        d.verificationUriComplete.clear();
    return d;
}

QByteArray makeCodeVerifier()
{
    return randomBase64Url(32);
}

QByteArray codeChallengeS256(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(kBase64Url);
}

QByteArray makeState()
{
    return randomBase64Url(16);
}

QUrl authorizationUrl(const AuthorizationRequest &request)
{
    QList<std::pair<const char *, QString>> items = {
        {"response_type", QStringLiteral("code")},
        {"client_id", request.clientId},
        {"redirect_uri", request.redirectUri},
        {"scope", request.scopes},
        {"state", QString::fromLatin1(request.state)},
        {"code_challenge", QString::fromLatin1(request.codeChallenge)},
        {"code_challenge_method", QStringLiteral("S256")},
        {"access_type", QStringLiteral("offline")},
        {"prompt", QStringLiteral("consent")},
    };
    if (!request.loginHint.isEmpty())
        items.append({"login_hint", request.loginHint});
    // Every value percent-encoded, so that a '+' or '&' in a scope or a hint stays what it is.
    QByteArray query = request.endpoint.query(QUrl::FullyEncoded).toLatin1();
    for (const auto &[key, value] : items) {
        if (!query.isEmpty())
            query += '&';
        query += QByteArray(key) + '=' + QUrl::toPercentEncoding(value);
    }
    QUrl url = request.endpoint;
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

AuthorizationResponse parseRedirectRequest(QByteArrayView requestLine, QByteArrayView state)
{
    AuthorizationResponse r;
    const QList<QByteArray> words = requestLine.toByteArray().split(' ');
    if (words.size() != 3 || words[0] != "GET" || !words[2].startsWith("HTTP/1.")
        || !words[1].startsWith('/')) {
        r.error = QStringLiteral("malformed_request");
        return r;
    }
    const QUrlQuery q(QUrl::fromEncoded(words[1], QUrl::StrictMode).query(QUrl::FullyEncoded));
    const auto value = [&q](const char *key) {
        return q.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
    };
    // RFC 6749 §10.12: an answer without our state is someone else's, error or not.
    if (state.isEmpty() || value("state").toLatin1() != state) {
        r.error = QStringLiteral("state_mismatch");
        return r;
    }
    if (const QString error = value("error"); !error.isEmpty()) {
        r.error = printable(error);
        r.description = printable(value("error_description"));
        return r;
    }
    r.code = value("code").toUtf8();
    if (r.code.isEmpty())
        r.error = QStringLiteral("malformed_request");
    return r;
}

} // namespace Pop3Connector

#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace Pop3Connector {

// The messages of an OAuth 2.0 sign-in, read and written as pure functions: what a token
// endpoint answers, what a device authorization endpoint answers, the authorization request and
// the redirect that brings its answer back. No network here (TokenClient sends them).

// What a token endpoint answers (RFC 6749 §5.1 and §5.2).
struct TokenReply
{
    QByteArray accessToken;
    QByteArray refreshToken; // empty: the one used stays valid (a provider need not rotate it)
    qint64 expiresInSeconds = 0; // 0: not said
    // Empty on success; else RFC 6749 §5.2's or RFC 8628 §3.5's code ("invalid_grant",
    // "authorization_pending", "slow_down", "access_denied", "expired_token" ...), or one of
    // kMalformed and kUnreachable.
    QString error;
    QString description; // error_description, or what went wrong: printable, for a sentence

    static inline const QString kMalformed = QStringLiteral("malformed_response");
    static inline const QString kUnreachable = QStringLiteral("unreachable");

    bool ok() const { return error.isEmpty(); }
    // The refresh token is withdrawn: only a new sign-in helps.
    bool isInvalidGrant() const { return error == u"invalid_grant"; }
};

// Reads a token endpoint's JSON body, whatever its HTTP status: success needs an access_token of
// token_type Bearer, printable ASCII without spaces; anything else is an error with its code, or
// kMalformed.
TokenReply parseTokenReply(QByteArrayView body);

// What a device authorization endpoint answers (RFC 8628 §3.2).
struct DeviceAuthorization
{
    QByteArray deviceCode;
    QString userCode;
    QUrl verificationUri;
    QUrl verificationUriComplete; // with the code in it; may be empty
    qint64 expiresInSeconds = 0;
    int intervalSeconds = 5; // RFC 8628 §3.2: 5 unless said
};

// Reads it; Google says verification_url where the RFC says verification_uri. Errors: Protocol
// (not such an answer: the endpoint's error text when it gave one).
Result<DeviceAuthorization> parseDeviceAuthorization(QByteArrayView body);

// RFC 7636 PKCE: a code verifier of 43 characters from 32 random bytes, and its S256 challenge.
QByteArray makeCodeVerifier();
QByteArray codeChallengeS256(const QByteArray &verifier);
// An unguessable state for the authorization request (RFC 6749 §10.12).
QByteArray makeState();

// The authorization request (RFC 6749 §4.1.1 with RFC 7636 §4.3): the address the browser opens.
// `loginHint` (the mailbox's user) saves the user from typing it; Google's access_type=offline
// and prompt=consent make it issue a refresh token every time.
struct AuthorizationRequest
{
    QUrl endpoint;
    QString clientId;
    QString redirectUri;
    QString scopes;
    QByteArray state;
    QByteArray codeChallenge;
    QString loginHint;
};
QUrl authorizationUrl(const AuthorizationRequest &request);

// The browser's request to the loopback redirect (RFC 8252 §7.3), its request line
// "GET /?code=...&state=... HTTP/1.1": the code, or the error the provider sent.
struct AuthorizationResponse
{
    QByteArray code;
    QString error; // RFC 6749 §4.1.2.1, or "state_mismatch" / "malformed_request"
    QString description;
};
AuthorizationResponse parseRedirectRequest(QByteArrayView requestLine, QByteArrayView state);

} // namespace Pop3Connector

Q_DECLARE_METATYPE(Pop3Connector::TokenReply)

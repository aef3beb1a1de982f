#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QFlags>
#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <span>

namespace Pop3Connector {

// SASL client mechanisms (RFC 4422) as one table, read by POP3 AUTH (RFC 5034) and SMTP AUTH
// (RFC 4954) alike: a mechanism is a row, and nothing outside sasl.* knows how one answers a
// challenge, so that a new mechanism is a new row. Pure: no socket, and no state but the count
// of challenges answered. APOP and USER/PASS are POP3's own (pop3parser.h, the download stage).

// Where a mechanism is chosen among those a server offers.
enum class SaslProtocol {
    Pop3 = 0x1,
    Smtp = 0x2,
};
Q_DECLARE_FLAGS(SaslProtocols, SaslProtocol)
Q_DECLARE_OPERATORS_FOR_FLAGS(SaslProtocols)

// What a mechanism proves: a password the administrator stored, or an OAuth 2.0 access token
// (RFC 6750) that the service obtained for the account. A password is never offered to a token
// mechanism, nor a token to a password mechanism.
enum class SaslSecret {
    Password,
    Token,
};

// Who logs in, and with what: a password, or for a token mechanism the token. `host` and `port`
// name the server connected to, for mechanisms that tell it (OAUTHBEARER); empty: not told.
struct SaslCredentials
{
    QByteArray user;
    QByteArray secret;
    QByteArray host = {};
    quint16 port = 0;
};

// A mechanism's answer to one challenge, before base64.
struct SaslAnswer
{
    QByteArray bytes;
    bool masked = true; // the transcript shows "********" in its place
};

struct SaslMechanism
{
    QByteArrayView name; // as servers list it (CAPA SASL, EHLO AUTH), upper-case
    int strength; // among those offered, the highest is chosen
    bool revealsPassword; // the secret itself crosses the wire; base64 hides nothing
    SaslProtocols protocols; // where it is chosen among those offered
    SaslSecret secret; // what it proves: only mechanisms of the secret at hand are chosen
    // The answer to challenge number `step` (0 for the first); challenge and answer decoded.
    SaslAnswer (*respond)(const SaslCredentials &credentials, int step, QByteArrayView challenge);
};

// Every mechanism the connector speaks.
std::span<const SaslMechanism> saslMechanisms();
// The mechanism called `name` (in any case), or nullptr.
const SaslMechanism *saslMechanism(QByteArrayView name);
// The strongest of `offered` (names in any case) that `protocol` chooses for a `secret`, or
// nullptr.
const SaslMechanism *strongestSaslMechanism(const QList<QByteArray> &offered, SaslProtocol protocol,
    SaslSecret secret = SaslSecret::Password);
// The names `protocol` chooses among for a `secret`, strongest first, for a sentence:
// "PLAIN, LOGIN".
QString saslMechanismNames(SaslProtocol protocol, SaslSecret secret = SaslSecret::Password);

// The JSON a server sends as its last challenge when it refuses an OAuth 2.0 token (RFC 7628
// §3.2.2; Google's and Microsoft's XOAUTH2 send the same object): the status (RFC 6750 §3.1's
// "invalid_token", or Google's HTTP-like "401": the token is invalid or expired; "400" or
// "invalid_request": the request was malformed; "403" or "insufficient_scope": the token lacks
// the scope), the schemes and the scope the server wants. The mechanism answers it with the message
// that ends the exchange (an empty one, or RFC 7628's %x01), and the server then fails the AUTH.
struct OAuthChallenge
{
    QString status;
    QString schemes;
    QString scope;
    QString openidConfiguration;
};
// Reads such a challenge (decoded from base64); nothing when it is not a JSON object of at most
// 4 KB. The fields are printable text of at most 200 characters each, so that a server's words
// can go into a sentence.
std::optional<OAuthChallenge> parseOAuthChallenge(QByteArrayView json);

// What goes on the wire for one challenge, and what the transcript shows of it.
struct SaslResponse
{
    QByteArray line; // base64, without CRLF
    QByteArray transcriptLine;
};

// Answers a server's challenges during AUTH; the challenge is the base64 text of the
// continuation line.
using SaslContinuation = std::function<SaslResponse(const QByteArray &base64Challenge)>;

// One exchange (RFC 4954 §4, RFC 5034 §4): the command that starts it, then each base64
// challenge answered in turn. A callable, so that it can be a session request's continuation.
class SaslExchange
{
public:
    SaslExchange(const SaslMechanism &mechanism, SaslCredentials credentials);

    // "AUTH PLAIN": the same command in both protocols.
    QByteArray command() const;
    SaslResponse operator()(const QByteArray &base64Challenge);

private:
    const SaslMechanism *m_mechanism;
    SaslCredentials m_credentials;
    int m_step = 0;
};

} // namespace Pop3Connector

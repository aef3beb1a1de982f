#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QFlags>
#include <QList>
#include <QString>

#include <functional>
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

// Who logs in, and with what: a password, or for a token mechanism the token.
struct SaslCredentials
{
    QByteArray user;
    QByteArray secret;
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
    // The answer to challenge number `step` (0 for the first); challenge and answer decoded.
    SaslAnswer (*respond)(const SaslCredentials &credentials, int step, QByteArrayView challenge);
};

// Every mechanism the connector speaks.
std::span<const SaslMechanism> saslMechanisms();
// The mechanism called `name` (in any case), or nullptr.
const SaslMechanism *saslMechanism(QByteArrayView name);
// The strongest of `offered` (names in any case) that `protocol` chooses, or nullptr.
const SaslMechanism *strongestSaslMechanism(
    const QList<QByteArray> &offered, SaslProtocol protocol);
// The names `protocol` chooses among, strongest first, for a sentence: "PLAIN, LOGIN".
QString saslMechanismNames(SaslProtocol protocol);

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

#include "protocol/sasl.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QStringList>

#include <algorithm>
#include <array>
#include <vector>

namespace Pop3Connector {

namespace {

// RFC 4616 §2: authzid NUL authcid NUL passwd, with no authzid: act as the user who logs in.
// A server that asks again gets the same message.
SaslAnswer plain(const SaslCredentials &credentials, int, QByteArrayView)
{
    QByteArray message;
    message.reserve(credentials.user.size() + credentials.secret.size() + 2);
    message.append('\0').append(credentials.user).append('\0').append(credentials.secret);
    return {message};
}

// draft-murchison-sasl-login: the user name, then the password (to any further prompt too).
// The prompts are free text ("Username:", "Password:"), so they are not read. Both answers are
// masked: a transcript shows that a login took place, not with what.
SaslAnswer login(const SaslCredentials &credentials, int step, QByteArrayView)
{
    return {step == 0 ? credentials.user : credentials.secret};
}

// RFC 2195 §2: the user name, a space, and the HMAC-MD5 of the challenge keyed with the password
// in lower-case hex. The password never crosses the wire; the digest is masked all the same, as
// it opens the password to a dictionary search.
SaslAnswer cramMd5(const SaslCredentials &credentials, int, QByteArrayView challenge)
{
    const QByteArray digest = QMessageAuthenticationCode::hash(
        challenge.toByteArray(), credentials.secret, QCryptographicHash::Md5)
                                  .toHex();
    return {credentials.user + ' ' + digest};
}

// Google's and Microsoft's XOAUTH2 ("The SASL XOAUTH2 Mechanism", developers.google.com):
// "user=" user ^A "auth=Bearer " token ^A ^A. A server that refuses the token sends a JSON
// challenge (parseOAuthChallenge()); the client answers it with an empty response, and the
// server then fails the AUTH. The token is masked like a password; the empty answer is not.
SaslAnswer xoauth2(const SaslCredentials &credentials, int step, QByteArrayView)
{
    if (step > 0)
        return {QByteArray(), false};
    return {"user=" + credentials.user
        + "\x01"
          "auth=Bearer "
        + credentials.secret + "\x01\x01"};
}

// RFC 5801 §4 saslname: ',' and '=' are written =2C and =3D.
QByteArray saslName(const QByteArray &name)
{
    QByteArray out;
    for (const char c : name) {
        if (c == ',')
            out += "=2C";
        else if (c == '=')
            out += "=3D";
        else
            out += c;
    }
    return out;
}

// RFC 7628 §3.1: the GS2 header (no channel binding, the user as authzid), then key=value pairs
// each ended by ^A (host and port, when known, then auth), and a last ^A. §3.2.3: to the server's
// error challenge the client answers a single ^A, and the server then fails the AUTH.
SaslAnswer oauthBearer(const SaslCredentials &credentials, int step, QByteArrayView)
{
    if (step > 0)
        return {QByteArray("\x01"), false};
    QByteArray message = "n,a=" + saslName(credentials.user) + ",\x01";
    if (!credentials.host.isEmpty()) {
        message += "host=" + credentials.host + '\x01';
        if (credentials.port != 0)
            message += "port=" + QByteArray::number(credentials.port) + '\x01';
    }
    message += "auth=Bearer " + credentials.secret + "\x01\x01";
    return {message};
}

// SMTP delivery chooses only PLAIN and LOGIN among password mechanisms: an office server may
// list CRAM-MD5 and still be unable to check it, since CRAM-MD5 needs every password stored in
// clear on the server. The token mechanisms are chosen by the configuration (auth = xoauth2 or
// oauthbearer), never for a password; OAUTHBEARER, the standard one, first when both are offered.
constexpr std::array kMechanisms {
    SaslMechanism {"CRAM-MD5", 30, false, SaslProtocol::Pop3, SaslSecret::Password, cramMd5},
    SaslMechanism {
        "PLAIN", 20, true, SaslProtocol::Pop3 | SaslProtocol::Smtp, SaslSecret::Password, plain},
    SaslMechanism {
        "LOGIN", 10, true, SaslProtocol::Pop3 | SaslProtocol::Smtp, SaslSecret::Password, login},
    SaslMechanism {"OAUTHBEARER", 20, true, SaslProtocol::Pop3 | SaslProtocol::Smtp,
        SaslSecret::Token, oauthBearer},
    SaslMechanism {
        "XOAUTH2", 10, true, SaslProtocol::Pop3 | SaslProtocol::Smtp, SaslSecret::Token, xoauth2},
};

// A server's word, fit for a sentence: printable, and short.
QString printableField(const QJsonValue &value)
{
    QString text = value.isDouble() ? QString::number(value.toInteger()) : value.toString();
    text.truncate(200);
    for (QChar &c : text) {
        if (!c.isPrint())
            c = u'?';
    }
    return text;
}

} // namespace

std::span<const SaslMechanism> saslMechanisms()
{
    return kMechanisms;
}

const SaslMechanism *saslMechanism(QByteArrayView name)
{
    const auto it = std::find_if(kMechanisms.begin(), kMechanisms.end(),
        [name](const SaslMechanism &m) { return m.name.compare(name, Qt::CaseInsensitive) == 0; });
    return it == kMechanisms.end() ? nullptr : &*it;
}

const SaslMechanism *strongestSaslMechanism(
    const QList<QByteArray> &offered, SaslProtocol protocol, SaslSecret secret)
{
    const SaslMechanism *best = nullptr;
    for (const QByteArray &name : offered) {
        const SaslMechanism *m = saslMechanism(name);
        if (m && m->protocols.testFlag(protocol) && m->secret == secret
            && (!best || m->strength > best->strength))
            best = m;
    }
    return best;
}

QString saslMechanismNames(SaslProtocol protocol, SaslSecret secret)
{
    std::vector<const SaslMechanism *> chosen;
    for (const SaslMechanism &m : kMechanisms) {
        if (m.protocols.testFlag(protocol) && m.secret == secret)
            chosen.push_back(&m);
    }
    std::sort(chosen.begin(), chosen.end(),
        [](const SaslMechanism *a, const SaslMechanism *b) { return a->strength > b->strength; });
    QStringList names;
    for (const SaslMechanism *m : chosen)
        names.append(QString::fromLatin1(m->name));
    return names.join(QStringLiteral(", "));
}

std::optional<OAuthChallenge> parseOAuthChallenge(QByteArrayView json)
{
    if (json.size() > 4096)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    return OAuthChallenge {printableField(o.value(QLatin1String("status"))),
        printableField(o.value(QLatin1String("schemes"))),
        printableField(o.value(QLatin1String("scope"))),
        printableField(o.value(QLatin1String("openid-configuration")))};
}

SaslExchange::SaslExchange(const SaslMechanism &mechanism, SaslCredentials credentials)
    : m_mechanism(&mechanism)
    , m_credentials(std::move(credentials))
{ }

QByteArray SaslExchange::command() const
{
    return "AUTH " + m_mechanism->name.toByteArray();
}

SaslResponse SaslExchange::operator()(const QByteArray &base64Challenge)
{
    // Decoded leniently: PLAIN and LOGIN ignore the challenge, and a server that sends a bare
    // "+" or "334" sends none at all.
    const QByteArray challenge = QByteArray::fromBase64(base64Challenge);
    const SaslAnswer answer = m_mechanism->respond(m_credentials, m_step++, challenge);
    const QByteArray line = answer.bytes.toBase64();
    return {line, answer.masked ? QByteArrayLiteral("********") : line};
}

} // namespace Pop3Connector

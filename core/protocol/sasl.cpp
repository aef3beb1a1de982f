#include "protocol/sasl.h"

#include <QCryptographicHash>
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

// SMTP delivery chooses only PLAIN and LOGIN: an office server may list CRAM-MD5 and still be
// unable to check it, since CRAM-MD5 needs every password stored in clear on the server.
constexpr std::array kMechanisms {
    SaslMechanism {"CRAM-MD5", 30, false, SaslProtocol::Pop3, cramMd5},
    SaslMechanism {"PLAIN", 20, true, SaslProtocol::Pop3 | SaslProtocol::Smtp, plain},
    SaslMechanism {"LOGIN", 10, true, SaslProtocol::Pop3 | SaslProtocol::Smtp, login},
};

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

const SaslMechanism *strongestSaslMechanism(const QList<QByteArray> &offered, SaslProtocol protocol)
{
    const SaslMechanism *best = nullptr;
    for (const QByteArray &name : offered) {
        const SaslMechanism *m = saslMechanism(name);
        if (m && m->protocols.testFlag(protocol) && (!best || m->strength > best->strength))
            best = m;
    }
    return best;
}

QString saslMechanismNames(SaslProtocol protocol)
{
    std::vector<const SaslMechanism *> chosen;
    for (const SaslMechanism &m : kMechanisms) {
        if (m.protocols.testFlag(protocol))
            chosen.push_back(&m);
    }
    std::sort(chosen.begin(), chosen.end(),
        [](const SaslMechanism *a, const SaslMechanism *b) { return a->strength > b->strength; });
    QStringList names;
    for (const SaslMechanism *m : chosen)
        names.append(QString::fromLatin1(m->name));
    return names.join(QStringLiteral(", "));
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

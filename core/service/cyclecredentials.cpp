#include "service/cyclecredentials.h"

#include "config/credentials.h"
#include "oauth/tokenbroker.h"

namespace Pop3Connector {

CycleCredentials::CycleCredentials(SecretStore *secrets, TokenBroker *tokens, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_tokens(tokens)
{ }

void CycleCredentials::resolve(const QList<MailboxSettings> &mailboxes, MailboxesDone done)
{
    const int round = ++m_round;
    m_found.clear();
    m_missing.clear();
    m_done = std::move(done);
    m_pending = int(mailboxes.size());
    if (mailboxes.isEmpty()) {
        std::exchange(m_done, {})({}, {});
        return;
    }
    const CredentialResolver passwords(m_secrets);
    for (const MailboxSettings &m : mailboxes) {
        // An answer of a replaced round is dropped.
        auto settled = [this, m, round](const Result<QByteArray> &secret, EventId failure) {
            if (round == m_round)
                settle(m, secret, failure);
        };
        if (m.usesOAuth()) {
            m_tokens->accessToken(
                OAuthAccount::of(m), this, [settled](const Result<QByteArray> &t) {
                    settled(t, t ? EventId::PasswordUnavailable : TokenBroker::eventFor(t.error()));
                });
        } else {
            passwords.resolve(m, this, [settled](const Result<QByteArray> &p) {
                settled(
                    p, p ? EventId::PasswordUnavailable : CredentialResolver::eventFor(p.error()));
            });
        }
    }
}

void CycleCredentials::settle(
    const MailboxSettings &mailbox, const Result<QByteArray> &secret, EventId failure)
{
    if (secret)
        m_found.append({mailbox, *secret});
    else
        m_missing.append({mailbox, failure, secret.error().message});
    if (--m_pending == 0 && m_done)
        std::exchange(m_done, {})(std::exchange(m_found, {}), std::exchange(m_missing, {}));
}

void CycleCredentials::resolve(const DeliverySettings &delivery, DeliveryDone done)
{
    if (delivery.usesOAuth()) {
        m_tokens->accessToken(
            OAuthAccount::of(delivery), this, [done](const Result<QByteArray> &t) {
                done(t, t ? EventId::PasswordUnavailable : TokenBroker::eventFor(t.error()));
            });
        return;
    }
    CredentialResolver(m_secrets).resolve(delivery, this, [done](const Result<QByteArray> &p) {
        done(p, p ? EventId::PasswordUnavailable : CredentialResolver::eventFor(p.error()));
    });
}

} // namespace Pop3Connector

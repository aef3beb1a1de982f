#pragma once

#include "base/result.h"
#include "config/configuration.h"
#include "events/event.h"

#include <QByteArray>
#include <QList>
#include <QObject>

#include <functional>

namespace Pop3Connector {

class SecretStore;
class TokenBroker;

// Finds the secrets a cycle signs in with: each mailbox's password or OAuth 2.0 access token,
// all asked for at once, and the delivery login's. The one place that knows which of the two
// a login uses and which event says why one is missing.
class CycleCredentials : public QObject
{
    Q_OBJECT
public:
    struct Found
    {
        MailboxSettings mailbox;
        QByteArray secret;
    };
    struct Missing
    {
        MailboxSettings mailbox;
        EventId event;
        QString text;
    };
    using MailboxesDone = std::function<void(QList<Found> found, QList<Missing> missing)>;
    using DeliveryDone = std::function<void(const Result<QByteArray> &secret, EventId failure)>;

    CycleCredentials(SecretStore *secrets, TokenBroker *tokens, QObject *parent);

    // `done` runs once, when every mailbox's secret is found or known to be missing (at once
    // for none). A call while one is under way replaces it.
    void resolve(const QList<MailboxSettings> &mailboxes, MailboxesDone done);
    void resolve(const DeliverySettings &delivery, DeliveryDone done);

private:
    void settle(const MailboxSettings &mailbox, const Result<QByteArray> &secret, EventId failure);

    SecretStore *m_secrets;
    TokenBroker *m_tokens;
    int m_round = 0; // of resolve(mailboxes); answers of an earlier round are dropped
    int m_pending = 0;
    QList<Found> m_found;
    QList<Missing> m_missing;
    MailboxesDone m_done;
};

} // namespace Pop3Connector

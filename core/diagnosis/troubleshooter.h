#pragma once

#include "config/configuration.h"
#include "diagnosis/diagnosis.h"

#include <QObject>

#include <optional>

namespace Pop3Connector {

class TokenBroker;

class SecretStore;
struct DeliveryFacts;
struct MailboxFacts;

// Runs every check of docs/troubleshooting.md as the process it runs in sees things (its
// network, its files, its credentials) and collects them into one DiagnosisReport: the
// configuration and the spool at once, then each mailbox step by step and the local mail server,
// all at the same time. Nothing is retrieved, deleted or delivered. Asynchronous, on the
// caller's thread; finished() once.
class Troubleshooter : public QObject
{
    Q_OBJECT
public:
    struct Setup
    {
        Configuration configuration;
        SecretStore *secrets = nullptr;
        bool inService = false;
        QList<Finding> service; // what the caller knows of the service: running, as whom
    };

    explicit Troubleshooter(Setup setup, QObject *parent = nullptr);
    ~Troubleshooter() override;

    // Runs every check; finished() carries the report.
    void start();

Q_SIGNALS:
    void finished(const Pop3Connector::DiagnosisReport &report);

private:
    void checkMailbox(const MailboxSettings &mailbox);
    void checkDelivery();
    void onMailboxProbed(const QString &name, const MailboxFacts &facts);
    void onDeliveryProbed(const DeliveryFacts &facts);
    void oneDone();

    Setup m_setup;
    // The access tokens of mailboxes that sign in with OAuth: a diagnosis renews its own, once.
    TokenBroker *m_tokens;
    int m_timeoutMs;
    DiagnosisReport m_report;
    int m_pending = 0;
    bool m_finished = false;
};

} // namespace Pop3Connector

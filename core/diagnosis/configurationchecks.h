#pragma once

#include "base/result.h"
#include "config/configuration.h"
#include "diagnosis/diagnosis.h"

#include <QCoreApplication>

namespace Pop3Connector {

// The troubleshooter's judgement of the configuration itself: what no server has to be asked
// about. Pure: tested with tables.
class ConfigurationChecks
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::ConfigurationChecks)

public:
    // config.duplicate-account (two entries on one host and user), config.global-rules (a
    // global mailbox that routes nothing), config.plain-login (a password in clear text).
    static QList<Finding> evaluate(const Configuration &configuration);
    // config.password: whether a password (mailbox NAME, or "delivery") was found where the
    // configuration says; `found` is the CredentialResolver's answer.
    static Finding password(const QString &name, const Result<QByteArray> &found);
    // config.sign-in: whether a mailbox (or "delivery") that signs in with OAuth 2.0 got an access
    // token; `issued` is the TokenBroker's answer.
    static Finding signIn(const QString &name, const Result<QByteArray> &issued);
};

} // namespace Pop3Connector

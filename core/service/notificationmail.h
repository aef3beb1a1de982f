#pragma once

#include "base/result.h"
#include "service/notificationpolicy.h"
#include "spool/spool.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Pop3Connector {

// The short report an administrator receives of a problem: a plain-text message in the service's
// language, with what happened, since when, its cause and its fix from the event catalogue, and
// the problems still open.
class NotificationMail
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::NotificationMail)

public:
    // "POP3 Connector: mailbox sales: Login failed" / "...: resolved".
    static QString subject(const ProblemNotice &notice);
    static QString body(const ProblemNotice &notice, const QList<ProblemRecord> &open);
    // Pure: the whole message (RFC 5322), CRLF line ends; non-ASCII subject as RFC 2047 encoded
    // words and a non-ASCII body in base64.
    static QByteArray compose(const QString &from, const QString &to, const QString &subject,
        const QString &body, const QString &messageId, const QDateTime &date);
    // Puts the report of `notice` in PickUp for `administrator`, as message `name`.
    [[nodiscard]] static Status queue(const Spool &spool, const QString &name,
        const QString &administrator, const ProblemNotice &notice,
        const QList<ProblemRecord> &open);
};

} // namespace Pop3Connector

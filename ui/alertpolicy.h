#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace Pop3Connector {

// A problem the service has open, as its `status` reply lists it (docs/troubleshooting.md
// "Notifications"): a key that stays the same from cycle to cycle ("mailbox:sales", "delivery",
// "transfer", "failed-mail", "badmail", "disk"), what it is about and since when.
struct OpenProblem
{
    QString key;
    QString subject; // in the service's language: "mailbox sales"
    QString text; // what happened, the last time it was seen
    QDateTime since;

    bool operator==(const OpenProblem &) const = default;
};

// The worst state the manager shows (tray icon, tooltip): nothing wrong, something to look at,
// mail not moving.
enum class Health { Ok, Warning, Failing };

// What the manager has seen of the service.
struct AlertStatus
{
    bool reachable = false;
    bool deliveryOn = true;
    int failedMail = 0;
    QList<OpenProblem> problems;
};

// One desktop notification.
struct Alert
{
    QString key;
    Health severity = Health::Warning;
    QString title;
    QString text;

    bool operator==(const Alert &) const = default;
};

// What was already told: each open problem's key -> when it started, as last seen.
using AlertState = QHash<QString, QDateTime>;

struct AlertDecision
{
    Health health = Health::Ok;
    QList<Alert> alerts; // to show now, one per problem that is new
    AlertState next;
};

// Pure: decides which of the service's open problems are new to the manager (one notification
// per problem, however many cycles or messages it lasts) and the worst state now. A problem
// that ended and started again (a different start time) is new again; a status from a service
// that cannot be reached changes nothing that was told.
class AlertPolicy
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::AlertPolicy)

public:
    static AlertDecision decide(const AlertState &told, const AlertStatus &status);
    // A mailbox, delivery or transfer that does not work stops mail; the rest wants a look.
    static Health severityOf(const QString &key);
    // The notification's title for a problem, in the manager's language.
    static QString titleOf(const OpenProblem &problem);
};

} // namespace Pop3Connector

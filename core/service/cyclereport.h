#pragma once

#include "events/event.h"
#include "events/reports.h"
#include "pipeline/dispatch/dispatchreport.h"
#include "pipeline/transfer/transferstage.h"

#include <QDateTime>
#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Pop3Connector {

enum class Stage { Download = 0x1, Transfer = 0x2, Dispatch = 0x4 };
Q_DECLARE_FLAGS(Stages, Stage)
Q_DECLARE_OPERATORS_FOR_FLAGS(Stages)
constexpr Stages kAllStages = Stages(Stage::Download) | Stage::Transfer | Stage::Dispatch;

// The cycle that waits while one runs: every request that comes meanwhile merges into it, so
// that one cycle after the running one does what they all asked. Which mailboxes matter only to
// a download; none named means every enabled one.
struct QueuedCycle
{
    Stages stages;
    QStringList mailboxes;

    void merge(Stages more, const QStringList &moreMailboxes);
};
// Parses "download,transfer"; returns nothing for an unknown name.
std::optional<Stages> parseStages(const QString &text);

// Something in a cycle that needs the administrator: a mailbox that failed, a stage that could
// not work, messages put aside in Failed Mail or BadMail.
struct CycleProblem
{
    QString subject; // "mailbox sales", "delivery", "transfer"
    EventId eventId;
    QString text;
};

struct CycleReport
{
    QDateTime started;
    QDateTime finished;
    Stages stages;
    QList<RetrievalReport> retrievals;
    std::optional<TransferReport> transfer;
    std::optional<DispatchReport> dispatch;

    // Mailboxes that did not succeed (deferred ones included: their mail did not move).
    QList<RetrievalReport> failures() const;
    QList<CycleProblem> problems() const;
    // The sentence of event 1006: mailboxes, failures, new messages, deliveries.
    Phrase summary() const;
};

} // namespace Pop3Connector

Q_DECLARE_METATYPE(Pop3Connector::CycleReport)

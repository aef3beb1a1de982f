#include "service/cyclereport.h"

#include <QCoreApplication>

namespace Pop3Connector {

std::optional<Stages> parseStages(const QString &text)
{
    Stages stages;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString name = part.trimmed().toLower();
        if (name == u"download")
            stages |= Stage::Download;
        else if (name == u"transfer")
            stages |= Stage::Transfer;
        else if (name == u"dispatch")
            stages |= Stage::Dispatch;
        else
            return std::nullopt;
    }
    if (!stages)
        return std::nullopt;
    return stages;
}

QList<RetrievalReport> CycleReport::failures() const
{
    QList<RetrievalReport> out;
    for (const RetrievalReport &r : retrievals) {
        if (r.outcome != RetrievalReport::Outcome::Succeeded)
            out.append(r);
    }
    return out;
}

QList<CycleProblem> CycleReport::problems() const
{
    QList<CycleProblem> out;
    for (const RetrievalReport &r : failures())
        out.append({QStringLiteral("mailbox ") + r.mailbox, r.failureId, r.failureText});
    if (transfer) {
        if (!transfer->error.isEmpty())
            out.append({QStringLiteral("transfer"), EventId::TransferFailed, transfer->error});
        if (transfer->failed > 0) {
            out.append({QStringLiteral("transfer"), EventId::TransferFailed,
                QCoreApplication::translate("Pop3Connector::Connector",
                    "%n message(s) could not be routed and were put "
                    "in Failed Mail.",
                    nullptr, transfer->failed)});
        }
    }
    if (dispatch) {
        if (!dispatch->failure.isEmpty())
            out.append({QStringLiteral("delivery"), dispatch->failureId, dispatch->failure});
        if (dispatch->rejected > 0) {
            out.append({QStringLiteral("delivery"), EventId::DeliveryRejected,
                QCoreApplication::translate("Pop3Connector::Connector",
                    "%n message(s) were rejected by the local mail "
                    "server and put in BadMail.",
                    nullptr, dispatch->rejected)});
        }
    }
    return out;
}

void QueuedCycle::merge(Stages more, const QStringList &moreMailboxes)
{
    if (more.testFlag(Stage::Download)) {
        if (!stages.testFlag(Stage::Download)) {
            mailboxes = moreMailboxes; // a cycle of transfer and delivery alone chose none
        } else if (mailboxes.isEmpty() || moreMailboxes.isEmpty()) {
            mailboxes.clear(); // one of them wants every mailbox
        } else {
            for (const QString &m : moreMailboxes) {
                if (!mailboxes.contains(m))
                    mailboxes.append(m);
            }
        }
    }
    stages |= more;
}

Phrase CycleReport::summary() const
{
    // The connector's context, where these sentences have always been translated.
    constexpr const char *context = "Pop3Connector::Connector";
    int stored = 0;
    for (const RetrievalReport &r : retrievals)
        stored += r.stored;
    return Phrase(context,
        QT_TRANSLATE_NOOP(
            "Pop3Connector::Connector", "Cycle finished: %1, %2 failed, %3, %4 delivered."))
        .arg(Phrase(context, QT_TRANSLATE_N_NOOP("Pop3Connector::Connector", "%n mailbox(es)"),
            int(retrievals.size())))
        .arg(failures().size())
        .arg(Phrase(
            context, QT_TRANSLATE_N_NOOP("Pop3Connector::Connector", "%n new message(s)"), stored))
        .arg(dispatch ? dispatch->delivered : 0);
}

} // namespace Pop3Connector

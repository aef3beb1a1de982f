#pragma once

#include "events/event.h"

#include <QMetaType>
#include <QString>

namespace Pop3Connector {

// Where a mailbox's retrieval stands, for progress displays.
struct MailboxProgress
{
    enum class Phase { Connecting, LoggingIn, Listing, Retrieving, Finishing, Done };
    QString mailbox;
    Phase phase = Phase::Connecting;
    int messagesDone = 0;
    int messagesTotal = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
};

struct RetrievalReport
{
    enum class Outcome { Succeeded, Failed, Deferred, Cancelled };
    QString mailbox;
    Outcome outcome = Outcome::Succeeded;
    EventId failureId = EventId::RetrievalFinished;
    QString failureText; // what happened, for one line on a terminal
    Phrase failure; // the same as data, for a reader in another language (`textPhrase`)

    int onServer = 0;
    int stored = 0; // new messages made durable in Incoming Mail
    int deleted = 0; // DELE acknowledged
    int alreadyStored = 0; // found in the ledger: not downloaded again
    int tooLarge = 0; // by LIST, or found so while it streamed, or remembered from then
    int unavailable = 0; // -ERR to RETR
    int backlog = 0; // new messages left for the next cycle by the per-cycle cap
    qint64 bytes = 0;
    qint64 octetsOnServer = 0; // from STAT, in a probe
};

} // namespace Pop3Connector

Q_DECLARE_METATYPE(Pop3Connector::MailboxProgress)
Q_DECLARE_METATYPE(Pop3Connector::RetrievalReport)

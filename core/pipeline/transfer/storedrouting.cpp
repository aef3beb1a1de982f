#include "pipeline/transfer/storedrouting.h"

namespace Pop3Connector {

namespace {

// The sentences are transfer's, which moves the message to Failed Mail with them.
constexpr const char *kContext = "Pop3Connector::TransferStage";

} // namespace

StoredRouting StoredRouting::of(
    const Spool &spool, SpoolFolder folder, const QString &name, const Configuration &configuration)
{
    StoredRouting r;
    r.metadata = readMetadata(spool, folder, name);
    if (!r.metadata) {
        r.reason = Phrase(kContext,
            QT_TRANSLATE_NOOP(
                "Pop3Connector::TransferStage", "the message has no readable sidecar (%1)"))
                       .arg(Spool::metaName(name));
        return r;
    }
    const MailboxSettings *mailbox = configuration.mailbox(r.metadata->mailbox);
    if (!mailbox) {
        r.reason = Phrase(kContext,
            QT_TRANSLATE_NOOP("Pop3Connector::TransferStage",
                "it came from mailbox %1, which is no longer configured"))
                       .arg(r.metadata->mailbox);
        return r;
    }
    QString parseError;
    r.headers = MimeParser::parseHeaders(
        spool.messagePath(folder, name), r.metadata->messageOffset, &parseError);
    if (!r.headers) {
        r.reason = Phrase(kContext,
            QT_TRANSLATE_NOOP("Pop3Connector::TransferStage", "the message cannot be read: %1"))
                       .arg(parseError);
        return r;
    }
    RoutingInput input;
    input.headerAddresses = r.headers->headerAddresses;
    input.to = r.headers->to;
    input.cc = r.headers->cc;
    input.messageId = r.headers->messageId;
    input.traceCount = r.headers->traceCount;
    r.decision = Router::route(input, *mailbox, configuration.connector.undeliverableMailbox);
    return r;
}

} // namespace Pop3Connector

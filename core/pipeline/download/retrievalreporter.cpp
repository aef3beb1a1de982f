#include "pipeline/download/retrievalreporter.h"

namespace Pop3Connector {

namespace {
// The sentences are the retrieval's (its translation context since they were written there).
constexpr const char *kContext = "Pop3Connector::MailboxRetrieval";
} // namespace

namespace {

QString serverText(const StatusLine &status)
{
    return QString::fromUtf8(status.text);
}

QString uidText(const QByteArray &uid)
{
    return QString::fromLatin1(uid);
}

} // namespace

RetrievalReporter::RetrievalReporter(const MailboxSettings &mailbox)
    : m_name(mailbox.name)
    , m_host(mailbox.host)
    , m_user(mailbox.user)
    , m_port(mailbox.port)
    , m_limitKb(mailbox.messageLimitKb())
{ }

Notice RetrievalReporter::started() const
{
    return {EventId::RetrievalStarted,
        Phrase(kContext,
            QT_TRANSLATE_NOOP(
                "Pop3Connector::MailboxRetrieval", "Retrieving mail for %1 from %2 port %3."))
            .arg(m_user, m_host)
            .arg(m_port)};
}

Notice RetrievalReporter::plainTextLogin() const
{
    return {EventId::PlainTextLogin,
        Phrase(kContext,
            QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval",
                "The password for %1 on %2 is sent without encryption."))
            .arg(m_user, m_host)};
}

Failure RetrievalReporter::startTlsMissing() const
{
    return {RetrievalReport::Outcome::Failed,
        {EventId::StartTlsUnavailable,
            Phrase(kContext,
                QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval",
                    "%1 does not offer STLS, which the mailbox requires; the password was not "
                    "sent."))
                .arg(m_host)}};
}

Failure RetrievalReporter::startTlsRefused(const StatusLine &status) const
{
    return {RetrievalReport::Outcome::Failed,
        {EventId::StartTlsUnavailable,
            Phrase(kContext,
                QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval",
                    "%1 refused STLS (\"%2\"); the password was not sent."))
                .arg(m_host, serverText(status))}};
}

Failure RetrievalReporter::refused(
    EventId fallback, const Phrase &what, const StatusLine &status) const
{
    // The server's words and its response code are its own: arguments, never translated.
    Phrase text =
        Phrase(kContext, QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval", "%1: \"%2\""))
            .arg(what, serverText(status));
    if (!status.codeText.isEmpty())
        text = Phrase(kContext, QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval", "%1 [%2]"))
                   .arg(text, QString::fromLatin1(status.codeText));
    using Outcome = RetrievalReport::Outcome;
    switch (status.code) {
    case ResponseCode::InUse:
    case ResponseCode::LoginDelay:
        return {Outcome::Deferred, {EventId::MailboxBusy, text}};
    case ResponseCode::SysTemp:
        return {Outcome::Deferred, {EventId::ServerTemporaryFailure, text}};
    case ResponseCode::SysPerm:
        return {Outcome::Failed, {EventId::ServerPermanentFailure, text}};
    case ResponseCode::Auth:
        return {Outcome::Failed, {EventId::AuthenticationFailed, text}};
    default:
        return {Outcome::Failed, {fallback, text}};
    }
}

Failure RetrievalReporter::statRefused(const StatusLine &status) const
{
    return refused(EventId::Pop3TransactionError,
        Phrase(kContext, QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval", "%1 refused STAT"))
            .arg(m_host),
        status);
}

Failure RetrievalReporter::listRefused(const StatusLine &status) const
{
    return refused(EventId::Pop3TransactionError,
        Phrase(kContext,
            QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval", "%1 refused to list the mailbox"))
            .arg(m_host),
        status);
}

Failure RetrievalReporter::sessionFailed(const SessionFailure &failure) const
{
    const QString &detail = failure.detail;
    const auto lost = [](EventId id, const Phrase &text) {
        return Failure {RetrievalReport::Outcome::Failed, {id, text}, Ending::Drop};
    };
    switch (failure.error) {
    case SessionError::HostNotFound:
        return lost(EventId::HostNotFound,
            Phrase(kContext,
                QT_TRANSLATE_NOOP(
                    "Pop3Connector::MailboxRetrieval", "Cannot find the POP3 server %1: %2"))
                .arg(m_host, detail));
    case SessionError::ConnectionRefused:
    case SessionError::Network:
        return lost(EventId::ConnectionFailed,
            Phrase(kContext,
                QT_TRANSLATE_NOOP(
                    "Pop3Connector::MailboxRetrieval", "Cannot connect to %1 port %2: %3"))
                .arg(m_host)
                .arg(m_port)
                .arg(detail));
    case SessionError::Dropped:
        return lost(EventId::ConnectionDropped,
            Phrase(kContext,
                QT_TRANSLATE_NOOP(
                    "Pop3Connector::MailboxRetrieval", "%1 closed the connection unexpectedly"))
                .arg(m_host));
    case SessionError::TlsCertificate:
        return lost(EventId::CertificateUntrusted,
            Phrase(kContext,
                QT_TRANSLATE_NOOP(
                    "Pop3Connector::MailboxRetrieval", "The certificate of %1 is not trusted: %2"))
                .arg(m_host, detail));
    case SessionError::TlsHandshake:
        return lost(EventId::TlsFailed,
            Phrase(kContext,
                QT_TRANSLATE_NOOP(
                    "Pop3Connector::MailboxRetrieval", "TLS with %1 port %2 failed: %3"))
                .arg(m_host)
                .arg(m_port)
                .arg(detail));
    case SessionError::Timeout:
        return lost(EventId::ServerTimeout,
            Phrase(kContext,
                QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval", "%1 stopped answering: %2"))
                .arg(m_host, detail));
    case SessionError::ProtocolViolation:
    case SessionError::LimitExceeded:
        break;
    }
    return lost(EventId::ProtocolViolation,
        Phrase(kContext, QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval", "%1: %2"))
            .arg(m_host, detail));
}

Notice RetrievalReporter::noUniqueIds() const
{
    return {EventId::NoUniqueIds,
        Phrase(kContext,
            QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval",
                "%1 does not support UIDL; messages are recognised by a digest of their "
                "header."))
            .arg(m_host)};
}

std::optional<Notice> RetrievalReporter::left(
    const RetrievalPlan::Left &left, const QByteArray &uid) const
{
    switch (left.reason) {
    case RetrievalPlan::Reason::OversizedBefore:
        return Notice {EventId::MessageTooLarge,
            Phrase(kContext,
                QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval",
                    "Message %1 was larger than the limit of %2 KB when it was retrieved "
                    "before, although %3 lists it as %4 bytes; it stays on the server and is "
                    "not downloaded again."))
                .arg(left.number)
                .arg(m_limitKb)
                .arg(m_host)
                .arg(left.octets),
            uidText(uid)};
    case RetrievalPlan::Reason::TooLarge:
        return Notice {EventId::MessageTooLarge,
            Phrase(kContext,
                QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval",
                    "Message %1 (%2 KB) is larger than the limit of %3 KB and was left on %4."))
                .arg(left.number)
                .arg((left.octets + 1023) / 1024)
                .arg(m_limitKb)
                .arg(m_host),
            uidText(uid)};
    case RetrievalPlan::Reason::Kept:
    case RetrievalPlan::Reason::NotInUidl:
    case RetrievalPlan::Reason::Backlog:
        break;
    }
    return std::nullopt;
}

Notice RetrievalReporter::backlog(int messages) const
{
    return {EventId::BacklogRemaining,
        Phrase(kContext,
            QT_TRANSLATE_N_NOOP("Pop3Connector::MailboxRetrieval",
                "%n new message(s) remain on the server for the next cycles."),
            messages)};
}

Notice RetrievalReporter::outgrown(
    int number, qint64 listedOctets, const QByteArray &uid, bool remembered) const
{
    return {EventId::MessageTooLarge,
        (remembered
                ? Phrase(kContext,
                    QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval",
                        "Message %1 is larger than the limit of %2 KB, although %3 listed it as "
                        "%4 bytes; it was left on the server. It is not downloaded again."))
                : Phrase(kContext,
                    QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval",
                        "Message %1 is larger than the limit of %2 KB, although %3 listed it as "
                        "%4 bytes; it was left on the server.")))
            .arg(number)
            .arg(m_limitKb)
            .arg(m_host)
            .arg(listedOctets),
        uidText(uid)};
}

Failure RetrievalReporter::runaway(int number) const
{
    return {RetrievalReport::Outcome::Failed,
        {EventId::MessageTooLarge,
            Phrase(kContext,
                QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval",
                    "%1 went on sending message %2 far beyond the limit of %3 KB, so the "
                    "connection was dropped. Messages already stored are deleted from the server "
                    "on the next cycle; the others are retrieved then."))
                .arg(m_host)
                .arg(number)
                .arg(m_limitKb)},
        Ending::Drop};
}

Notice RetrievalReporter::unavailable(
    int number, const StatusLine &status, const QByteArray &uid) const
{
    return {EventId::MessageUnavailable,
        Phrase(kContext,
            QT_TRANSLATE_NOOP(
                "Pop3Connector::MailboxRetrieval", "%1 refused to send message %2: %3"))
            .arg(m_host)
            .arg(number)
            .arg(serverText(status)),
        uidText(uid)};
}

Notice RetrievalReporter::stored(
    int number, qint64 size, const QString &spoolName, const QByteArray &uid) const
{
    return {EventId::MessageStored,
        Phrase(kContext,
            QT_TRANSLATE_NOOP(
                "Pop3Connector::MailboxRetrieval", "Message %1 (%2 bytes) stored as %3."))
            .arg(number)
            .arg(size)
            .arg(spoolName),
        uidText(uid)};
}

Notice RetrievalReporter::deleteRefused(
    int number, const StatusLine &status, const QByteArray &uid) const
{
    return {EventId::Pop3TransactionError,
        Phrase(kContext,
            QT_TRANSLATE_NOOP(
                "Pop3Connector::MailboxRetrieval", "%1 refused to delete message %2: %3"))
            .arg(m_host)
            .arg(number)
            .arg(serverText(status)),
        uidText(uid)};
}

Failure RetrievalReporter::storageFailed(const QString &error) const
{
    return {RetrievalReport::Outcome::Failed,
        {EventId::StorageFailed,
            Phrase(kContext,
                QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval",
                    "Cannot store mail from %1: %2. Retrieval stopped; undelivered "
                    "messages stay on the server."))
                .arg(m_host, error)}};
}

Notice RetrievalReporter::ledgerFailed(const Error &error) const
{
    return {EventId::StorageFailed, error.message};
}

Failure RetrievalReporter::quitRefused(const StatusLine &status) const
{
    return {RetrievalReport::Outcome::Failed,
        {EventId::QuitRefused,
            Phrase(kContext,
                QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval",
                    "%1 answered QUIT with \"%2\", so it deleted nothing. The stored messages are "
                    "deleted on the next cycle without being retrieved again."))
                .arg(m_host, serverText(status))}};
}

Notice RetrievalReporter::quitUnconfirmed(const QString &detail) const
{
    return {EventId::QuitNotConfirmed,
        Phrase(kContext,
            QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval",
                "%1 did not confirm QUIT (%2), so it deleted nothing. The stored messages are "
                "deleted on the next cycle without being retrieved again."))
            .arg(m_host, detail)};
}

Notice RetrievalReporter::quitUnansweredAtStop() const
{
    return {EventId::QuitNotConfirmed,
        Phrase(kContext,
            QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval",
                "%1 did not answer QUIT before the connector stopped, so it deleted nothing. The "
                "stored messages are deleted on the next cycle without being retrieved again."))
            .arg(m_host)};
}

Failure RetrievalReporter::stoppedWhileArriving(int messages) const
{
    return {RetrievalReport::Outcome::Cancelled,
        {EventId::RetrievalCancelled,
            Phrase(kContext,
                QT_TRANSLATE_N_NOOP("Pop3Connector::MailboxRetrieval",
                    "Retrieval of %1 was stopped with %n message(s) still arriving; they stay on "
                    "the "
                    "server for the next cycle."),
                messages)
                .arg(m_name)},
        Ending::Drop};
}

Failure RetrievalReporter::cancelled() const
{
    return {RetrievalReport::Outcome::Cancelled,
        {EventId::RetrievalCancelled,
            Phrase(kContext,
                QT_TRANSLATE_NOOP(
                    "Pop3Connector::MailboxRetrieval", "Retrieval of %1 was cancelled."))
                .arg(m_name)},
        Ending::Drop};
}

Notice RetrievalReporter::finished(const RetrievalReport &report) const
{
    return {EventId::RetrievalFinished,
        Phrase(kContext,
            QT_TRANSLATE_NOOP("Pop3Connector::MailboxRetrieval",
                "%1: %2 new message(s) stored, %3 deleted from the server, %4 left there."))
            .arg(m_name)
            .arg(report.stored)
            .arg(report.deleted)
            .arg(std::max(0, report.onServer - report.deleted))};
}

} // namespace Pop3Connector

#include "pipeline/dispatch/deliverypolicy.h"

#include <algorithm>

namespace Pop3Connector::DeliveryPolicy {

namespace {

RecipientOutcome outcomeOf(const SmtpReply &reply)
{
    if (reply.isPositive())
        return RecipientOutcome::Delivered;
    // No reply at all (code 0): the session ended first; the message may be tried again.
    if (reply.isTransient() || reply.code == 0)
        return RecipientOutcome::Deferred;
    return RecipientOutcome::Rejected;
}

void append(AnsweredRecipients &to, const RecipientAnswer &answer)
{
    to.addresses.append(answer.recipient);
    to.replies.append(
        answer.recipient + QStringLiteral(": ") + QString::fromUtf8(answer.reply.text()));
}

void moveInto(AnsweredRecipients &to, AnsweredRecipients &from)
{
    to.addresses += std::exchange(from.addresses, {});
    to.replies += std::exchange(from.replies, {});
}

} // namespace

qint64 backoffSeconds(int attempts)
{
    return std::min<qint64>(qint64(60) << std::clamp(attempts - 1, 0, 10), 30 * 60);
}

bool isDue(const std::optional<MessageMetadata> &meta, qint64 now)
{
    return !meta || meta->other.value(Key::nextAttempt).toLongLong() <= now;
}

QList<QStringList> dealOut(const QStringList &names, int connections)
{
    const qsizetype sessions = std::clamp<qsizetype>(
        (names.size() + kFilesPerSession - 1) / kFilesPerSession, 1, std::max(connections, 1));
    QList<QStringList> shares(sessions);
    for (qsizetype i = 0; i < names.size(); ++i)
        shares[i % sessions].append(names[i]);
    return shares;
}

bool isUnreachable(SessionError error)
{
    return error == SessionError::ConnectionRefused || error == SessionError::HostNotFound
        || error == SessionError::Network || error == SessionError::Timeout;
}

QList<MailAddress> recipientsToDo(const QList<MailAddress> &recipients, const MessageMetadata &meta)
{
    const QStringList done = meta.other.value(Key::deliveredTo).split(u'\n', Qt::SkipEmptyParts);
    QList<MailAddress> out;
    for (const MailAddress &r : recipients) {
        if (!done.contains(r.toString()))
            out.append(r);
    }
    return out;
}

MessageMetadata withDeliveredTo(MessageMetadata meta, const QStringList &recipients)
{
    QStringList done = meta.other.value(Key::deliveredTo).split(u'\n', Qt::SkipEmptyParts);
    done += recipients;
    meta.other.insert(Key::deliveredTo, done.join(u'\n'));
    return meta;
}

Admission admit(const MailAddress &sender, const QList<MailAddress> &recipients, qint64 size,
    const SmtpExtensions &extensions)
{
    const bool utf8 = !sender.isAscii()
        || std::any_of(recipients.cbegin(), recipients.cend(),
            [](const MailAddress &r) { return !r.isAscii(); });
    if (utf8 && !extensions.smtpUtf8)
        return {Admission::Refusal::NeedsSmtpUtf8, {}};
    if (extensions.size > 0 && size > extensions.size)
        return {Admission::Refusal::TooLarge, {}};
    Admission admitted;
    if (extensions.size >= 0)
        admitted.mailParameters += " SIZE=" + QByteArray::number(size);
    if (extensions.eightBitMime)
        admitted.mailParameters += " BODY=8BITMIME";
    if (utf8)
        admitted.mailParameters += " SMTPUTF8";
    return admitted;
}

int acceptedCount(const QList<SmtpReply> &rcpt)
{
    return int(std::count_if(
        rcpt.cbegin(), rcpt.cend(), [](const SmtpReply &r) { return r.isPositive(); }));
}

bool sendsBody(const TransactionReplies &replies)
{
    return replies.data.code == 354 && acceptedCount(replies.rcpt) > 0;
}

QList<RecipientVerdict> classifyTransaction(
    const TransactionReplies &replies, qsizetype recipients, Transport transport)
{
    const bool body = sendsBody(replies);
    QList<RecipientVerdict> out;
    int accepted = 0;
    for (qsizetype i = 0; i < recipients; ++i) {
        if (!replies.mail.isPositive()) {
            out.append({outcomeOf(replies.mail), replies.mail});
            continue;
        }
        const SmtpReply rcpt = replies.rcpt.value(i);
        if (rcpt.isPositive()) {
            // An accepted recipient has the reply to the end of data (LMTP: its own), or, when
            // the transaction ended before the body, DATA's.
            const SmtpReply final = !body      ? replies.data
                : transport == Transport::Lmtp ? replies.endOfData.value(accepted)
                                               : replies.endOfData.value(0);
            ++accepted;
            out.append({outcomeOf(final), final});
            continue;
        }
        // RFC 5321 §4.5.3.1.10: 452 (or 552 from older servers) is the server's recipient limit.
        // Unless it refuses the first recipient of a transaction: then no count is to blame,
        // and it is a deferral, 552 as much as 452.
        const bool tooMany = rcpt.code == 452 || rcpt.code == 552;
        if (tooMany && i > 0)
            out.append({RecipientOutcome::NextTransaction, rcpt});
        else if (rcpt.code == 552)
            out.append({RecipientOutcome::Deferred, rcpt});
        else
            out.append({outcomeOf(rcpt), rcpt});
    }
    return out;
}

bool Settlement::isDone() const
{
    return deferred.isEmpty() && expired.isEmpty() && rejected.isEmpty() && untried.isEmpty();
}

void Settlement::keepExpired()
{
    moveInto(deferred, expired);
}

void Settlement::keepRejected()
{
    moveInto(deferred, rejected);
}

Settlement settle(const QList<RecipientAnswer> &answers, const QStringList &untried,
    const MessageMetadata &meta, qint64 now)
{
    Settlement s;
    for (const RecipientAnswer &a : answers) {
        switch (a.outcome) {
        case RecipientOutcome::Delivered:
            s.delivered.append(a.recipient);
            break;
        case RecipientOutcome::Deferred:
        case RecipientOutcome::NextTransaction: // never an answer: the next transaction has it
            append(s.deferred, a);
            break;
        case RecipientOutcome::Rejected:
            append(s.rejected, a);
            break;
        }
    }
    s.untried = untried;
    const qint64 firstDeferred = meta.other.value(Key::firstDeferred).toLongLong();
    if (!s.deferred.isEmpty() && firstDeferred > 0 && now - firstDeferred > kGiveUpSeconds)
        moveInto(s.expired, s.deferred);
    return s;
}

std::optional<Keeping> keeping(const Settlement &settlement, const QStringList &envelopeRecipients,
    MessageMetadata meta, qint64 now)
{
    const QStringList kept = settlement.deferred.addresses + settlement.untried;
    if (kept.isEmpty())
        return std::nullopt;
    Keeping k;
    k.recipients = kept;
    k.attempts = meta.other.value(Key::attempts).toInt() + 1;
    if (!settlement.deferred.isEmpty()) {
        const qint64 firstDeferred = meta.other.value(Key::firstDeferred).toLongLong();
        meta.other.insert(Key::attempts, QString::number(k.attempts));
        meta.other.insert(
            Key::firstDeferred, QString::number(firstDeferred > 0 ? firstDeferred : now));
        meta.other.insert(Key::nextAttempt, QString::number(now + backoffSeconds(k.attempts)));
        meta.other.insert(Key::reason, settlement.deferred.replies.join(QStringLiteral("; ")));
    }
    meta.other.insert(Key::recipients, kept.join(QStringLiteral(", ")));
    if (kept != envelopeRecipients) {
        k.change = Keeping::Change::Rewrite;
        meta.other.remove(Key::deliveredTo);
    }
    k.meta = std::move(meta);
    return k;
}

MessageMetadata badMailSidecar(MessageMetadata meta, const QStringList &recipients,
    const Phrase &reason, const QDateTime &failedAt)
{
    meta.setPhrase(Key::reason, reason);
    meta.other.insert(Key::recipients, recipients.join(QStringLiteral(", ")));
    meta.other.insert(Key::failed, failedAt.toUTC().toString(Qt::ISODateWithMs));
    meta.other.remove(Key::nextAttempt);
    meta.other.remove(Key::deliveredTo);
    return meta;
}

} // namespace Pop3Connector::DeliveryPolicy

#pragma once

#include "config/configuration.h"
#include "protocol/linesession.h"
#include "protocol/mailaddress.h"
#include "protocol/smtpprotocol.h"
#include "spool/messagemetadata.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace Pop3Connector {

// What the local server's replies mean for each recipient of a PickUp file and for the file
// (docs/design.md "Dispatch"). Pure functions: no socket, no file, and no clock but `now`.
namespace DeliveryPolicy {

// RFC 5321 §4.5.3.1.8: a server must take 100 recipients in a transaction.
constexpr int kMaxRecipientsPerTransaction = 100;
// Deferred recipients are given up (BadMail) once their file's first deferral is older.
constexpr qint64 kGiveUpSeconds = 2 * 24 * 3600;
// PickUp is dealt out to one delivery session for every this many files.
constexpr int kFilesPerSession = 50;

// The sidecar keys of a PickUp or BadMail file that delivery reads and writes.
namespace Key {
inline const QString attempts = QStringLiteral("attempts");
inline const QString firstDeferred = QStringLiteral("first_deferred");
inline const QString nextAttempt = QStringLiteral("next_attempt");
inline const QString reason = QStringLiteral("reason");
inline const QString recipients = QStringLiteral("recipients");
inline const QString failed = QStringLiteral("failed");
// Those an earlier transaction of the file delivered to, one a line: between two transactions
// of one file, so that a crash delivers at most one transaction twice.
inline const QString deliveredTo = QStringLiteral("delivered_to");
} // namespace Key

// Seconds before the next try of a file deferred `attempts` times: 1, 2, 4 ... minutes, at most
// 30 minutes.
qint64 backoffSeconds(int attempts);

// Whether a file with this sidecar (nothing: it has none) is due at `now`, not backing off.
bool isDue(const std::optional<MessageMetadata> &meta, qint64 now);

// PickUp's files dealt out, round robin, to one session for every kFilesPerSession of them, at
// least one and at most `connections`.
QList<QStringList> dealOut(const QStringList &names, int connections);

// Whether a session that failed this way before the server's greeting never reached it.
bool isUnreachable(SessionError error);

// The recipients a file is still to be delivered to: its envelope's, less those its sidecar
// says an earlier transaction delivered to.
QList<MailAddress> recipientsToDo(
    const QList<MailAddress> &recipients, const MessageMetadata &meta);
// `meta` recording that `recipients` have the message too.
MessageMetadata withDeliveredTo(MessageMetadata meta, const QStringList &recipients);

// What the server's extensions (RFC 5321 §4.1.1.1) make of a file.
struct Admission
{
    enum class Refusal {
        None,
        NeedsSmtpUtf8, // an address is not ASCII, and the server lacks SMTPUTF8 (RFC 6531)
        TooLarge, // larger than the server's SIZE (RFC 1870)
    };
    Refusal refusal = Refusal::None;
    QByteArray mailParameters; // of MAIL FROM: SIZE, BODY=8BITMIME, SMTPUTF8 as offered

    bool isAdmitted() const { return refusal == Refusal::None; }
};
Admission admit(const MailAddress &sender, const QList<MailAddress> &recipients, qint64 size,
    const SmtpExtensions &extensions);

enum class RecipientOutcome {
    Delivered, // 2xx: the server has it
    Deferred, // 4xx, or no reply: tried again after a back-off
    Rejected, // 5xx: to BadMail
    // 452, or 552 from older servers, to a RCPT after the first: the server's recipient limit
    // (RFC 5321 §4.5.3.1.10), not the recipient's fault: the file's next transaction, at once.
    NextTransaction,
};

// One transaction's replies (RFC 5321 §3.3), as far as they came.
struct TransactionReplies
{
    SmtpReply mail;
    QList<SmtpReply> rcpt; // one per recipient, in RCPT order
    SmtpReply data; // DATA's own reply
    // The replies to the end of data: SMTP's one, or LMTP's one per accepted recipient
    // (RFC 2033 §4.2); none when no body was sent.
    QList<SmtpReply> endOfData;
};

// The RCPTs the server accepted.
int acceptedCount(const QList<SmtpReply> &rcpt);
// Whether the body follows DATA: the server said 354 and accepted a recipient.
bool sendsBody(const TransactionReplies &replies);

struct RecipientVerdict
{
    RecipientOutcome outcome;
    SmtpReply reply; // the one that decided it
};
// What each of a transaction's `recipients`, in RCPT order, came to.
QList<RecipientVerdict> classifyTransaction(
    const TransactionReplies &replies, qsizetype recipients, Transport transport);

// A recipient done with in this run of a file.
struct RecipientAnswer
{
    QString recipient;
    SmtpReply reply;
    RecipientOutcome outcome; // Delivered, Deferred or Rejected
};

// Recipients and, for people, "address: reply" for each.
struct AnsweredRecipients
{
    QStringList addresses;
    QStringList replies;

    bool isEmpty() const { return addresses.isEmpty(); }
};

// Where the recipients of a file go after a run.
struct Settlement
{
    QStringList delivered;
    AnsweredRecipients deferred; // stay in PickUp, tried again after a back-off
    AnsweredRecipients expired; // deferred for more than kGiveUpSeconds: to BadMail
    AnsweredRecipients rejected; // to BadMail
    QStringList untried; // stay in PickUp as they are: the session stopped before them

    // Every recipient was delivered: the file goes.
    bool isDone() const;
    // BadMail could not take the expired, or the rejected: they stay in PickUp, deferred, so
    // that nothing is dropped.
    void keepExpired();
    void keepRejected();
};
// Sorts a file's recipients by what this run's answers, the untried and the file's sidecar
// `meta` (its first deferral) make of them at `now`.
Settlement settle(const QList<RecipientAnswer> &answers, const QStringList &untried,
    const MessageMetadata &meta, qint64 now);

// How a file stays in PickUp for the recipients left.
struct Keeping
{
    enum class Change {
        Sidecar, // the envelope holds just them: only the sidecar is replaced
        Rewrite, // the file is written anew for them (and forgets delivered_to)
    };
    QStringList recipients; // the deferred, then the untried
    MessageMetadata meta; // the new sidecar
    Change change = Change::Sidecar;
    int attempts = 0; // the file's deferrals, this one included
};
// How a file whose envelope names `envelopeRecipients`, with sidecar `meta`, stays in PickUp
// after `settlement` at `now`; nothing when no recipient is left for it (it is removed).
std::optional<Keeping> keeping(const Settlement &settlement, const QStringList &envelopeRecipients,
    MessageMetadata meta, qint64 now);

// The sidecar of a BadMail copy of a file whose sidecar is `meta`, for `recipients` (none: the
// file as it is) with `reason` (in English, and as a phrase for a reader in another language), put
// there at `failedAt`.
MessageMetadata badMailSidecar(MessageMetadata meta, const QStringList &recipients,
    const Phrase &reason, const QDateTime &failedAt);

} // namespace DeliveryPolicy
} // namespace Pop3Connector

#include "spool/pickupenvelope.h"

#include <QIODevice>
#include <QSet>

namespace Pop3Connector {

namespace {

constexpr QByteArrayView kSender = "x-sender: ";
constexpr QByteArrayView kReceiver = "x-receiver: ";
// How much of the message's first line tells it from an envelope line: a header line's length
// (RFC 5322 §2.1.1). Reading from a file and from bytes look at the same.
constexpr qsizetype kLookAhead = 1000;

Error corrupt(const QString &why)
{
    return Error {ErrorCode::Corrupt, why};
}

// Whether `line` is an envelope line in some other spelling ("X-Receiver:", "x-receiver :"):
// a writer's line never looks like that, and taking it for the message would send it in DATA.
bool looksLikeEnvelopeLine(QByteArrayView line)
{
    for (QByteArrayView name : {QByteArrayView("x-sender"), QByteArrayView("x-receiver")}) {
        if (line.size() < name.size()
            || line.first(name.size()).compare(name, Qt::CaseInsensitive) != 0)
            continue;
        QByteArrayView rest = line.sliced(name.size());
        while (!rest.isEmpty() && (rest.front() == ' ' || rest.front() == '\t'))
            rest = rest.sliced(1);
        if (rest.startsWith(':'))
            return true;
    }
    return false;
}

} // namespace

PickupEnvelope PickupEnvelope::make(const MailAddress &sender, const QList<MailAddress> &recipients)
{
    PickupEnvelope e;
    e.sender = sender.toString();
    for (const MailAddress &r : recipients)
        e.recipients.append(r.toString());
    return e;
}

Result<MailAddress> PickupEnvelope::senderAddress() const
{
    if (sender.isEmpty())
        return MailAddress::nullPath();
    Result<MailAddress> a = MailAddress::parse(sender);
    if (!a) {
        return Error {ErrorCode::InvalidInput,
            tr("the sender %1 is not a valid address: %2")
                .arg(MailAddress::printable(sender), a.error().message)};
    }
    return a;
}

Result<QList<MailAddress>> PickupEnvelope::recipientAddresses() const
{
    if (recipients.isEmpty())
        return Error {ErrorCode::InvalidInput, tr("the envelope has no recipient")};
    QList<MailAddress> out;
    for (const QString &r : recipients) {
        const Result<MailAddress> a = MailAddress::parse(r);
        if (!a) {
            return Error {ErrorCode::InvalidInput,
                tr("the recipient %1 is not a valid address: %2")
                    .arg(MailAddress::printable(r), a.error().message)};
        }
        if (out.contains(*a)) {
            return Error {ErrorCode::InvalidInput,
                tr("the recipient %1 is named twice").arg(MailAddress::printable(r))};
        }
        out.append(*a);
    }
    return out;
}

Result<QByteArray> PickupEnvelope::write() const
{
    const Result<MailAddress> from = senderAddress();
    if (!from)
        return from.error();
    const Result<QList<MailAddress>> to = recipientAddresses();
    if (!to)
        return to.error();
    QByteArray out = kSender.toByteArray() + from->toPath() + "\r\n";
    for (const MailAddress &r : *to)
        out += kReceiver.toByteArray() + r.toPath() + "\r\n";
    return out;
}

QByteArray PickupEnvelope::serialize() const
{
    Result<QByteArray> bytes = write();
    return bytes ? std::move(bytes).value() : QByteArray();
}

qsizetype PickupEnvelope::envelopeLength(QByteArrayView head)
{
    qsizetype pos = 0;
    for (;;) {
        const QByteArrayView rest = head.sliced(pos);
        const bool envelopeLine = rest.startsWith(kSender) || rest.startsWith(kReceiver);
        if (!envelopeLine) {
            // A line cut before its name is complete may still be one.
            if (rest.size() < kReceiver.size()
                && (kSender.startsWith(rest) || kReceiver.startsWith(rest)))
                return -1;
            return pos;
        }
        const qsizetype nl = rest.indexOf('\n');
        if (nl < 0)
            return -1;
        pos += nl + 1;
    }
}

Result<PickupEnvelope> PickupEnvelope::read(QByteArrayView head)
{
    PickupEnvelope e;
    QSet<QString> seen;
    qsizetype pos = 0;
    for (int lineNumber = 1;; ++lineNumber) {
        const QByteArrayView rest = head.sliced(pos);
        const bool isSender = rest.startsWith(kSender);
        const bool isReceiver = rest.startsWith(kReceiver);
        if (!isSender && !isReceiver) {
            if (lineNumber == 1)
                return corrupt(tr("the file does not begin with an x-sender line"));
            break; // the message begins
        }
        if (isSender != (lineNumber == 1))
            return corrupt(tr("line %1 of the envelope: x-sender is not alone on the first line")
                               .arg(lineNumber));
        const qsizetype end = rest.indexOf("\r\n");
        if (end < 0)
            return corrupt(tr("the envelope is cut off in line %1").arg(lineNumber));
        const QByteArrayView line = rest.first(end);
        if (line.contains('\r') || line.contains('\n'))
            return corrupt(tr("line %1 of the envelope holds a bare CR or LF").arg(lineNumber));
        const QByteArrayView value = line.sliced(isSender ? kSender.size() : kReceiver.size());
        if (value.size() < 2 || value.front() != '<' || value.back() != '>')
            return corrupt(tr("line %1 of the envelope has no <path>").arg(lineNumber));
        const QByteArrayView path = value.sliced(1, value.size() - 2);
        if (path.isEmpty() && isReceiver)
            return corrupt(
                tr("line %1 of the envelope names the null path as a recipient").arg(lineNumber));
        const QString text = QString::fromUtf8(path);
        if (!path.isEmpty()) {
            const Result<MailAddress> a = MailAddress::parse(text);
            if (!a) {
                return corrupt(tr("line %1 of the envelope: %2 is not a valid address: %3")
                                   .arg(lineNumber)
                                   .arg(MailAddress::printable(text), a.error().message));
            }
            if (a->toString().toUtf8() != path) {
                return corrupt(tr("line %1 of the envelope: %2 is not written as the connector "
                                  "writes it")
                                   .arg(lineNumber)
                                   .arg(MailAddress::printable(text)));
            }
        }
        if (isSender) {
            e.sender = text;
        } else {
            if (seen.contains(text))
                return corrupt(
                    tr("line %1 of the envelope names %2 again").arg(lineNumber).arg(text));
            seen.insert(text);
            e.recipients.append(text);
        }
        pos += end + 2;
    }
    if (e.recipients.isEmpty())
        return corrupt(tr("the envelope has no x-receiver line"));
    const QByteArrayView message = head.sliced(pos);
    if (message.isEmpty())
        return corrupt(tr("no message follows the envelope"));
    if (message.front() == ' ' || message.front() == '\t'
        || looksLikeEnvelopeLine(message.first(std::min(message.size(), kLookAhead)))
        || (message.startsWith('\r') && !message.startsWith("\r\n")))
        return corrupt(tr("the line after the envelope is an envelope line in another form"));
    e.messageOffset = pos;
    return e;
}

std::optional<PickupEnvelope> PickupEnvelope::parse(QByteArrayView head)
{
    Result<PickupEnvelope> e = read(head);
    if (!e)
        return std::nullopt;
    return std::move(e).value();
}

Result<PickupEnvelope> PickupEnvelope::read(QIODevice &file, qint64 from)
{
    constexpr qint64 kChunk = 64 * 1024;
    if (!file.seek(from))
        return Error {ErrorCode::Io, file.errorString()};
    QByteArray head;
    for (;;) {
        const qsizetype length = envelopeLength(head);
        if (length > kMaxBytes || (length < 0 && head.size() > kMaxBytes)) {
            return Error {ErrorCode::LimitExceeded,
                tr("the envelope is longer than %1 MB").arg(kMaxBytes / (1024 * 1024))};
        }
        if ((length >= 0 && head.size() - length >= kLookAhead) || file.atEnd())
            break;
        // Growing reads, never far past the limit.
        const qint64 want = std::min<qint64>(
            std::max<qint64>(kChunk, head.size()), kMaxBytes + kLookAhead + 1 - head.size());
        const QByteArray chunk = file.read(want);
        if (chunk.isEmpty()) {
            if (!file.atEnd())
                return Error {ErrorCode::Io, file.errorString()};
            break;
        }
        head += chunk;
    }
    Result<PickupEnvelope> e = read(head);
    if (e)
        e.value().messageOffset += from;
    return e;
}

} // namespace Pop3Connector

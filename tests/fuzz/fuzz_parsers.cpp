// Every parser that reads bytes from a server, a spool file or a header, fed arbitrary input.
// Built as a libFuzzer target (ENABLE_FUZZING=ON with clang; scripts/fuzz.sh runs it for long),
// and as tst_fuzz_smoke, which replays seeds and a few thousand random mutations in CI.
#include "protocol/linesession.h"
#include "protocol/mailaddress.h"
#include "protocol/mimeparser.h"
#include "protocol/pop3parser.h"
#include "protocol/sasl.h"
#include "protocol/smtpprotocol.h"
#include "service/controlmessages.h"
#include "service/controlprotocol.h"
#include "spool/messagemetadata.h"
#include "spool/pickupenvelope.h"

#include <QBuffer>
#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>
#include <cstdio>

using namespace Pop3Connector;

namespace {

// Says which check failed (traps are merged by the optimiser, so a backtrace may not).
#define fail()                                                                                     \
    do {                                                                                           \
        std::fprintf(stderr, "fuzz_parsers.cpp:%d: check failed\n", __LINE__);                     \
        __builtin_trap();                                                                          \
    } while (false)

// Whatever MailAddress::parse() accepts is one line of printable text within the limits of
// RFC 5321 §4.5.3.1, '<' and '>' only in a quoted local part, and canonical: parsing its text
// again gives the same address.
std::optional<MailAddress> checkAddress(QStringView text)
{
    const Result<MailAddress> a = MailAddress::parse(text);
    if (!a)
        return std::nullopt;
    const QString s = a->toString();
    const QByteArray path = a->toPath();
    if (a->isNull() || s.isEmpty() || path.size() > MailAddress::kMaxPath
        || a->localPart().toUtf8().size() > MailAddress::kMaxLocalPart)
        fail();
    for (QChar c : s) {
        if (c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() < 0xa0)
            || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            fail();
    }
    if (!a->localPart().startsWith(u'"') && (s.contains(u'<') || s.contains(u'>')))
        fail();
    if (a->domain().contains(u'<') || a->domain().contains(u'>') || a->domain().contains(u'@'))
        fail();
    const Result<MailAddress> again = MailAddress::parse(s);
    if (!again || !(*again == *a) || again->toString() != s)
        fail();
    return *a;
}

// The control channel's decoder, as the service meets a client's bytes: whatever arrives, in
// whatever pieces, it gives messages, "not yet" or an error, never holds more than one frame's
// limit, and each message it gives is one that encodes back to itself.
void checkControlFrames(QByteArrayView bytes)
{
    using namespace Pop3Connector::Control;
    constexpr qint64 kLimit = 4096; // small, so that random lengths hit both sides of it
    FrameDecoder decoder(kLimit);
    const qsizetype cut = bytes.isEmpty() ? 0 : qsizetype(uchar(bytes[0])) % bytes.size();
    for (QByteArrayView piece : {bytes.first(cut), bytes.sliced(cut)}) {
        decoder.append(piece);
        for (;;) {
            Result<std::optional<Message>> next = decoder.next();
            if (!next)
                return; // the connection would close here
            if (!next->has_value())
                break;
            const Message &m = **next;
            if (m.type == Type::Request && (m.name.isEmpty() || m.name.size() > 64))
                fail();
            FrameDecoder again(kMaxServiceFrame);
            again.append(encodeFrame(m));
            const Result<std::optional<Message>> back = again.next();
            if (!back || !back->has_value() || (*back)->type != m.type || (*back)->id != m.id
                || (*back)->name != m.name || (*back)->body != m.body)
                fail();
            // The typed readers take any map a peer sends.
            (void)eventFromCbor(m.body);
            (void)progressFromCbor(m.body);
            (void)summaryFromCbor(m.body);
            (void)cycleFromCbor(m.body);
        }
        if (decoder.buffered() > kLimit + 4 + bytes.size())
            fail();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QByteArray> lines = bytes.toByteArray().split('\n');

    (void)parseStatusLine(bytes);
    (void)parseContinuation(bytes);
    (void)parseCapabilities(lines);
    (void)parseStat(bytes);
    for (const QByteArray &line : lines) {
        (void)parseScanLine(line);
        (void)parseUniqueIdLine(line);
        (void)parseSmtpReplyLine(line);
    }
    (void)apopTimestamp(bytes);

    // A server's line is at most the cap, and a complete one is never longer than the input.
    const qsizetype line = lineLength(bytes, 64);
    if (line > bytes.size() || line > 65 || (line < 0 && bytes.size() <= 64))
        fail();
    // Any challenge gets a base64 answer, masked in the transcript.
    for (const SaslMechanism &m : saslMechanisms()) {
        SaslExchange exchange(m, {"user", "secret"});
        const SaslResponse r = exchange(bytes.toByteArray());
        if (r.line.isEmpty() || r.transcriptLine != "********")
            fail();
    }

    // The decoder must consume everything up to its terminator, whatever the chunking.
    MultiLineDecoder decoder;
    QByteArray out;
    qsizetype consumed = 0;
    const qsizetype half = bytes.size() / 2;
    const MultiLineDecoder::Step first = decoder.decode(bytes.first(half), out);
    consumed += first.consumed;
    if (!first.finished)
        consumed += decoder.decode(bytes.sliced(half), out).consumed;
    if (consumed > bytes.size() || out.size() > bytes.size())
        __builtin_trap();

    DataEncoder encoder;
    QByteArray encoded;
    encoder.encode(bytes, encoded);
    encoder.finish(encoded);
    if (!encoded.endsWith("\r\n.\r\n") && encoded != ".\r\n")
        __builtin_trap();

    SmtpReply reply;
    reply.code = 250;
    reply.lines = lines;
    (void)parseEhloReply(reply);

    // Addresses: the whole input, each line, and what the header extraction finds in it.
    QList<MailAddress> valid;
    const auto consider = [&valid](QStringView text) {
        if (const std::optional<MailAddress> a = checkAddress(text)) {
            if (valid.size() < 64 && !valid.contains(*a))
                valid.append(*a);
        }
    };
    consider(QString::fromUtf8(bytes));
    for (const QByteArray &line : lines)
        consider(QString::fromUtf8(line));
    for (const QString &spec : MimeParser::addrSpecs(bytes))
        consider(spec);
    (void)MailAddress::printable(QString::fromUtf8(bytes));

    // The pickup envelope. What the reader accepts, written again, is the same bytes; the reader
    // over a file agrees with the reader over bytes.
    const Result<PickupEnvelope> e = PickupEnvelope::read(bytes);
    if (e) {
        if (e->messageOffset <= 0 || e->messageOffset >= bytes.size() || e->recipients.isEmpty()
            || !e->senderAddress() || !e->recipientAddresses())
            fail();
        const Result<QByteArray> written = e->write();
        if (!written || *written != bytes.first(e->messageOffset))
            fail();
        // -1: the bytes end where more envelope could follow ("x-recei" may be a message too).
        const qsizetype length = PickupEnvelope::envelopeLength(bytes);
        if (length >= 0 && length != e->messageOffset)
            fail();
    }
    if (PickupEnvelope::parse(bytes).has_value() != e.ok())
        fail();
    {
        QByteArray copy = bytes.toByteArray();
        QBuffer file(&copy);
        file.open(QIODevice::ReadOnly);
        const Result<PickupEnvelope> fromFile = PickupEnvelope::read(file);
        if (fromFile.ok() != e.ok()
            || (e
                && (fromFile->sender != e->sender || fromFile->recipients != e->recipients
                    || fromFile->messageOffset != e->messageOffset)))
            fail();
    }
    // What the writer writes the reader reads back identically.
    if (!valid.isEmpty()) {
        for (const MailAddress &sender : {valid.first(), MailAddress::nullPath()}) {
            const PickupEnvelope w = PickupEnvelope::make(sender, valid);
            const Result<QByteArray> written = w.write();
            if (!written)
                fail();
            const QByteArray file = *written + "Received: x\r\n\r\nbody\r\n";
            const Result<PickupEnvelope> back = PickupEnvelope::read(file);
            if (!back || back->messageOffset != written->size()
                || back->senderAddress().value() != sender
                || back->recipientAddresses().value() != valid)
                fail();
        }
    }
    if (const std::optional<MessageMetadata> m = MessageMetadata::parse(bytes)) {
        const std::optional<MessageMetadata> again = MessageMetadata::parse(m->serialize());
        if (!again || again->uid != m->uid || again->mailbox != m->mailbox)
            __builtin_trap();
    }
    QString error;
    (void)MimeParser::parseHeaderBlock(bytes, &error);
    checkControlFrames(bytes);
    return 0;
}

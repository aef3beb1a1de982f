// Every parser that reads bytes from a server, a spool file or a header, fed arbitrary input.
// Built as a libFuzzer target (ENABLE_FUZZING=ON with clang; scripts/fuzz.sh runs it for long),
// and as tst_fuzz_smoke, which replays seeds and a few thousand random mutations in CI.
#include "messagemetadata.h"
#include "mimeparser.h"
#include "pickupenvelope.h"
#include "pop3parser.h"
#include "smtpprotocol.h"

#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>

using namespace Pop3Connector;

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

    if (const std::optional<PickupEnvelope> e = PickupEnvelope::parse(bytes)) {
        if (e->messageOffset > bytes.size() || e->recipients.isEmpty())
            __builtin_trap();
    }
    if (const std::optional<MessageMetadata> m = MessageMetadata::parse(bytes)) {
        const std::optional<MessageMetadata> again = MessageMetadata::parse(m->serialize());
        if (!again || again->uid != m->uid || again->mailbox != m->mailbox)
            __builtin_trap();
    }
    QString error;
    (void)MimeParser::parseHeaderBlock(bytes, &error);
    return 0;
}

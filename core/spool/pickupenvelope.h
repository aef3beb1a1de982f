#pragma once

#include "base/result.h"
#include "protocol/mailaddress.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

class QIODevice;

namespace Pop3Connector {

// The envelope at the top of a PickUp file, in the pickup-directory format of the IIS/Exchange
// SMTP service, exactly as the connector writes it:
//
//   "x-sender: <" reverse-path ">" CRLF        once; "<>" is the null sender
//   "x-receiver: <" forward-path ">" CRLF      once per recipient, no recipient twice
//
// then the message, at least one byte of it. Each path is a MailAddress as toString() gives it.
// The reader accepts exactly what the writer writes and refuses everything else (other
// spellings, LF alone, a bare CR, an indented or folded line, an address that is not valid or
// not canonical): what it refuses goes to BadMail; nothing is repaired into a recipient.
struct PickupEnvelope
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::PickupEnvelope)

public:
    // Far more than the recipients a header can name (MimeParser reads 1 MB of it).
    static constexpr qint64 kMaxBytes = 16 * 1024 * 1024;

    // The reverse-path and forward-paths as text (canonical when read or made; write() checks
    // and canonicalises text set by hand). An empty sender is the null sender <>.
    QString sender;
    QStringList recipients;
    qint64 messageOffset = 0; // where the message starts in the file

    static PickupEnvelope make(const MailAddress &sender, const QList<MailAddress> &recipients);
    // The fields as addresses; an error when one is not a valid address, there is no
    // recipient, or one repeats.
    Result<MailAddress> senderAddress() const;
    Result<QList<MailAddress>> recipientAddresses() const;

    // The envelope's bytes, each address in its canonical form (MailAddress::toPath()); the
    // errors of senderAddress() and recipientAddresses().
    Result<QByteArray> write() const;
    // write()'s bytes, or nothing when it refuses: a file without an envelope goes to BadMail,
    // never to a recipient the fields did not validly name.
    QByteArray serialize() const;

    // Reads the envelope at the start of `head`, the first bytes of a file, which must hold all
    // of the envelope and the start of the message. Pure.
    static Result<PickupEnvelope> read(QByteArrayView head);
    // read(), or nothing.
    static std::optional<PickupEnvelope> parse(QByteArrayView head);
    // Reads the whole envelope of the file open in `file`, from `from` (after the sidecar at the
    // top of the file, if it has one), however long it is up to kMaxBytes; messageOffset counts
    // from the start of the file. Leaves the position of `file` undefined.
    static Result<PickupEnvelope> read(QIODevice &file, qint64 from = 0);
    // How many bytes of `head` the envelope lines take, or -1 when `head` may end inside them
    // (read more). Pure; read() says whether the lines are valid.
    static qsizetype envelopeLength(QByteArrayView head);
};

} // namespace Pop3Connector

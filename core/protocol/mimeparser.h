#pragma once

#include "base/result.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Pop3Connector {

// What the connector reads from a message header. Text for people is decoded (RFC 2047 encoded
// words in any charset, ISO-2022-JP included, come out as Unicode). Addresses are not: each is the
// addr-spec as the header holds it (see addrSpecs()), unvalidated, for MailAddress::parse().
struct MessageHeaders
{
    QString messageId; // without angle brackets
    QString subject;
    QString from; // as shown: "Name <address>"
    QString fromAddress; // the first addr-spec of From
    QStringList to; // addr-specs
    QStringList cc;
    QDateTime date;
    // The addr-spec of Return-Path: empty for the null path <>, nothing without the header.
    std::optional<QString> returnPath;
    // Every addr-spec of every header, keyed by the lower-case header name, in header order:
    // routing looks up the envelope headers (Delivered-To, X-Original-To ...) here.
    QList<std::pair<QString, QString>> headerAddresses;
    int traceCount = 0; // Received: lines this connector added
    qint64 headerBytes = 0; // the header block with its blank line; parseHeaders() only
};

// The one place that knows GMime. Messages are read from files, never whole into memory.
class MimeParser
{
public:
    // The comment that marks this connector's Received: lines.
    static constexpr QLatin1StringView kTraceMark {"(POP3 Connector)"};

    // Parses the header block of the message stored at `path` from byte `offset` on (after a
    // pickup envelope). Returns nothing, with `error` set, when the file cannot be read or
    // holds no header.
    static std::optional<MessageHeaders> parseHeaders(
        const QString &path, qint64 offset, QString *error);
    static std::optional<MessageHeaders> parseHeaderBlock(QByteArrayView header, QString *error);

    // The addr-specs of an address header's value (RFC 5322 §3.4 address-list, with groups and
    // the obsolete route), in order: what is between the angle brackets, or the bare addr-spec,
    // without display names and comments. Only folding around an addr-spec and its '@' is
    // dropped; inside it nothing is unfolded, decoded or repaired, so a line break or a control
    // character stays for MailAddress::parse() to refuse. "<>" gives an empty string. Pure.
    static QStringList addrSpecs(QByteArrayView value);

    // The decoded text of the message's first text part (HTML stripped of tags when there is
    // no plain text), at most `maxChars` characters.
    static QString previewText(const QString &path, qint64 offset, int maxChars);

    // A new message to `to` that explains `text` and carries the bytes of `source` (from
    // `offset` on) as an attachment "original.eml": a message/rfc822 part that a mail client
    // opens as the message it is, or, when the bytes cannot travel as one (isForwardable()),
    // an application/octet-stream part in base64 that keeps them exactly.
    // Whether `message` can be carried unencoded as a message/rfc822 part (RFC 2046 §5.2.1:
    // 7bit or 8bit only): no NUL, no bare CR or LF, lines of at most 998 octets, and a header.
    static bool isForwardable(QByteArrayView message);
    static Result<QByteArray> wrapAsAttachment(const QString &source, qint64 offset,
        const QString &from, const QString &to, const QString &subject, const QString &text,
        const QString &messageId);
};

} // namespace Pop3Connector

#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace Pop3Connector {

// Pure parsing and encoding for SMTP (RFC 5321) and LMTP (RFC 2033); no socket here.

struct SmtpReplyLine
{
    int code = 0;
    bool last = true; // "250 " ends a reply, "250-" continues it
    QByteArray text;
};
// RFC 5321 §4.2: three digits, then a space, a hyphen, or the end of the line.
std::optional<SmtpReplyLine> parseSmtpReplyLine(QByteArrayView line);

struct SmtpReply
{
    int code = 0;
    QList<QByteArray> lines;

    bool isPositive() const { return code >= 200 && code < 400; }
    bool isTransient() const { return code >= 400 && code < 500; }
    bool isPermanent() const { return code >= 500; }
    // "550 5.1.1 <x@y> User unknown", joined for people.
    QByteArray text() const;
};

// RFC 5321 §4.1.1.1: the extensions of an EHLO (or RFC 2033 LHLO) reply.
struct SmtpExtensions
{
    bool pipelining = false; // RFC 2920
    bool startTls = false; // RFC 3207
    bool eightBitMime = false; // RFC 6152
    bool smtpUtf8 = false; // RFC 6531
    qint64 size = -1; // RFC 1870 SIZE limit; 0 means no fixed limit, -1 not offered
    QList<QByteArray> auth; // RFC 4954 mechanisms, upper-case
};
SmtpExtensions parseEhloReply(const SmtpReply &reply);

// Encodes a message body for DATA (RFC 5321 §4.5.2): CRLF line ends (a bare LF becomes CRLF),
// a leading dot doubled, and the final "." line. Streams: call encode() per chunk, then finish().
class DataEncoder
{
public:
    void encode(QByteArrayView chunk, QByteArray &out);
    void finish(QByteArray &out);

private:
    bool m_lineStart = true;
    bool m_pendingCr = false;
};

// Whether a message holds bytes above 127 (BODY=8BITMIME) within `head`.
bool hasEightBit(QByteArrayView bytes);

} // namespace Pop3Connector

#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace Pop3Connector {

// Pure parsing of POP3 server replies (RFC 1939, RFC 2449, RFC 3206). No socket here:
// every function takes the bytes of one line without its CRLF.

// RFC 2449 §8 response codes, the ones the connector acts on; anything else is Other.
enum class ResponseCode { None, InUse, LoginDelay, SysTemp, SysPerm, Auth, Utf8, Other };

struct StatusLine
{
    bool ok = false;
    ResponseCode code = ResponseCode::None;
    QByteArray codeText; // as sent, for example "SYS/TEMP"; empty when none
    QByteArray text; // the human-readable rest
};

// RFC 1939 §3: "+OK" or "-ERR", optionally followed by a space and text; RFC 2449 §8 puts a
// bracketed response code first. Anything else is not a status line.
std::optional<StatusLine> parseStatusLine(QByteArrayView line);

// RFC 5034 §4: a continuation line "+ base64" (or a bare "+") during AUTH.
std::optional<QByteArray> parseContinuation(QByteArrayView line);

// RFC 2449 §6: the capabilities of a CAPA response.
struct Capabilities
{
    bool known = false; // CAPA was answered
    bool top = false;
    bool uidl = false;
    bool user = false;
    bool pipelining = false;
    bool stls = false;
    bool respCodes = false;
    bool authRespCode = false;
    QList<QByteArray> saslMechanisms; // upper-case
    std::optional<int> expireDays; // EXPIRE n; 0 means deleted at once; NEVER leaves it unset
    bool expireNever = false;
    std::optional<int> loginDelaySeconds;
    QByteArray implementation;

    bool hasSasl(QByteArrayView mechanism) const;
};
Capabilities parseCapabilities(const QList<QByteArray> &lines);

// RFC 1939 §5 STAT reply text "nn mm".
struct Drop
{
    int count = 0;
    qint64 octets = 0;
};
std::optional<Drop> parseStat(QByteArrayView text);

// RFC 1939 §5 scan listing "msg octets" (LIST) and unique-id listing "msg uid" (UIDL).
struct ScanEntry
{
    int number = 0;
    qint64 octets = 0;
};
std::optional<ScanEntry> parseScanLine(QByteArrayView line);

struct UniqueIdEntry
{
    int number = 0;
    QByteArray uid;
};
// RFC 1939 §7: the unique-id is 1 to 70 characters in the range 0x21 to 0x7E.
std::optional<UniqueIdEntry> parseUniqueIdLine(QByteArrayView line);

// The most entries the connector accepts in one LIST or UIDL listing: far above any real
// maildrop, low enough that a listing that never ends costs tens of megabytes, not gigabytes.
constexpr qsizetype kMaxListingEntries = 1'000'000;

// A LIST listing (RFC 1939 §5), built line by line as it streams in: 16 bytes a message.
class ScanListing
{
public:
    // Parses and keeps one line. An invalid line is an InvalidInput error; the line after
    // kMaxListingEntries is LimitExceeded.
    Status add(QByteArrayView line);
    // Sorts by message number (servers list in order; this makes sure) and drops repeats.
    void seal();
    const std::vector<ScanEntry> &entries() const { return m_entries; }

private:
    std::vector<ScanEntry> m_entries;
};

// A UIDL listing (RFC 1939 §7), built line by line as it streams in: the unique-ids packed in
// one buffer, 12 bytes of index plus the id's own length a message.
class UniqueIdListing
{
public:
    Status add(QByteArrayView line);
    void seal();
    qsizetype size() const { return qsizetype(m_entries.size()); }
    // Where message `number` is in the listing, or -1. Call after seal().
    qsizetype indexOf(int number) const;
    // The unique-id of message `number`, or an empty view. Call after seal().
    QByteArrayView uid(int number) const;
    // The listing's i-th unique-id, in message number order.
    QByteArrayView uidAt(qsizetype i) const;

private:
    struct Entry
    {
        int number;
        quint32 offset;
        quint32 length;
    };
    std::vector<Entry> m_entries;
    QByteArray m_ids;
};

// Splits a byte stream into lines as it arrives (a multi-line body, after MultiLineDecoder).
// Each byte is looked at once; at most one unfinished line is held, and never more than
// `maxLength` bytes of it.
class LineSplitter
{
public:
    using LineHandler = std::function<Status(QByteArrayView line)>;

    explicit LineSplitter(qsizetype maxLength)
        : m_maxLength(maxLength)
    { }

    // Calls `onLine` with each line completed by `chunk`, without its CRLF or LF. Stops at the
    // first error from `onLine`, or with LimitExceeded at a line longer than maxLength.
    Status feed(QByteArrayView chunk, const LineHandler &onLine);
    // The end of the stream: a last line without a line end is handed over too.
    Status finish(const LineHandler &onLine);
    void reset() { m_partial.clear(); }
    qsizetype pendingBytes() const { return m_partial.size(); }

private:
    Status deliver(QByteArrayView line, const LineHandler &onLine);

    qsizetype m_maxLength;
    QByteArray m_partial;
};

// RFC 1939 §7 APOP: the "<...@...>" timestamp of the greeting, or empty when there is none.
QByteArray apopTimestamp(QByteArrayView greeting);
QByteArray apopDigest(QByteArrayView timestamp, QByteArrayView password);

// Decodes an RFC 1939 §3 multi-line response body as it streams in: removes the byte-stuffed
// leading dot of each line, keeps line ends as received, and stops at the terminating ".".
// Lines may end in CRLF or, from lax servers, a bare LF.
class MultiLineDecoder
{
public:
    struct Step
    {
        qsizetype consumed = 0; // bytes of the input used
        bool finished = false; // the terminator was consumed
    };

    // Decodes from `input`, appending payload to `out`. Stops right after the terminator, so the
    // bytes after it (the next reply) are left unconsumed.
    Step decode(QByteArrayView input, QByteArray &out);
    void reset();

private:
    enum class LineState { Start, Dot, DotCr, Middle };
    LineState m_state = LineState::Start;
};

} // namespace Pop3Connector
